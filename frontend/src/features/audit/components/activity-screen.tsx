import {
  Alert,
  Anchor,
  Button,
  CloseButton,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconHistory, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import type { AuditEvent, Me } from '@/lib/api/types';
import { API_ACCESS_READ, holds, USERS_READ, WEBHOOKS_READ } from '@/lib/auth/authorization';
import { formatDateTime, formatRelative } from '@/lib/dates';
import { eventLabel, EVENT_TYPES, isFailure } from '@/lib/events';
import { AUDIT_PAGE_SIZES, useAuditEvents, type AuditQuery } from '../api/get-audit-events';
import { EventChanges } from './event-changes';

export const ACTIVITY_PATH = '/settings/iam/activity';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
type TextFilter = 'clientId' | 'username';

/** Filters and page live in the URL: `/settings/iam/activity?clientId=foo` is a link to one client's history. */
function useAuditQuery(): [AuditQuery, (change: Partial<AuditQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  const sizeParam = Number.parseInt(params.get('size') ?? '20', 10);
  const query: AuditQuery = {
    clientId: params.get('clientId')?.trim() ?? '',
    username: params.get('username')?.trim() ?? '',
    action: params.get('action') ?? '',
    from: date('from'),
    to: date('to'),
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1,
    size: (AUDIT_PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : 20,
  };
  const set = (change: Partial<AuditQuery>) => {
    const next = { ...query, ...change };
    const out = new URLSearchParams();
    for (const key of ['clientId', 'username', 'action', 'from', 'to'] as const) if (next[key]) out.set(key, next[key]);
    if (next.page > 0) out.set('page', String(next.page + 1));
    if (next.size !== 20) out.set('size', String(next.size));
    setParams(out, { replace: true });
  };
  return [query, set];
}

/** A text filter typed into: the URL (and so the query) follows once typing settles. */
function useTextFilter(value: string, commit: (value: string) => void): [string, (value: string) => void] {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The URL changed under the field (a link, Clear filters): the field follows it.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const settle = useDebouncedCallback((next: string) => {
    if (next.trim() !== value) commit(next.trim());
  }, 300);
  return [
    text,
    (next: string) => {
      setText(next);
      settle(next);
    },
  ];
}

/** Settings → IAM → Activity: the wallet's audit log, newest first. */
export function ActivityScreen({ me }: { me: Me }) {
  const seesClients = holds(me, API_ACCESS_READ);
  const seesUsers = holds(me, USERS_READ);
  // Each reads the events of its own kind (client, user, webhook events); the server filters them.
  const canRead = seesClients || seesUsers || holds(me, WEBHOOKS_READ);
  const [query, setQuery] = useAuditQuery();
  const badRange = query.from !== '' && query.to !== '' && query.from > query.to;
  const events = useAuditEvents(query, canRead && !badRange);

  const header = (
    <div>
      <Title order={1} size="h2">
        Activity
      </Title>
      <Text size="sm" className="muted" maw={680}>
        Who changed what and when: API clients, their secrets, users and webhooks, and failed sign-ins and token
        requests. Newest first.
      </Text>
    </div>
  );

  if (!canRead) {
    return (
      <Stack gap="lg">
        {header}
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="You cannot view the activity">
          The activity of API clients needs the API Access (Read) permission, that of users Users (Read), and that of
          webhooks Webhooks (Read). Ask an administrator of this wallet to grant one of them to you.
        </Alert>
      </Stack>
    );
  }

  const page = events.data;
  const firstLoad = events.isPending && !badRange;
  const filtered = Boolean(query.clientId || query.username || query.action || query.from || query.to);
  const lastPage = page ? Math.max(0, Math.ceil(page.total / page.size) - 1) : 0;
  const from = page && page.total > 0 ? page.page * page.size + 1 : 0;
  const to = page ? page.page * page.size + page.items.length : 0;
  const clear = () => setQuery({ clientId: '', username: '', action: '', from: '', to: '', page: 0 });

  return (
    <Stack gap="lg">
      {header}
      <Paper withBorder radius="md" p="md" component="section" aria-label="Activity">
        <Filters
          query={query}
          setQuery={setQuery}
          seesClients={seesClients}
          seesUsers={seesUsers}
          badRange={badRange}
        />
        <Group justify="space-between" my="sm" wrap="nowrap">
          <Group gap="xs">
            {filtered && (
              <Button variant="default" size="xs" onClick={clear}>
                Clear filters
              </Button>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {events.isFetching && !firstLoad && <Loader size="xs" aria-label="Refreshing" />}
            <Text size="sm" className="muted" aria-live="polite">
              {page ? `${page.total} ${page.total === 1 ? 'event' : 'events'}` : ''}
            </Text>
            <Button variant="default" size="xs" onClick={() => void events.refetch()} disabled={badRange}>
              Refresh
            </Button>
          </Group>
        </Group>

        {badRange ? null : events.isError && !page ? (
          <ErrorState
            title="Could not load the activity"
            error={events.error}
            onRetry={() => void events.refetch()}
            retrying={events.isFetching}
          />
        ) : page && page.total === 0 ? (
          <EmptyState filtered={filtered} onClear={clear} />
        ) : (
          <>
            {events.isError && (
              <ErrorState
                title="Could not refresh the activity"
                error={events.error}
                onRetry={() => void events.refetch()}
                retrying={events.isFetching}
              />
            )}
            {firstLoad && (
              <Text size="sm" className="muted" role="status">
                Loading the activity…
              </Text>
            )}
            <EventsTable events={page?.items ?? []} loading={firstLoad} filteredClient={query.clientId} />
            {page && page.total > 0 && (
              <Group justify="space-between" mt="sm">
                <NativeSelect
                  label="Events per page"
                  size="xs"
                  data={AUDIT_PAGE_SIZES.map(String)}
                  value={String(query.size)}
                  onChange={(event) => setQuery({ size: Number(event.currentTarget.value), page: 0 })}
                  styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
                />
                <Group gap="xs">
                  <Text size="sm" className="muted">
                    {from}–{to} of {page.total}
                  </Text>
                  <nav aria-label="Pages">
                    <Group gap={4}>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={query.page === 0}
                        onClick={() => setQuery({ page: query.page - 1 })}
                      >
                        Newer
                      </Button>
                      <Text size="sm" px={4} aria-current="page">
                        Page {query.page + 1} of {lastPage + 1}
                      </Text>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={query.page >= lastPage}
                        onClick={() => setQuery({ page: query.page + 1 })}
                      >
                        Older
                      </Button>
                    </Group>
                  </nav>
                </Group>
              </Group>
            )}
          </>
        )}
      </Paper>
    </Stack>
  );
}

type FiltersProps = {
  query: AuditQuery;
  setQuery: (change: Partial<AuditQuery>) => void;
  seesClients: boolean;
  seesUsers: boolean;
  badRange: boolean;
};

function Filters({ query, setQuery, seesClients, seesUsers, badRange }: FiltersProps) {
  const commit = (key: TextFilter) => (value: string) => setQuery({ [key]: value, page: 0 });
  const [clientId, setClientId] = useTextFilter(query.clientId, commit('clientId'));
  const [username, setUsername] = useTextFilter(query.username, commit('username'));
  const actions = [
    { value: '', label: 'All actions' },
    ...EVENT_TYPES.map((t) => ({ value: t, label: eventLabel(t) })),
  ];
  return (
    <Group gap="sm" align="flex-start" role="group" aria-label="Filters">
      {seesClients && (
        <TextInput
          label="Client ID"
          placeholder="e.g. acme-backend"
          value={clientId}
          onChange={(event) => setClientId(event.currentTarget.value)}
          rightSection={
            clientId ? <CloseButton size="sm" aria-label="Clear client ID" onClick={() => setClientId('')} /> : null
          }
          w={200}
        />
      )}
      {seesUsers && (
        <TextInput
          label="Username"
          placeholder="e.g. admin"
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          rightSection={
            username ? <CloseButton size="sm" aria-label="Clear username" onClick={() => setUsername('')} /> : null
          }
          w={180}
        />
      )}
      <NativeSelect
        label="Action"
        data={actions}
        value={query.action}
        onChange={(event) => setQuery({ action: event.currentTarget.value, page: 0 })}
        w={240}
      />
      <TextInput
        type="date"
        label="From"
        value={query.from}
        max={query.to || undefined}
        onChange={(event) => setQuery({ from: event.currentTarget.value, page: 0 })}
        w={160}
      />
      <TextInput
        type="date"
        label="To"
        value={query.to}
        min={query.from || undefined}
        onChange={(event) => setQuery({ to: event.currentTarget.value, page: 0 })}
        error={badRange ? 'Choose a day on or after From' : undefined}
        w={160}
      />
    </Group>
  );
}

function EmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center">
      <IconHistory size={40} aria-hidden className="muted" />
      {filtered ? (
        <>
          <Text fw={600}>No events match these filters</Text>
          <Button variant="default" size="xs" onClick={onClear}>
            Clear filters
          </Button>
        </>
      ) : (
        <>
          <Text fw={600}>No activity yet</Text>
          <Text size="sm" className="muted" maw={480}>
            Changes to API clients, their secrets, users and webhooks show here as they happen.
          </Text>
        </>
      )}
    </Stack>
  );
}

function EventsTable({
  events,
  loading,
  filteredClient,
}: {
  events: AuditEvent[];
  loading: boolean;
  filteredClient: string;
}) {
  return (
    // Native scrolling, focusable: a table wider than the screen scrolls sideways from the keyboard too.
    <Table.ScrollContainer
      minWidth={760}
      type="native"
      tabIndex={0}
      role="region"
      aria-label="Events, scrolls sideways"
    >
      <Table verticalSpacing="sm" aria-busy={loading} aria-label="Events" className="events-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">By</Table.Th>
            <Table.Th scope="col">On</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading
            ? Array.from({ length: 5 }, (_, i) => (
                <Table.Tr key={i} aria-hidden>
                  {Array.from({ length: 5 }, (__, j) => (
                    <Table.Td key={j}>
                      <Skeleton height={14} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : events.map((event) => <EventRow key={event.id} event={event} filteredClient={filteredClient} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const ACTOR_KINDS: Record<string, string | undefined> = { user: 'User', client: 'API client', operator: 'Operator' };
const TARGET_KINDS: Record<string, string | undefined> = {
  client: 'API client',
  user: 'User',
  wallet: 'Wallet',
  webhook: 'Webhook',
};

function EventRow({ event, filteredClient }: { event: AuditEvent; filteredClient: string }) {
  const failure = isFailure(event.action);
  return (
    <Table.Tr data-action={event.action} data-event-id={event.id}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" component="time" dateTime={event.at} title={formatDateTime(event.at)} display="block">
          {formatRelative(event.at)}
        </Text>
        <Text size="xs" className="muted">
          {formatDateTime(event.at)}
        </Text>
        <Text size="xs" className="muted" title={event.source.userAgent ?? undefined}>
          from <span className="mono">{event.source.ip ?? 'an unknown address'}</span>
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} c={failure ? 'red.9' : undefined}>
          {eventLabel(event.action)}
        </Text>
        <Text size="xs" className="muted" ff="monospace">
          {event.action}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'break-word' }}>
          {event.actor.id}
        </Text>
        <Text size="xs" className="muted">
          {ACTOR_KINDS[event.actor.type] ?? event.actor.type}
        </Text>
      </Table.Td>
      <Table.Td>
        {event.target.type === 'client' && event.target.id !== filteredClient ? (
          <Anchor
            component={Link}
            to={`${ACTIVITY_PATH}?clientId=${encodeURIComponent(event.target.id)}`}
            size="sm"
            ff="monospace"
            title={`Only the activity of ${event.target.id}`}
            style={{ overflowWrap: 'break-word' }}
          >
            {event.target.id}
          </Anchor>
        ) : (
          <Text size="sm" ff="monospace" style={{ overflowWrap: 'break-word' }}>
            {event.target.id}
          </Text>
        )}
        <Text size="xs" className="muted">
          {TARGET_KINDS[event.target.type] ?? event.target.type}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {event.attempts != null && (
            <Text size="xs" fw={600}>
              {event.attempts === 1 ? '1 attempt' : `${event.attempts} attempts`} in that minute
            </Text>
          )}
          <EventChanges changes={event.changes} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
