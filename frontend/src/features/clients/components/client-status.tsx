import { Badge, Text } from '@mantine/core';
import type { Client } from '@/lib/api/types';
import { daysBetween, formatDate, formatDateTime, formatRelative, todayUtc } from '@/lib/dates';

/** What the status badge says: "Expires in 12 days", "Expired", "Disabled"; null for an active client. */
export function statusLabel(client: Pick<Client, 'status' | 'expiryDate'>, today = todayUtc()): string | null {
  switch (client.status) {
    case 'active':
      return null;
    case 'expiring': {
      const days = daysBetween(today, client.expiryDate);
      if (days <= 0) return 'Expires today';
      return days === 1 ? 'Expires in 1 day' : `Expires in ${days} days`;
    }
    case 'expired':
      return 'Expired';
    case 'disabled':
      return 'Disabled';
  }
}

// Filled with dark shades: white text stays above 4.5:1, also on an expired row's grey.
const COLORS = { expiring: 'orange.9', expired: 'red.9', disabled: 'gray.7' } as const;

/** The client's status as a badge; an active client gets a quiet "Active". */
export function StatusBadge({ client }: { client: Pick<Client, 'status' | 'expiryDate'> }) {
  const label = statusLabel(client);
  if (client.status === 'active' || label == null) {
    return (
      <Text size="xs" className="muted" component="span">
        Active
      </Text>
    );
  }
  return (
    <Badge
      color={COLORS[client.status]}
      variant="filled"
      tt="none"
      fw={600}
      radius="sm"
      style={{ whiteSpace: 'nowrap' }}
      title={client.status === 'expiring' ? `Works through ${formatDate(client.expiryDate)} (UTC)` : undefined}
    >
      {label}
    </Badge>
  );
}

/** A small "DPoP" badge for a client whose tokens need a DPoP proof (requireDpop); nothing otherwise. */
export function DpopBadge({ client }: { client: Pick<Client, 'requireDpop'> }) {
  if (!client.requireDpop) return null;
  return (
    <Badge
      variant="default"
      tt="none"
      fw={600}
      radius="sm"
      style={{ whiteSpace: 'nowrap' }}
      title="Requires DPoP: tokens are issued only with a DPoP proof and bound to the integrator’s key (RFC 9449)"
      data-testid="dpop-badge"
    >
      DPoP
    </Badge>
  );
}

/** "3 hours ago" with the exact time on hover, or "Never". */
/** A day, as a time element whose title has the date and time in UTC. */
export function DayOf({ at }: { at: string }) {
  return (
    <Text size="sm" component="time" dateTime={at} title={formatDateTime(at)} style={{ whiteSpace: 'nowrap' }}>
      {formatDate(at)}
    </Text>
  );
}

export function LastUsed({ at, never = 'Never' }: { at: string | null; never?: string }) {
  if (at == null) {
    return (
      <Text size="sm" component="span" className="muted">
        {never}
      </Text>
    );
  }
  return (
    <Text size="sm" component="time" dateTime={at} title={formatDateTime(at)} style={{ whiteSpace: 'nowrap' }}>
      {formatRelative(at)}
    </Text>
  );
}
