/**
 * The actions of the audit log (API.md, Credential lifecycle), which are also the event types a webhook
 * can receive, with what a person reads for each.
 */
export const EVENT_TYPES = [
  'client.created',
  'client.updated',
  'client.deleted',
  'client.enabled',
  'client.disabled',
  'client.expiring',
  'client.expired',
  'client.auth_failed',
  'secret.created',
  'secret.retired',
  'key.added',
  'key.removed',
  'user.created',
  'user.updated',
  'user.deleted',
  'user.password_changed',
  'session.failed',
  'wallet.created',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What a webhook can subscribe to: every action but the webhooks' own. */
export const SUBSCRIBABLE_EVENTS: EventType[] = EVENT_TYPES.filter((type) => !type.startsWith('webhook.'));

const LABELS: Record<EventType, string> = {
  'client.created': 'Client created',
  'client.updated': 'Client updated',
  'client.deleted': 'Client deleted',
  'client.enabled': 'Client enabled',
  'client.disabled': 'Client disabled',
  'client.expiring': 'Client expiring soon',
  'client.expired': 'Client expired',
  'client.auth_failed': 'Client authentication failed',
  'secret.created': 'Secret created',
  'key.added': 'Public key added',
  'key.removed': 'Public key removed',
  'secret.retired': 'Secret retired',
  'user.created': 'User created',
  'user.updated': 'User updated',
  'user.deleted': 'User deleted',
  'user.password_changed': 'Password changed',
  'session.failed': 'Sign-in failed',
  'wallet.created': 'Wallet created',
  'webhook.created': 'Webhook created',
  'webhook.updated': 'Webhook updated',
  'webhook.deleted': 'Webhook deleted',
};
const OTHER_LABELS: Record<string, string> = {
  // Sent by "Send a test event" to one endpoint alone; never in the audit log.
  'webhook.test': 'Test event',
};

/** "Client created" for client.created; an action this console does not know yet is shown as it came. */
export function eventLabel(type: string): string {
  return (LABELS as Record<string, string>)[type] ?? OTHER_LABELS[type] ?? type;
}

/** Failures, which the log aggregates per target and minute. */
export const isFailure = (type: string) => type === 'session.failed' || type === 'client.auth_failed';
