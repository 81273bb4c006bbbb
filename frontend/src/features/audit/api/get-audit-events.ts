import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { AuditPage } from '@/lib/api/types';

export type AuditQuery = {
  clientId: string;
  username: string;
  action: string;
  /** UTC calendar dates (YYYY-MM-DD), both included; '' for no bound. */
  from: string;
  to: string;
  page: number;
  size: number;
};

export const AUDIT_PAGE_SIZES = [20, 50, 100] as const;

/** The first instant of a UTC date, and the last one (the filter's days are whole and inclusive). */
export const startOfDay = (date: string) => `${date}T00:00:00Z`;
export const endOfDay = (date: string) => `${date}T23:59:59.999Z`;

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
    ...(from ? { from: startOfDay(from) } : {}),
    ...(to ? { to: endOfDay(to) } : {}),
  };
  return unwrap(api.GET('/api/audit', { params: { query } }));
}

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({ queryKey: ['audit', query], queryFn: () => getAuditEvents(query) });

/** Newest first, as the server sends them; the last page stays on screen while the next one loads. */
export function useAuditEvents(query: AuditQuery, enabled = true) {
  return useQuery({ ...auditQueryOptions(query), placeholderData: keepPreviousData, enabled, staleTime: 0 });
}
