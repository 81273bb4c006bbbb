import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { OpenedHandoff } from '@/lib/api/types';

/** Opens the link: the server makes the secret and answers it, this once (410 when used or expired). */
export async function openLink(token: string): Promise<OpenedHandoff> {
  return unwrap(api.POST('/api/handoff/open', { body: { token } }));
}

/**
 * gcTime 0 and the caller's reset() keep the secret out of the mutation cache; afterwards the link's
 * state is asked again, so a failure (used, expired) shows as such.
 */
export function useOpenLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openLink,
    gcTime: 0,
    onError: (_error, token) => queryClient.invalidateQueries({ queryKey: ['handoff', token] }),
  });
}
