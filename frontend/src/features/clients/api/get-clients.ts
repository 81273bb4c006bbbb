import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { ClientPage, ClientStatus } from '@/lib/api/types';

export type ClientSortKey = 'clientId' | 'expiryDate' | 'createdAt' | 'lastUsedAt' | 'status';
export type ClientSort = ClientSortKey | `-${ClientSortKey}`;
export type ClientsQuery = {
  q: string;
  page: number;
  size: number;
  sort: ClientSort;
  /** Keep only these statuses; empty: all. */
  status: ClientStatus[];
  /** Keep only clients that obtained no token for this many days, or never; null: all. */
  unusedDays: number | null;
};

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const STATUSES: ClientStatus[] = ['active', 'expiring', 'expired', 'disabled'];

export async function getClients({ q, page, size, sort, status, unusedDays }: ClientsQuery): Promise<ClientPage> {
  const query = {
    page,
    size,
    sort,
    ...(q ? { q } : {}),
    ...(status.length > 0 ? { status: status.join(',') } : {}),
    ...(unusedDays != null ? { unusedDays } : {}),
  };
  return unwrap(api.GET('/api/clients', { params: { query } }));
}

export const clientsQueryOptions = (query: ClientsQuery) =>
  queryOptions({ queryKey: ['clients', 'list', query], queryFn: () => getClients(query) });

export function useClients(query: ClientsQuery, enabled = true) {
  return useQuery({ ...clientsQueryOptions(query), placeholderData: keepPreviousData, enabled });
}
