import { ActionIcon, Group, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import type { Me, User } from '@/lib/api/types';
import { USERS_CHANGE } from '@/lib/auth/authorization';

const API_ACCESS_CHANGE = 'api-access:change';
const isAdministrator = (roles: string[]) => roles.includes(USERS_CHANGE) && roles.includes(API_ACCESS_CHANGE);

const LOCK_OUT_REASON = `Deleting this user would leave the wallet without a user who holds both ${USERS_CHANGE} and ${API_ACCESS_CHANGE}`;
const SELF_DELETE_REASON = 'You cannot delete yourself';
const hierarchyReason = (missing: string[]) =>
  `You cannot change a user who holds roles you do not hold: ${missing.join(', ')}`;

/**
 * Why the signed-in user can never edit or delete `user` (null: they may try), by the server's rules:
 * acting on a user needs every role that user holds; nobody deletes themselves; the last user holding
 * both users:change and api-access:change stays. The server still decides; this only saves a refusal.
 */
function actionLimits(me: Pick<Me, 'username' | 'roles'>, user: User, users: User[]) {
  const missing = user.roles.filter((role) => !me.roles.includes(role)).sort();
  const hierarchy = missing.length > 0 ? hierarchyReason(missing) : null;
  const lastAdministrator = isAdministrator(user.roles) && users.filter((u) => isAdministrator(u.roles)).length === 1;
  return {
    edit: hierarchy,
    delete:
      user.username === me.username ? SELF_DELETE_REASON : (hierarchy ?? (lastAdministrator ? LOCK_OUT_REASON : null)),
  };
}

type Props = {
  me: Pick<Me, 'username' | 'roles'>;
  user: User;
  users: User[];
  onEdit: () => void;
  onDelete: () => void;
};

/** Edit and Delete of one row; an action the caller can never perform is disabled and says why. */
export function UserActions({ me, user, users, onEdit, onDelete }: Props) {
  const limits = actionLimits(me, user, users);
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Action
        label={`Edit ${user.username}`}
        hint="Edit roles or password"
        refusal={limits.edit}
        onClick={onEdit}
        color="gray.8"
      >
        <IconPencil size={18} aria-hidden />
      </Action>
      <Action label={`Delete ${user.username}`} hint="Delete" refusal={limits.delete} onClick={onDelete} color="red.8">
        <IconTrash size={18} aria-hidden />
      </Action>
    </Group>
  );
}

type ActionProps = {
  label: string;
  hint: string;
  refusal: string | null;
  onClick: () => void;
  color: string;
  children: ReactNode;
};

function Action({ label, hint, refusal, onClick, color, children }: ActionProps) {
  const reasonId = useId();
  if (refusal == null) {
    return (
      <Tooltip label={hint} withArrow>
        <ActionIcon variant="subtle" color={color} aria-label={label} onClick={onClick}>
          {children}
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={refusal} withArrow multiline maw={320}>
      {/* Browsers send a disabled button no mouse events: the pointer goes through it to the span, which shows the tooltip. */}
      <span style={{ display: 'inline-flex', cursor: 'not-allowed' }}>
        <ActionIcon
          variant="subtle"
          color={color}
          aria-label={label}
          aria-describedby={reasonId}
          disabled
          style={{ pointerEvents: 'none' }}
        >
          {children}
        </ActionIcon>
        <VisuallyHidden id={reasonId}>{refusal}</VisuallyHidden>
      </span>
    </Tooltip>
  );
}
