import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { WebhookDeliveryPage } from '@/lib/api/types';

export const DELIVERIES_PAGE_SIZE = 20;
/** While a delivery is pending, the history asks again this often, so it is seen to arrive or fail. */
export const PENDING_REFRESH_MS = 3_000;

export type DeliveriesQuery = { id: string; page: number; size: number };

export async function getDeliveries({ id, page, size }: DeliveriesQuery): Promise<WebhookDeliveryPage> {
  return unwrap(api.GET('/api/webhooks/{id}/deliveries', { params: { path: { id }, query: { page, size } } }));
}

export const deliveriesQueryOptions = (query: DeliveriesQuery) =>
  queryOptions({ queryKey: ['webhooks', 'deliveries', query.id, query], queryFn: () => getDeliveries(query) });

export function useDeliveries(query: DeliveriesQuery) {
  return useQuery({
    ...deliveriesQueryOptions(query),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? PENDING_REFRESH_MS : false),
  });
}
