import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import type { Me, User } from '@/lib/api/types';
import { holds, USERS_CHANGE, USERS_READ } from '@/lib/auth/authorization';
import { formatDate } from '@/lib/dates';
import { useResources } from '@/lib/resources/get-resources';
import { describeAccess, readRole } from '@/lib/roles';
import { useDeleteUser } from '../api/delete-user';
import { useUsers } from '../api/get-users';
import { UserActions } from './user-actions';
import { UserFormDialog } from './user-form-dialog';

/** Settings → IAM → Users: the people who sign in to this console, and their roles. */
export function UsersScreen({ me }: { me: Me }) {
  const canRead = holds(me, USERS_READ);
  const canChange = holds(me, USERS_CHANGE);
  const users = useUsers(canRead);
  const resources = useResources();
  const remove = useDeleteUser();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [deleting, setDeleting] = useState<User | null>(null);

  // The grid offers only what the signed-in admin holds: nobody grants what they do not hold.
  const allResources = resources.data ?? [];
  const offered = allResources.filter((r) => holds(me, readRole(r.id)));
  const grantable = (role: string) => holds(me, role);

  const header = (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={1} size="h2">
          Users
        </Title>
        <Text size="sm" className="muted" maw={640}>
          The administrators who sign in to this console for this wallet, and what each may do.
        </Text>
      </div>
      {canRead && canChange && (
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
          Add user
        </Button>
      )}
    </Group>
  );

  if (!canRead) {
    return (
      <Stack gap="lg">
        {header}
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="You cannot view users">
          Viewing users needs the Users (Read) permission. Ask an administrator of this wallet to grant it to you.
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {header}
      <Paper withBorder radius="md" p="md" component="section" aria-label="Users">
        {users.isError && !users.data ? (
          <ErrorState
            title="Could not load users"
            error={users.error}
            onRetry={() => void users.refetch()}
            retrying={users.isFetching}
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover aria-busy={users.isPending}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Username</Table.Th>
                  <Table.Th scope="col">Roles</Table.Th>
                  <Table.Th scope="col">Added</Table.Th>
                  {canChange && (
                    <Table.Th scope="col" w={96}>
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.isPending
                  ? Array.from({ length: 3 }, (_, i) => (
                      <Table.Tr key={i} aria-hidden>
                        <Table.Td colSpan={canChange ? 4 : 3}>
                          <Skeleton height={14} />
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : (users.data ?? []).map((user) => {
                      const self = user.username === me.username;
                      return (
                        <Table.Tr key={user.username}>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {user.username}
                              {self && (
                                <Text span size="xs" className="muted">
                                  {' '}
                                  (you)
                                </Text>
                              )}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4}>
                              {describeAccess(user.roles, allResources).map((a) => (
                                <Badge
                                  key={a.resourceId}
                                  variant={a.level === 'Change' ? 'filled' : 'default'}
                                  color={a.level === 'Change' ? 'indigo.8' : undefined}
                                  tt="none"
                                  fw={500}
                                  radius="sm"
                                >
                                  {a.name}: {a.level}
                                </Badge>
                              ))}
                            </Group>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Text size="sm">{formatDate(user.createdAt)}</Text>
                          </Table.Td>
                          {canChange && (
                            <Table.Td>
                              <UserActions
                                me={me}
                                user={user}
                                users={users.data ?? []}
                                onEdit={() => setEditing(user)}
                                onDelete={() => {
                                  remove.reset();
                                  setDeleting(user);
                                }}
                              />
                            </Table.Td>
                          )}
                        </Table.Tr>
                      );
                    })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <UserFormDialog
        opened={adding || editing != null}
        user={editing ?? undefined}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        resources={offered}
        grantable={grantable}
        onSaved={(user, created) =>
          notifications.show({ color: 'teal', message: `${user.username} ${created ? 'added' : 'saved'}.` })
        }
      />
      <ConfirmDialog
        opened={deleting != null}
        title={deleting ? `Delete ${deleting.username}?` : ''}
        pending={remove.isPending}
        error={remove.error ?? undefined}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const username = deleting.username;
          remove.mutate(username, {
            onSuccess: () => {
              setDeleting(null);
              notifications.show({ color: 'teal', message: `${username} deleted.` });
            },
          });
        }}
      >
        <strong>{deleting?.username}</strong> will no longer be able to sign in, and their open sessions end at once.
      </ConfirmDialog>
    </Stack>
  );
}
