import {
  Alert,
  Button,
  Chip,
  CloseButton,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLock, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import type { Client, ClientStatus, Me } from '@/lib/api/types';
import { API_ACCESS_CHANGE, API_ACCESS_READ, holds } from '@/lib/auth/authorization';
import { useResources } from '@/lib/resources/get-resources';
import { useDeleteClient } from '../api/delete-client';
import { PAGE_SIZES, STATUSES, useClients, type ClientSort, type ClientsQuery } from '../api/get-clients';
import { ClientFormDialog } from './client-form-dialog';
import { ClientsTable } from './clients-table';
import { handoverOf, SecretDialog, type IssuedSecret } from './secret-dialog';
import { TokenEndpointPanel } from './token-endpoint-panel';

const SORTS: ClientSort[] = [
  'clientId',
  '-clientId',
  'expiryDate',
  '-expiryDate',
  'createdAt',
  '-createdAt',
  'lastUsedAt',
  '-lastUsedAt',
  'status',
  '-status',
];

/** The "Unused for 90 days" switch. */
const UNUSED_DAYS = 90;
const STATUS_NAMES: Record<ClientStatus, string> = {
  active: 'Active',
  expiring: 'Expiring',
  expired: 'Expired',
  disabled: 'Disabled',
};

/** Search, filters, page and sort live in the URL, so a view can be linked and survives a reload. */
function useClientsQuery(): [ClientsQuery, (change: Partial<ClientsQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1;
  const sizeParam = Number.parseInt(params.get('size') ?? '20', 10);
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : 20;
  const sortParam = params.get('sort') as ClientSort | null;
  const sort = sortParam && SORTS.includes(sortParam) ? sortParam : 'clientId';
  const statusParam = (params.get('status') ?? '').split(',');
  const status = STATUSES.filter((s) => statusParam.includes(s));
  const unusedParam = Number.parseInt(params.get('unusedDays') ?? '', 10);
  const unusedDays = unusedParam > 0 ? unusedParam : null;
  const query: ClientsQuery = { q: params.get('q') ?? '', page, size, sort, status, unusedDays };
  const set = (change: Partial<ClientsQuery>) => {
    const next = { ...query, ...change };
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.status.length > 0) out.set('status', next.status.join(','));
    if (next.unusedDays != null) out.set('unusedDays', String(next.unusedDays));
    if (next.page > 0) out.set('page', String(next.page + 1));
    if (next.size !== 20) out.set('size', String(next.size));
    if (next.sort !== 'clientId') out.set('sort', next.sort);
    setParams(out, { replace: true });
  };
  return [query, set];
}

/** Settings → IAM → API Access. */
export function ApiAccessScreen({ me }: { me: Me }) {
  const canRead = holds(me, API_ACCESS_READ);
  const canChange = holds(me, API_ACCESS_CHANGE);
  const [query, setQuery] = useClientsQuery();
  const [search, setSearch] = useState(query.q);
  // Only a settled search term moves the URL (and so refetches).
  const settleSearch = useDebouncedCallback((term: string) => {
    if (term.trim() !== query.q) setQuery({ q: term.trim(), page: 0 });
  }, 300);
  const changeSearch = (term: string) => {
    setSearch(term);
    settleSearch(term);
  };
  const clients = useClients(query, canRead);
  const resources = useResources();
  const remove = useDeleteClient();

  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Client | null>(null);
  const [deleting, setDeleting] = useState<Client | null>(null);
  // The one place a new secret (or its link) lives, until the secret dialog closes.
  const [secret, setSecret] = useState<IssuedSecret | null>(null);

  useEffect(() => {
    // Deleting the last row of the last page: step back a page.
    const data = clients.data;
    if (data && data.items.length === 0 && data.total > 0 && query.page > 0) {
      setQuery({ page: Math.max(0, Math.ceil(data.total / query.size) - 1) });
    }
  });

  const grantable = (role: string) => holds(me, role);

  const header = (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={1} size="h2">
          API Access
        </Title>
        <Text size="sm" className="muted" maw={640}>
          OAuth client IDs that let external systems authenticate against your wallet with the Client Credentials flow.
          Each has its own roles, an expiry date and optional notes.
        </Text>
      </div>
      {canRead && canChange && (
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
          Add API client
        </Button>
      )}
    </Group>
  );

  if (!canRead) {
    return (
      <Stack gap="lg">
        {header}
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="You cannot view API clients">
          Viewing this screen needs the API Access (Read) permission, View on the API Access row of the permissions
          grid; adding, editing or deleting client IDs needs API Access (Change). Ask an administrator of this wallet to
          grant it to you.
        </Alert>
      </Stack>
    );
  }

  const page = clients.data;
  const resourceList = resources.data ?? [];
  const firstLoad = clients.isPending && canRead;
  const empty = page && page.total === 0;
  const filtered = query.status.length > 0 || query.unusedDays != null;
  const from = page && page.total > 0 ? page.page * page.size + 1 : 0;
  const to = page ? page.page * page.size + page.items.length : 0;
  const lastPage = page ? Math.max(0, Math.ceil(page.total / page.size) - 1) : 0;

  return (
    <Stack gap="lg">
      {header}
      <Paper withBorder radius="md" p="md" component="section" aria-label="API clients">
        <Group justify="space-between" mb="sm" wrap="nowrap">
          <TextInput
            aria-label="Search API clients"
            placeholder="Search by client ID or notes"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => changeSearch(event.currentTarget.value)}
            rightSection={
              search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => changeSearch('')} /> : null
            }
            w={360}
          />
          <Group gap="xs" wrap="nowrap">
            {clients.isFetching && !firstLoad && <Loader size="xs" aria-label="Refreshing" />}
            <Text size="sm" className="muted" aria-live="polite">
              {page ? `${page.total} ${page.total === 1 ? 'client' : 'clients'}` : ''}
            </Text>
          </Group>
        </Group>
        <Group gap="lg" mb="sm" align="center">
          <Group gap="xs" role="group" aria-label="Filter by status">
            <Text size="sm" fw={500} component="span" aria-hidden>
              Status
            </Text>
            <Chip.Group
              multiple
              value={query.status}
              onChange={(chosen) => setQuery({ status: STATUSES.filter((s) => chosen.includes(s)), page: 0 })}
            >
              {STATUSES.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline">
                  {STATUS_NAMES[s]}
                </Chip>
              ))}
            </Chip.Group>
          </Group>
          <Switch
            label={`Unused for ${UNUSED_DAYS} days`}
            checked={query.unusedDays != null}
            onChange={(event) => setQuery({ unusedDays: event.currentTarget.checked ? UNUSED_DAYS : null, page: 0 })}
          />
        </Group>

        {clients.isError && !page ? (
          <ErrorState
            title="Could not load API clients"
            error={clients.error}
            onRetry={() => void clients.refetch()}
            retrying={clients.isFetching}
          />
        ) : empty ? (
          <EmptyState
            searching={query.q !== ''}
            filtered={filtered}
            q={query.q}
            canChange={canChange}
            onClear={() => changeSearch('')}
            onClearFilters={() => setQuery({ status: [], unusedDays: null, page: 0 })}
          />
        ) : (
          <>
            {clients.isError && (
              <ErrorState
                title="Could not refresh API clients"
                error={clients.error}
                onRetry={() => void clients.refetch()}
                retrying={clients.isFetching}
              />
            )}
            {firstLoad && (
              <Text size="sm" className="muted" role="status">
                Loading API clients…
              </Text>
            )}
            <ClientsTable
              items={page?.items ?? []}
              resources={resourceList}
              loading={firstLoad}
              canChange={canChange}
              sort={query.sort}
              onSort={(sort) => setQuery({ sort, page: 0 })}
              onEdit={setEditing}
              onDelete={(client) => {
                remove.reset();
                setDeleting(client);
              }}
            />
            {page && page.total > 0 && (
              <Group justify="space-between" mt="sm">
                <NativeSelect
                  label="Rows per page"
                  size="xs"
                  data={PAGE_SIZES.map(String)}
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
                        Previous
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
                        Next
                      </Button>
                    </Group>
                  </nav>
                </Group>
              </Group>
            )}
          </>
        )}
      </Paper>

      <TokenEndpointPanel tokenEndpoint={me.tokenEndpoint} clientIdPrefix={me.clientIdPrefix} />

      {resources.isError && (
        <ErrorState
          title="Could not load the permissions"
          error={resources.error}
          onRetry={() => void resources.refetch()}
        />
      )}

      <ClientFormDialog
        opened={adding || editing != null}
        client={editing ?? undefined}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        resources={resourceList}
        grantable={grantable}
        onCreated={(created) => {
          const handover = handoverOf(created);
          const key = created.keys[0];
          if (handover == null && key) {
            notifications.show({
              color: 'teal',
              title: `${created.clientId} created`,
              message: `It authenticates with its public key (kid ${key.kid}); no secret was made.`,
            });
            return;
          }
          if (handover == null) {
            notifications.show({
              color: 'red',
              title: `${created.clientId} was created without a secret`,
              message: 'The server sent neither a secret nor a link: rotate its secret from the Edit dialog.',
            });
            return;
          }
          setSecret({ ...handover, clientId: created.clientId, oauthClientId: created.oauthClientId });
        }}
        onIssued={setSecret}
        covered={secret != null}
        onUpdated={(client) => notifications.show({ color: 'teal', message: `${client.clientId} saved.` })}
      />
      <SecretDialog secret={secret} tokenEndpoint={me.tokenEndpoint} onClose={() => setSecret(null)} />
      <ConfirmDialog
        opened={deleting != null}
        title={deleting ? `Delete ${deleting.clientId}?` : ''}
        pending={remove.isPending}
        error={remove.error ?? undefined}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const clientId = deleting.clientId;
          remove.mutate(clientId, {
            onSuccess: () => {
              setDeleting(null);
              notifications.show({ color: 'teal', message: `${clientId} deleted. Its access is revoked.` });
            },
          });
        }}
      >
        This permanently revokes access for <strong>{deleting?.clientId}</strong>: it can no longer obtain tokens, and
        the tokens it holds are refused at once. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}

