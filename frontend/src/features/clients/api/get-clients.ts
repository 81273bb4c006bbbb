import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { ClientPage } from '@/lib/api/types';

export type ClientSortKey = 'clientId' | 'expiryDate' | 'createdAt' | 'lastUsedAt';
export type ClientSort = ClientSortKey | `-${ClientSortKey}`;
export type ClientsQuery = { q: string; page: number; size: number; sort: ClientSort };

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export async function getClients({ q, page, size, sort }: ClientsQuery): Promise<ClientPage> {
  const query = { page, size, sort, ...(q ? { q } : {}) };
  return unwrap(api.GET('/api/clients', { params: { query } }));
}

export const clientsQueryOptions = (query: ClientsQuery) =>
  queryOptions({ queryKey: ['clients', 'list', query], queryFn: () => getClients(query) });

export function useClients(query: ClientsQuery, enabled = true) {
  return useQuery({ ...clientsQueryOptions(query), placeholderData: keepPreviousData, enabled });
}
