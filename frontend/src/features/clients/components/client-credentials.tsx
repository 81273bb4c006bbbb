import {
  Button,
  getDefaultZIndex,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import { describeError } from '@/lib/api/errors';
import type { Client, ClientKey, Delivery, Secret } from '@/lib/api/types';
import { formatDateTime } from '@/lib/dates';
import { clientQueryOptions, useClient } from '../api/get-client';
import { useRetireSecret } from '../api/retire-secret';
import { useRotateSecret } from '../api/rotate-secret';
import { useSetClientEnabled } from '../api/set-client-enabled';
import { AddKeyDialog, KeysSection, RemoveKeyDialog } from './client-keys';
import { DayOf, DpopBadge, LastUsed, StatusBadge } from './client-status';
import { DeliveryChoice } from './delivery-choice';
import { handoverOf, type IssuedSecret } from './secret-dialog';

/** The dialogs the credentials section opens above the client's dialog (which then ignores Escape). */
export type CredentialDialog =
  | { kind: 'rotate' }
  | { kind: 'retire'; secret: Secret }
  | { kind: 'enable' }
  | { kind: 'disable' }
  | { kind: 'add-key' }
  | { kind: 'remove-key'; key: ClientKey };

type Props = {
  /** The client as its row showed it; the section asks the server again every few seconds. */
  shown: Client;
  dialog: CredentialDialog | null;
  onDialog: (dialog: CredentialDialog | null) => void;
  /** A rotation's new secret or link, for the secret dialog. */
  onIssued: (secret: IssuedSecret) => void;
};

const ABOVE_DIALOG = getDefaultZIndex('modal') + 5;
const MAX_SECRETS = 2;

/** A secret as a person tells it apart: its hint, or why it has none. */
function secretName(secret: Secret): string {
  if (secret.hint) return secret.hint;
  return secret.linkExpiresAt ? 'Link not opened yet' : 'Secret without hint';
}

/**
 * The Edit dialog's status and secrets, refetched while open so that the admin sees the old secret
 * drain (its last use stops moving, then it is gone); Rotate secret, Retire now, Disable / Enable.
 */
export function ClientCredentials({ shown, dialog, onDialog, onIssued }: Props) {
  const headingId = useId();
  const live = useClient(shown.clientId, shown);
  const client = live.data ?? shown;
  const full = client.secrets.length >= MAX_SECRETS;
  const close = () => onDialog(null);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={3} size="h5" id={headingId}>
                Credentials
              </Title>
              <StatusBadge client={client} />
              <DpopBadge client={client} />
              {live.isFetching && <Loader size={14} aria-label="Refreshing" />}
            </Group>
            <Text size="sm" component="div">
              Last token: <LastUsed at={client.lastUsedAt} never="never" />
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              disabled={full}
              onClick={() => onDialog({ kind: 'rotate' })}
            >
              Rotate secret
            </Button>
            {client.enabled ? (
              <Button
                size="xs"
                variant="outline"
                color="red.8"
                leftSection={<IconPlayerPause size={16} aria-hidden />}
                onClick={() => onDialog({ kind: 'disable' })}
              >
                Disable client
              </Button>
            ) : (
              <Button
                size="xs"
                variant="outline"
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() => onDialog({ kind: 'enable' })}
              >
                Enable client
              </Button>
            )}
          </Group>
        </Group>
        {!client.enabled && (
          <Text size="sm">
            This client is disabled: it obtains no tokens and the tokens it holds are refused. Its secrets are kept.
          </Text>
        )}
        {full && (
          <Text size="sm" className="muted">
            A client holds at most two secrets. The older one retires by itself once the newer one is in use and it has
            gone unused for a while, or at the date shown; Retire now ends it at once.
          </Text>
        )}
        {live.isError && (
          <ErrorState
            title="Could not refresh this client"
            error={live.error}
            onRetry={() => void live.refetch()}
            retrying={live.isFetching}
          />
        )}
        <SecretsTable client={client} onRetire={(secret) => onDialog({ kind: 'retire', secret })} />
        <KeysSection
          client={client}
          onAdd={() => onDialog({ kind: 'add-key' })}
          onRemove={(key) => onDialog({ kind: 'remove-key', key })}
        />
      </Stack>

      <RotateDialog
        client={client}
        opened={dialog?.kind === 'rotate'}
        onClose={close}
        onIssued={(issued) => {
          close();
          onIssued(issued);
        }}
      />
      <RetireDialog client={client} secret={dialog?.kind === 'retire' ? dialog.secret : null} onClose={close} />
      <AddKeyDialog client={client} opened={dialog?.kind === 'add-key'} onClose={close} zIndex={ABOVE_DIALOG} />
      <RemoveKeyDialog
        client={client}
        clientKey={dialog?.kind === 'remove-key' ? dialog.key : null}
        onClose={close}
        zIndex={ABOVE_DIALOG}
      />
      <EnableDialog
        client={client}
        enable={dialog?.kind === 'enable' ? true : dialog?.kind === 'disable' ? false : null}
        onClose={close}
      />
    </Paper>
  );
}