function EmptyState({
  searching,
  filtered,
  q,
  canChange,
  onClear,
  onClearFilters,
}: {
  searching: boolean;
  filtered: boolean;
  q: string;
  canChange: boolean;
  onClear: () => void;
  onClearFilters: () => void;
}) {
  if (filtered) {
    return (
      <Stack align="center" gap="xs" py="xl">
        <Text fw={500}>
          {searching ? `No API clients match “${q}” and these filters.` : 'No API clients match these filters.'}
        </Text>
        <Button variant="default" size="xs" onClick={onClearFilters}>
          Clear filters
        </Button>
      </Stack>
    );
  }
  if (searching) {
    return (
      <Stack align="center" gap="xs" py="xl">
        <Text fw={500}>No API clients match “{q}”.</Text>
        <Button variant="default" size="xs" onClick={onClear}>
          Clear search
        </Button>
      </Stack>
    );
  }
  return (
    <Stack align="center" gap="xs" py="xl" ta="center">
      <IconKey size={40} aria-hidden className="muted" />
      <Text fw={600}>No API clients yet</Text>
      <Text size="sm" className="muted" maw={480}>
        {canChange
          ? 'Click Add API client to give an external system access to this wallet, with exactly the roles it needs, for as long as it needs them.'
          : 'No external system has access to this wallet. An administrator with the API Access (Change) permission can add one.'}
      </Text>
    </Stack>
  );
}
