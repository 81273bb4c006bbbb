import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Resource } from '@/lib/api/types';

/** The permissions grid's rows: the wallet's resource catalogue. */
export async function getResources(): Promise<Resource[]> {
  return unwrap(api.GET('/api/resources'));
}

export const resourcesQueryOptions = () =>
  queryOptions({ queryKey: ['resources'], queryFn: getResources, staleTime: Infinity });

export function useResources() {
  return useQuery(resourcesQueryOptions());
}
