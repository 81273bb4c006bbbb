import {
  ActionIcon,
  Badge,
  Group,
  Skeleton,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconHistory,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Client, Resource } from '@/lib/api/types';
import { formatDate } from '@/lib/dates';
import { describeAccess } from '@/lib/roles';
import type { ClientSort, ClientSortKey } from '../api/get-clients';
import { DpopBadge, LastUsed, StatusBadge } from './client-status';

type Props = {
  items: Client[];
  resources: Resource[];
  loading: boolean;
  canChange: boolean;
  sort: ClientSort;
  onSort: (sort: ClientSort) => void;
  onEdit: (client: Client) => void;
  onDelete: (client: Client) => void;
};

function SortHeader({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: ClientSortKey;
  sort: ClientSort;
  onSort: Props['onSort'];
}) {
  const active = sort.replace(/^-/, '') === column;
  const descending = sort.startsWith('-');
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(active && !descending ? `-${column}` : column)} className="sort-button">
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm" component="span" style={{ whiteSpace: 'nowrap' }}>
            {label}
          </Text>
          <Icon size={14} aria-hidden />
          <VisuallyHidden>
            {active ? (descending ? ', sorted descending' : ', sorted ascending') : ', sort'}
          </VisuallyHidden>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A client's history: the Activity screen filtered by its clientId (app/router.tsx). */
export const activityOf = (clientId: string) => `/settings/iam/activity?clientId=${encodeURIComponent(clientId)}`;

/** The API clients of the wallet: expired ones greyed out and flagged. */
export function ClientsTable({ items, resources, loading, canChange, sort, onSort, onEdit, onDelete }: Props) {
  const columns = 7;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover aria-busy={loading} className="clients-table">
        <Table.Thead>
          <Table.Tr>
            <SortHeader label="Client ID" column="clientId" sort={sort} onSort={onSort} />
            <SortHeader label="Status" column="status" sort={sort} onSort={onSort} />
            <Table.Th scope="col">Roles</Table.Th>
            <SortHeader label="Expiry date" column="expiryDate" sort={sort} onSort={onSort} />
            <SortHeader label="Last used" column="lastUsedAt" sort={sort} onSort={onSort} />
            <Table.Th scope="col">Notes</Table.Th>
            <Table.Th scope="col" w={canChange ? 128 : 48}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading
            ? Array.from({ length: 5 }, (_, i) => (
                <Table.Tr key={i} aria-hidden>
                  {Array.from({ length: columns }, (__, j) => (
                    <Table.Td key={j}>
                      <Skeleton height={14} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : items.map((client) => (
                <ClientRow
                  key={client.clientId}
                  client={client}
                  resources={resources}
                  canChange={canChange}
                  onEdit={onEdit}
                  onDelete={onDelete}
                />
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ClientRow({
  client,
  resources,
  canChange,
  onEdit,
  onDelete,
}: Pick<Props, 'resources' | 'canChange' | 'onEdit' | 'onDelete'> & { client: Client }) {
  const access = describeAccess(client.roles, resources);
  const expired = client.expired;
  return (
    <Table.Tr
      data-expired={expired || undefined}
      data-status={client.status}
      className={expired ? 'row-expired' : undefined}
    >
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {expired && (
            <Tooltip label={`Expired: no tokens since ${formatDate(client.expiryDate)}`} withArrow>
              <IconAlertTriangle size={18} role="img" aria-label="Expired" className="expired-icon" />
            </Tooltip>
          )}
          <Text size="sm" fw={500} ff="monospace" className="client-id" style={{ whiteSpace: 'nowrap' }}>
            {client.clientId}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <StatusBadge client={client} />
          <DpopBadge client={client} />
        </Group>
      </Table.Td>
      <Table.Td>
        {access.length === 0 ? (
          <Text size="sm" className="muted">
            No roles
          </Text>
        ) : (
          <Group gap={4}>
            {access.map((a) => (
              <Badge
                key={a.resourceId}
                variant={a.level === 'Change' ? 'filled' : 'default'}
                color={expired ? 'gray.7' : a.level === 'Change' ? 'indigo.8' : undefined}
                tt="none"
                fw={500}
                size="md"
                radius="sm"
              >
                {a.name}: {a.level}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" component="span">
          {formatDate(client.expiryDate)}
        </Text>
        {expired && client.status !== 'expired' && (
          <Text size="xs" className="muted">
            Expired
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <LastUsed at={client.lastUsedAt} />
      </Table.Td>
      <Table.Td>
        <Text
          size="sm"
          lineClamp={2}
          title={client.notes ?? undefined}
          style={{ maxWidth: 280, wordBreak: 'break-word' }}
        >
          {client.notes ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label="Activity" withArrow>
            <ActionIcon
              component={Link}
              to={activityOf(client.clientId)}
              variant="subtle"
              color="gray.8"
              aria-label={`Activity of ${client.clientId}`}
            >
              <IconHistory size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          {canChange && (
            <>
              <Tooltip label="Edit" withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray.8"
                  aria-label={`Edit ${client.clientId}`}
                  onClick={() => onEdit(client)}
                >
                  <IconPencil size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Delete" withArrow>
                <ActionIcon
                  variant="subtle"
                  color="red.8"
                  aria-label={`Delete ${client.clientId}`}
                  onClick={() => onDelete(client)}
                >
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
