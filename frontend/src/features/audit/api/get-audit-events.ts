import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { AuditPage } from '@/lib/api/types';

export type AuditQuery = {
  clientId: string;
  username: string;
  action: string;
  /** UTC calendar dates (YYYY-MM-DD), both whole days included (the server reads a date `to` as through it); '' for none. */
  from: string;
  to: string;
  page: number;
  size: number;
};

export const AUDIT_PAGE_SIZES = [20, 50, 100] as const;

export async function getAuditEvents({
  clientId,
  username,
  action,
  from,
  to,
  page,
  size,
}: AuditQuery): Promise<AuditPage> {
  const query = {
    page,
    size,
    ...(clientId ? { clientId } : {}),
    ...(username ? { username } : {}),
    ...(action ? { action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  return unwrap(api.GET('/api/audit', { params: { query } }));
}

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({ queryKey: ['audit', query], queryFn: () => getAuditEvents(query) });

/** Newest first, as the server sends them; the last page stays on screen while the next one loads. */
export function useAuditEvents(query: AuditQuery, enabled = true) {
  return useQuery({ ...auditQueryOptions(query), placeholderData: keepPreviousData, enabled, staleTime: 0 });
}
