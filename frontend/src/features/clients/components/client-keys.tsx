import { Button, Code, Group, Modal, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { describeError } from '@/lib/api/errors';
import type { Client, ClientKey, NewKey } from '@/lib/api/types';
import { keyRequestOf, useAddKey } from '../api/add-key';
import { useRemoveKey } from '../api/remove-key';
import { DayOf, LastUsed } from './client-status';

export const MAX_KEYS = 2;

/** A thumbprint short enough for a table cell; the whole one is in its title and in the confirmation. */
export function shortKid(kid: string): string {
  return kid.length > 16 ? `${kid.slice(0, 8)}…${kid.slice(-6)}` : kid;
}

type KeysProps = {
  client: Client;
  onAdd: () => void;
  onRemove: (key: ClientKey) => void;
};

/** The client's public keys for private_key_jwt: thumbprint, algorithm, created, last used; Add and Remove. */
export function KeysSection({ client, onAdd, onRemove }: KeysProps) {
  const headingId = useId();
  const keys = client.keys;
  const workingSecrets = client.secrets.filter((s) => s.linkExpiresAt == null).length;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={4} size="h6" id={headingId}>
          Public keys (private_key_jwt)
        </Title>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconKey size={16} aria-hidden />}
          disabled={keys.length >= MAX_KEYS}
          onClick={onAdd}
        >
          Add public key
        </Button>
      </Group>
      <Table verticalSpacing={6} aria-label={`Public keys of ${client.clientId}`} data-testid="keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Key ID (thumbprint)</Table.Th>
            <Table.Th scope="col">Algorithm</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              Last used
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" className="muted">
                  No public key: the client authenticates with its secret.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {keys.map((key) => {
            // The server keeps one working credential: the last key goes only beside a working secret.
            const removable = keys.length > 1 || workingSecrets > 0;
            return (
              <Table.Tr key={key.kid} data-kid={key.kid}>
                <Table.Td>
                  <Text size="sm" ff="monospace" title={key.kid} style={{ whiteSpace: 'nowrap' }}>
                    {shortKid(key.kid)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{key.alg}</Text>
                </Table.Td>
                <Table.Td>
                  <DayOf at={key.createdAt} />
                </Table.Td>
                <Table.Td>
                  <LastUsed at={key.lastUsedAt} />
                </Table.Td>
                <Table.Td ta="right">
                  {removable && (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Remove key ${shortKid(key.kid)}`}
                      onClick={() => onRemove(key)}
                    >
                      Remove
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

type AddProps = { client: Client; opened: boolean; onClose: () => void; zIndex: number };

/** Paste a PEM or a JWK; once added, the dialog shows the key's thumbprint, which assertions name as kid. */
export function AddKeyDialog({ client, opened, onClose, zIndex }: AddProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Add a public key to ${client.clientId}`} zIndex={zIndex}>
      {opened && <AddKeyForm client={client} onClose={onClose} />}
    </Modal>
  );
}

function AddKeyForm({ client, onClose }: { client: Client; onClose: () => void }) {
  const [text, setText] = useState('');
  const [added, setAdded] = useState<NewKey | null>(null);
  const add = useAddKey();
  const errorId = useId();

  if (added) {
    return (
      <Stack>
        <Text size="sm" role="status">
          The key was added. The integrator signs its client assertions with the private key and names this key ID (its
          RFC 7638 thumbprint) in their <Code>kid</Code> header:
        </Text>
        <Code block data-testid="added-kid">
          {added.kid}
        </Code>
        <Text size="sm">Algorithm: {added.alg}</Text>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            Done
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = () => {
    add.mutate(
      { clientId: client.clientId, key: keyRequestOf(text) },
      {
        onSuccess: (key) => {
          setAdded(key);
          notifications.show({ color: 'teal', message: `A public key was added to ${client.clientId}.` });
        },
      },
    );
  };

  return (
    <Stack>
      <Text size="sm">
        Paste the integrator’s <strong>public</strong> key: a PEM block (<Code>-----BEGIN PUBLIC KEY-----</Code>) or a
        JWK. EC P-256 or P-384, RSA of at least 2048 bits, or Ed25519. Never paste a private key.
      </Text>
      <Textarea
        label="Public key (PEM or JWK)"
        autosize
        minRows={6}
        maxRows={14}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={add.error != null ? describeError(add.error) : undefined}
        errorProps={{ id: errorId, role: 'alert' }}
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={add.isPending}>
          Cancel
        </Button>
        <Button onClick={submit} loading={add.isPending} disabled={text.trim() === ''}>
          Add key
        </Button>
      </Group>
    </Stack>
  );
}

type RemoveProps = { client: Client; clientKey: ClientKey | null; onClose: () => void; zIndex: number };

export function RemoveKeyDialog({ client, clientKey, onClose, zIndex }: RemoveProps) {
  const remove = useRemoveKey();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={clientKey != null}
      title={`Remove key ${clientKey ? shortKid(clientKey.kid) : ''}?`}
      confirmLabel="Remove key"
      zIndex={zIndex}
      pending={remove.isPending}
      error={remove.error ?? undefined}
      onClose={close}
      onConfirm={() => {
        if (!clientKey) return;
        remove.mutate(
          { clientId: client.clientId, kid: clientKey.kid },
          {
            onSuccess: () => {
              close();
              notifications.show({ color: 'teal', message: `The key of ${client.clientId} was removed.` });
            },
          },
        );
      }}
    >
      Assertions signed with the key <Code>{clientKey?.kid}</Code> no longer authenticate{' '}
      <strong>{client.clientId}</strong>, and the tokens obtained with it are refused at once. This cannot be undone.
    </ConfirmDialog>
  );
}