function SecretsTable({ client, onRetire }: { client: Client; onRetire: (secret: Secret) => void }) {
  const working = client.secrets.filter((s) => s.linkExpiresAt == null).length;
  return (
    <Table verticalSpacing={6} aria-label={`Secrets of ${client.clientId}`} data-testid="secrets">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Secret</Table.Th>
          <Table.Th scope="col">Created</Table.Th>
          <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
            Last used
          </Table.Th>
          <Table.Th scope="col">Retires</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {client.secrets.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={5}>
              <Text size="sm" className="muted">
                {client.keys.length > 0
                  ? 'No secret: the client authenticates with its public key.'
                  : 'No live secret: rotate to make one.'}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {client.secrets.map((secret) => {
          const link = secret.linkExpiresAt != null;
          // The server keeps one working credential: only a second secret, an unopened link, or a secret
          // beside a key can go.
          const removable = link || working > 1 || client.keys.length > 0;
          return (
            <Table.Tr key={secret.secretId} data-secret-id={secret.secretId}>
              <Table.Td>
                <Text size="sm" ff={secret.hint ? 'monospace' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {secretName(secret)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DayOf at={secret.createdAt} />
              </Table.Td>
              <Table.Td>
                <LastUsed at={secret.lastUsedAt} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {secret.linkExpiresAt != null
                    ? `Waiting for its link until ${formatDateTime(secret.linkExpiresAt)}`
                    : secret.retiresAt != null
                      ? `Retires by ${formatDateTime(secret.retiresAt)}`
                      : 'Not scheduled'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {removable && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`${link ? 'Revoke link' : 'Retire now'}: ${secretName(secret)}`}
                    onClick={() => onRetire(secret)}
                  >
                    {link ? 'Revoke link' : 'Retire now'}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

type RotateProps = {
  client: Client;
  opened: boolean;
  onClose: () => void;
  onIssued: (secret: IssuedSecret) => void;
};

function RotateDialog({ client, opened, onClose, onIssued }: RotateProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Rotate the secret of ${client.clientId}`} zIndex={ABOVE_DIALOG}>
      {opened && <RotateForm client={client} onClose={onClose} onIssued={onIssued} />}
    </Modal>
  );
}

function RotateForm({ client, onClose, onIssued }: Omit<RotateProps, 'opened'>) {
  const [delivery, setDelivery] = useState<Delivery>('secret');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const rotate = useRotateSecret();
  const queryClient = useQueryClient();

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      const created = await rotate.mutateAsync({ clientId: client.clientId, delivery });
      // Hand the secret over and drop the mutation, so no cache keeps it.
      rotate.reset();
      const handover = handoverOf(created);
      if (handover == null) {
        setError('The server sent neither the new secret nor its link. Look at the client’s secrets and try again.');
        return;
      }
      let oldRetiresAt: string | null = null;
      try {
        const fresh = await queryClient.fetchQuery({ ...clientQueryOptions(client.clientId), staleTime: 0 });
        oldRetiresAt = fresh.secrets.find((s) => s.secretId !== created.secretId)?.retiresAt ?? null;
      } catch {
        // The secret dialog then says the default, 7 days.
      }
      onIssued({
        ...handover,
        clientId: client.clientId,
        oauthClientId: client.oauthClientId,
        rotation: { oldRetiresAt },
      });
    } catch (failure) {
      rotate.reset();
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text size="sm">
        A new secret is made. The current one keeps working until it is drained — the new one has obtained a token and
        the old one has gone unused for a while — or at the latest 7 days from now, so the integrator can switch without
        an outage.
      </Text>
      <DeliveryChoice value={delivery} onChange={setDelivery} />
      {error != null && (
        <Text size="sm" c="red.8" role="alert">
          {typeof error === 'string' ? error : describeError(error)}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button onClick={() => void submit()} loading={busy} data-autofocus>
          Rotate secret
        </Button>
      </Group>
    </Stack>
  );
}

function RetireDialog({ client, secret, onClose }: { client: Client; secret: Secret | null; onClose: () => void }) {
  const retire = useRetireSecret();
  const link = secret?.linkExpiresAt != null;
  const close = () => {
    retire.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={secret != null}
      title={link ? 'Revoke the one-time link?' : `Retire ${secret ? secretName(secret) : 'this secret'} now?`}
      confirmLabel={link ? 'Revoke link' : 'Retire now'}
      zIndex={ABOVE_DIALOG}
      pending={retire.isPending}
      error={retire.error ?? undefined}
      onClose={close}
      onConfirm={() => {
        if (!secret) return;
        retire.mutate(
          { clientId: client.clientId, secretId: secret.secretId },
          {
            onSuccess: () => {
              close();
              notifications.show({
                color: 'teal',
                message: link ? 'The link was revoked.' : `The secret of ${client.clientId} was retired.`,
              });
            },
          },
        );
      }}
    >
      {link ? (
        <>Nobody can open this link any more; the secret behind it is never made. The client keeps its other secret.</>
      ) : (
        <>
          Anything still using this secret of <strong>{client.clientId}</strong> can no longer obtain tokens, and the
          tokens issued with it are refused at once. This cannot be undone.
        </>
      )}
    </ConfirmDialog>
  );
}

function EnableDialog({ client, enable, onClose }: { client: Client; enable: boolean | null; onClose: () => void }) {
  const change = useSetClientEnabled();
  const close = () => {
    change.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={enable != null}
      title={enable ? `Enable ${client.clientId}?` : `Disable ${client.clientId}?`}
      confirmLabel={enable ? 'Enable' : 'Disable'}
      danger={!enable}
      zIndex={ABOVE_DIALOG}
      pending={change.isPending}
      error={change.error ?? undefined}
      onClose={close}
      onConfirm={() => {
        if (enable == null) return;
        change.mutate(
          { client, enabled: enable },
          {
            onSuccess: () => {
              close();
              notifications.show({
                color: 'teal',
                message: enable ? `${client.clientId} enabled.` : `${client.clientId} disabled.`,
              });
            },
          },
        );
      }}
    >
      {enable ? (
        <>
          <strong>{client.clientId}</strong> can obtain tokens again with its current secrets.
        </>
      ) : (
        <>
          <strong>{client.clientId}</strong> can no longer obtain tokens, and the tokens it holds are refused at once.
          Its secrets are kept: enabling it again needs no new secret.
        </>
      )}
    </ConfirmDialog>
  );
}
