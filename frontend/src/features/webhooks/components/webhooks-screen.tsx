import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconHistory,
  IconLock,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconSend,
  IconTrash,
  IconWebhook,
} from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import { describeError } from '@/lib/api/errors';
import type { Me, Webhook } from '@/lib/api/types';
import { holds, WEBHOOKS_CHANGE, WEBHOOKS_READ } from '@/lib/auth/authorization';
import { formatDate } from '@/lib/dates';
import { eventLabel, SUBSCRIBABLE_EVENTS } from '@/lib/events';
import { useDeleteWebhook } from '../api/delete-webhook';
import { useWebhooks } from '../api/get-webhooks';
import { useSendTestEvent } from '../api/send-test-event';
import { useSetWebhookEnabled } from '../api/set-webhook-enabled';
import { DeliveriesDialog } from './deliveries-dialog';
import { WebhookFormDialog } from './webhook-form-dialog';
import { WebhookSecretDialog, type IssuedWebhookSecret } from './webhook-secret-dialog';

/** Settings → IAM → Webhooks: the wallet's endpoints that receive its lifecycle events. */
export function WebhooksScreen({ me }: { me: Me }) {
  const canRead = holds(me, WEBHOOKS_READ);
  const canChange = canRead && holds(me, WEBHOOKS_CHANGE);
  const webhooks = useWebhooks(canRead);
  const remove = useDeleteWebhook();
  const toggle = useSetWebhookEnabled();
  const test = useSendTestEvent();

  const [adding, setAdding] = useState(false);
  // The one place a new signing secret lives, until its dialog closes.
  const [issued, setIssued] = useState<IssuedWebhookSecret | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [toggling, setToggling] = useState<Webhook | null>(null);
  const [history, setHistory] = useState<Webhook | null>(null);

  const sendTest = (webhook: Webhook) =>
    test.mutate(webhook.id, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          message: `A test event is on its way to ${webhook.url}. Its delivery shows in the history.`,
        }),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'The test event was not sent', message: describeError(error) }),
    });

  const header = (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={1} size="h2">
          Webhooks
        </Title>
        <Text size="sm" className="muted" maw={560}>
          Endpoints of your systems that receive this wallet’s lifecycle events — clients created, changed, expiring or
          expired, secrets rotated, users changed — as signed POST requests (Standard Webhooks), retried for 24 hours.
        </Text>
      </div>
      {canChange && (
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
          Add webhook
        </Button>
      )}
    </Group>
  );

  if (!canRead) {
    return (
      <Stack gap="lg">
        {header}
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="You cannot view webhooks">
          Viewing webhooks needs the Webhooks (Read) permission; adding, disabling or deleting them needs Webhooks
          (Change). Ask an administrator of this wallet to grant it to you.
        </Alert>
      </Stack>
    );
  }

  const list = webhooks.data;
  return (
    <Stack gap="lg">
      {header}
      <Paper withBorder radius="md" p="md" component="section" aria-label="Webhooks">
        {webhooks.isError && !list ? (
          <ErrorState
            title="Could not load webhooks"
            error={webhooks.error}
            onRetry={() => void webhooks.refetch()}
            retrying={webhooks.isFetching}
          />
        ) : list && list.length === 0 ? (
          <Stack align="center" gap="xs" py="xl" ta="center">
            <IconWebhook size={40} aria-hidden className="muted" />
            <Text fw={600}>No webhooks yet</Text>
            <Text size="sm" className="muted" maw={480}>
              {canChange
                ? 'Click Add webhook to have your systems told when API clients, secrets or users change.'
                : 'No endpoint receives this wallet’s events. An administrator with the Webhooks (Change) permission can add one.'}
            </Text>
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="sm" highlightOnHover aria-busy={webhooks.isPending} aria-label="Webhooks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Endpoint URL</Table.Th>
                  <Table.Th scope="col">Events</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {webhooks.isPending
                  ? Array.from({ length: 2 }, (_, i) => (
                      <Table.Tr key={i} aria-hidden>
                        <Table.Td colSpan={4}>
                          <Skeleton height={14} />
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : (list ?? []).map((webhook) => (
                      <WebhookRow
                        key={webhook.id}
                        webhook={webhook}
                        canChange={canChange}
                        onHistory={() => setHistory(webhook)}
                        onTest={() => sendTest(webhook)}
                        testing={test.isPending && test.variables === webhook.id}
                        onToggle={() => {
                          toggle.reset();
                          setToggling(webhook);
                        }}
                        onDelete={() => {
                          remove.reset();
                          setDeleting(webhook);
                        }}
                      />
                    ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {canChange && (
        <WebhookFormDialog
          opened={adding}
          onClose={() => setAdding(false)}
          onCreated={(created) => setIssued({ url: created.url, secret: created.secret })}
        />
      )}
      <WebhookSecretDialog issued={issued} onClose={() => setIssued(null)} />
      <DeliveriesDialog
        webhook={history ? (list?.find((w) => w.id === history.id) ?? history) : null}
        onClose={() => setHistory(null)}
        onSendTest={canChange ? sendTest : undefined}
        sendingTest={test.isPending}
      />
      <ConfirmDialog
        opened={toggling != null}
        title={toggling?.enabled ? 'Disable this webhook?' : 'Enable this webhook?'}
        confirmLabel={toggling?.enabled ? 'Disable' : 'Enable'}
        danger={toggling?.enabled ?? true}
        pending={toggle.isPending}
        error={toggle.error ?? undefined}
        onClose={() => setToggling(null)}
        onConfirm={() => {
          if (!toggling) return;
          const enabled = !toggling.enabled;
          toggle.mutate(
            { webhook: toggling, enabled },
            {
              onSuccess: (saved) => {
                setToggling(null);
                notifications.show({
                  color: 'teal',
                  message: `${saved.url} ${enabled ? 'enabled' : 'disabled'}.`,
                });
              },
            },
          );
        }}
      >
        {toggling?.enabled ? (
          <>
            <strong style={{ wordBreak: 'break-all' }}>{toggling.url}</strong> receives no events while it is disabled.
            You can enable it again at any time; its signing secret stays the same.
          </>
        ) : (
          <>
            <strong style={{ wordBreak: 'break-all' }}>{toggling?.url}</strong> receives the events it is subscribed to
            again, signed with the same secret.
          </>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        opened={deleting != null}
        title="Delete this webhook?"
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error ?? undefined}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const { id, url } = deleting;
          remove.mutate(id, {
            onSuccess: () => {
              setDeleting(null);
              if (history?.id === id) setHistory(null);
              notifications.show({ color: 'teal', message: `${url} deleted. It receives no more events.` });
            },
          });
        }}
      >
        <strong style={{ wordBreak: 'break-all' }}>{deleting?.url}</strong> stops receiving events at once, and its
        delivery history goes with it. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}

/** A badge in a narrow column keeps its whole word rather than an ellipsis. */
const UNCUT = { label: { overflow: 'visible' } } as const;

type RowProps = {
  webhook: Webhook;
  canChange: boolean;
  onHistory: () => void;
  onTest: () => void;
  testing: boolean;
  onToggle: () => void;
  onDelete: () => void;
};

/** "All events", or the first few by name. */
function EventsCell({ events }: { events: string[] }) {
  if (SUBSCRIBABLE_EVENTS.every((t) => events.includes(t))) return <Text size="sm">All events</Text>;
  const shown = events.slice(0, 3);
  return (
    <Group gap={4} title={events.join(', ')}>
      {shown.map((type) => (
        <Badge key={type} variant="default" tt="none" fw={500} radius="sm">
          {eventLabel(type)}
        </Badge>
      ))}
      {events.length > shown.length && (
        <Text size="xs" className="muted">
          and {events.length - shown.length} more
        </Text>
      )}
    </Group>
  );
}

function WebhookRow({ webhook, canChange, onHistory, onTest, testing, onToggle, onDelete }: RowProps) {
  const { url, enabled } = webhook;
  return (
    <Table.Tr data-webhook-id={webhook.id} data-enabled={enabled}>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {url}
        </Text>
        <Text size="xs" className="muted">
          Added {formatDate(webhook.createdAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <EventsCell events={webhook.events} />
      </Table.Td>
      <Table.Td>
        {enabled ? (
          <Badge color="teal.9" variant="filled" tt="none" fw={600} radius="sm" styles={UNCUT}>
            Enabled
          </Badge>
        ) : (
          <Badge color="gray.7" variant="filled" tt="none" fw={600} radius="sm" styles={UNCUT}>
            Disabled
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconHistory size={14} aria-hidden />}
            onClick={onHistory}
            aria-label={`Delivery history of ${url}`}
          >
            Deliveries
          </Button>
          {canChange && (
            <>
              <Tooltip label={enabled ? 'Send a test event' : 'Enable it to send a test event'} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray.8"
                  aria-label={`Send a test event to ${url}`}
                  onClick={onTest}
                  loading={testing}
                  disabled={!enabled}
                >
                  <IconSend size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={enabled ? 'Disable' : 'Enable'} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray.8"
                  aria-label={`${enabled ? 'Disable' : 'Enable'} ${url}`}
                  onClick={onToggle}
                >
                  {enabled ? <IconPlayerPause size={18} aria-hidden /> : <IconPlayerPlay size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Delete" withArrow>
                <ActionIcon variant="subtle" color="red.8" aria-label={`Delete ${url}`} onClick={onDelete}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
