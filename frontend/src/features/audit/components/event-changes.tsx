import { Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconMinus, IconPlus } from '@tabler/icons-react';
import type { AuditChanges } from '@/lib/api/types';

type FromTo = { from: unknown; to: unknown };

const isFromTo = (value: unknown): value is FromTo =>
  typeof value === 'object' && value != null && 'from' in value && 'to' in value && Object.keys(value).length === 2;

const isRoleDiff = (value: unknown): value is { added?: unknown; removed?: unknown } =>
  typeof value === 'object' && value != null && ('added' in value || 'removed' in value);

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** "notes" → "Notes", "expiryDate" → "Expiry date", "secretId" → "Secret id". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function shown(value: unknown): string {
  if (value == null || value === '') return '(none)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A role chip: green for added, red for removed, and the sign and the word say it too. */
function RoleChip({ role, kind }: { role: string; kind: 'added' | 'removed' }) {
  const Icon = kind === 'added' ? IconPlus : IconMinus;
  return (
    <span className={`diff-chip diff-${kind}`} data-diff={kind}>
      <Icon size={12} aria-hidden />
      {role}
    </span>
  );
}

function RoleDiff({ added, removed }: { added: string[]; removed: string[] }) {
  return (
    <Stack gap={4}>
      {added.length > 0 && (
        <Group gap={4} wrap="wrap" role="group" aria-label="Roles added">
          <Text size="xs" fw={600} component="span">
            Roles added
          </Text>
          {added.map((role) => (
            <RoleChip key={role} role={role} kind="added" />
          ))}
        </Group>
      )}
      {removed.length > 0 && (
        <Group gap={4} wrap="wrap" role="group" aria-label="Roles removed">
          <Text size="xs" fw={600} component="span">
            Roles removed
          </Text>
          {removed.map((role) => (
            <RoleChip key={role} role={role} kind="removed" />
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** What an event changed: role diffs as chips, other fields as from → to, facts as key and value. */
export function EventChanges({ changes }: { changes: AuditChanges | undefined }) {
  if (!changes || Object.keys(changes).length === 0) return null;
  const entries = Object.entries(changes);
  return (
    <Stack gap={6}>
      {entries.map(([key, value]) => {
        if (key === 'roles' && isRoleDiff(value)) {
          return <RoleDiff key={key} added={strings(value.added)} removed={strings(value.removed)} />;
        }
        if (isFromTo(value)) {
          return (
            <Text key={key} size="xs" component="div" data-change={key}>
              <Text span size="xs" fw={600}>
                {fieldLabel(key)}:
              </Text>{' '}
              <span className="change-from">{shown(value.from)}</span>{' '}
              <IconArrowRight size={12} aria-label="changed to" role="img" style={{ verticalAlign: 'middle' }} />{' '}
              <span className="change-to">{shown(value.to)}</span>
            </Text>
          );
        }
        return null;
      })}
      <Facts entries={entries.filter(([key, value]) => !(key === 'roles' && isRoleDiff(value)) && !isFromTo(value))} />
    </Stack>
  );
}

function Facts({ entries }: { entries: [string, unknown][] }) {
  if (entries.length === 0) return null;
  return (
    <dl className="change-facts">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{fieldLabel(key)}</dt>
          <dd>{shown(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
