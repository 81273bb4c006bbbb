import type { Me } from '@/lib/api/types';

export const API_ACCESS_READ = 'api-access:read';
export const API_ACCESS_CHANGE = 'api-access:change';
export const USERS_READ = 'users:read';
export const USERS_CHANGE = 'users:change';

export function holds(me: Pick<Me, 'roles'> | undefined, role: string): boolean {
  return me?.roles.includes(role) ?? false;
}
export const WEBHOOKS_READ = 'webhooks:read';
export const WEBHOOKS_CHANGE = 'webhooks:change';
