import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Client } from '@/lib/api/types';

/** How often an open client dialog asks again, so the admin sees an old secret drain and retire. */
export const CLIENT_REFRESH_MS = 15_000;

export async function getClient(clientId: string): Promise<Client> {
  return unwrap(api.GET('/api/clients/{clientId}', { params: { path: { clientId } } }));
}

export const clientQueryOptions = (clientId: string) =>
  queryOptions({ queryKey: ['clients', 'one', clientId], queryFn: () => getClient(clientId) });

/** One client, kept fresh while mounted; `shown` (its row in the list) stands in until the first answer. */
export function useClient(clientId: string, shown?: Client) {
  return useQuery({
    ...clientQueryOptions(clientId),
    placeholderData: shown,
    staleTime: 0,
    refetchInterval: CLIENT_REFRESH_MS,
  });
}
