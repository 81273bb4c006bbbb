import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { HandoffStatus } from '@/lib/api/types';

/** What a one-time link is for and whether it can still be opened; changes nothing (a 404 for an unknown link). */
export async function lookUpLink(token: string): Promise<HandoffStatus> {
  return unwrap(api.POST('/api/handoff/lookup', { body: { token } }));
}

export const linkQueryOptions = (token: string) =>
  queryOptions({ queryKey: ['handoff', token], queryFn: () => lookUpLink(token), staleTime: Infinity });

export function useLink(token: string) {
  return useQuery({ ...linkQueryOptions(token), enabled: token !== '' });
}
