import { Badge, Button, Group, Loader, Modal, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconRefresh, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import type { Webhook, WebhookDelivery, WebhookDeliveryStatus } from '@/lib/api/types';
import { formatDateTime, formatRelative } from '@/lib/dates';
import { eventLabel } from '@/lib/events';
import { DELIVERIES_PAGE_SIZE, useDeliveries } from '../api/get-deliveries';

type Props = {
  webhook: Webhook | null;
  onClose: () => void;
  /** Offered when the caller may change webhooks. */
  onSendTest?: (webhook: Webhook) => void;
  sendingTest?: boolean;
};

/** The delivery history of one endpoint, newest first, refreshed while a delivery is pending. */
export function DeliveriesDialog({ webhook, onClose, onSendTest, sendingTest }: Props) {
  return (
    <Modal opened={webhook != null} onClose={onClose} title="Delivery history" size={960}>
      {webhook && (
        <Deliveries
          key={webhook.id}
          webhook={webhook}
          onClose={onClose}
          onSendTest={onSendTest}
          sendingTest={sendingTest}
        />
      )}
    </Modal>
  );
}

// Filled with dark shades: white text stays above 4.5:1.
const STATUS: Record<WebhookDeliveryStatus, { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'gray.7' },
  delivered: { label: 'Delivered', color: 'teal.9' },
  failed: { label: 'Failed', color: 'red.9' },
};

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const shown = STATUS[status] ?? { label: status, color: 'gray.7' };
  return (
    <Badge
      color={shown.color}
      variant="filled"
      tt="none"
      fw={600}
      radius="sm"
      data-status={status}
      styles={{ label: { overflow: 'visible' } }}
    >
      {shown.label}
    </Badge>
  );
}

function Deliveries({ webhook, onClose, onSendTest, sendingTest }: Props & { webhook: Webhook }) {
  const [page, setPage] = useState(0);
  const deliveries = useDeliveries({ id: webhook.id, page, size: DELIVERIES_PAGE_SIZE });
  const data = deliveries.data;
  const lastPage = data ? Math.max(0, Math.ceil(data.total / data.size) - 1) : 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          Events sent to <strong>{webhook.url}</strong>. Failed attempts are retried with backoff for 24 hours.
        </Text>
        <Group gap="xs" wrap="nowrap">
          {deliveries.isFetching && !deliveries.isPending && <Loader size="xs" aria-label="Refreshing" />}
          {onSendTest && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconSend size={14} aria-hidden />}
              onClick={() => onSendTest(webhook)}
              loading={sendingTest}
              disabled={!webhook.enabled}
              title={webhook.enabled ? undefined : 'Enable the endpoint to send it events'}
            >
              Send a test event
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={() => void deliveries.refetch()}
          >
            Refresh
          </Button>
        </Group>
      </Group>
      {deliveries.isError && !data ? (
        <ErrorState
          title="Could not load the deliveries"
          error={deliveries.error}
          onRetry={() => void deliveries.refetch()}
          retrying={deliveries.isFetching}
        />
      ) : data && data.total === 0 ? (
        <Text size="sm" className="muted" ta="center" py="lg">
          Nothing was sent to this endpoint yet.
        </Text>
      ) : (
        <Table.ScrollContainer
          minWidth={720}
          type="native"
          tabIndex={0}
          role="region"
          aria-label="Deliveries, scrolls sideways"
        >
          <Table verticalSpacing="xs" aria-label="Deliveries" aria-busy={deliveries.isPending}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Event</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Attempts</Table.Th>
                <Table.Th scope="col">Last attempt</Table.Th>
                <Table.Th scope="col">Last error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.isPending
                ? Array.from({ length: 3 }, (_, i) => (
                    <Table.Tr key={i} aria-hidden>
                      <Table.Td colSpan={5}>
                        <Skeleton height={14} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                : (data?.items ?? []).map((delivery) => <DeliveryRow key={delivery.eventId} delivery={delivery} />)}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && data.total > data.size && (
        <nav aria-label="Pages">
          <Group gap={4} justify="flex-end">
            <Button size="xs" variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </Button>
            <Text size="sm" px={4} aria-current="page">
              Page {page + 1} of {lastPage + 1}
            </Text>
            <Button size="xs" variant="default" disabled={page >= lastPage} onClick={() => setPage(page + 1)}>
              Older
            </Button>
          </Group>
        </nav>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDelivery }) {
  return (
    <Table.Tr data-event-id={delivery.eventId} data-status={delivery.status}>
      <Table.Td>
        <Text size="sm">{eventLabel(delivery.type)}</Text>
        <Text size="xs" className="muted" ff="monospace">
          {delivery.type} · {delivery.eventId}
        </Text>
      </Table.Td>
      <Table.Td>
        <DeliveryStatusBadge status={delivery.status} />
      </Table.Td>
      <Table.Td>{delivery.attempts}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {delivery.lastAttemptAt ? (
          <>
            <Text size="sm" component="time" dateTime={delivery.lastAttemptAt} display="block">
              {formatRelative(delivery.lastAttemptAt)}
            </Text>
            <Text size="xs" className="muted">
              {formatDateTime(delivery.lastAttemptAt)}
            </Text>
          </>
        ) : (
          <Text size="sm" className="muted">
            Not yet
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }} maw={320}>
          {delivery.lastError ?? ''}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
