import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Client } from '@/lib/api/types';

export type SetClientEnabledInput = { client: Client; enabled: boolean };

/**
 * PUT takes roles and notes with every change, so the client's current ones go along unchanged. A
 * disabled client obtains no tokens and its live tokens are refused; enabling it needs no new secret.
 */
export async function setClientEnabled({ client, enabled }: SetClientEnabledInput): Promise<Client> {
  const body = { roles: client.roles, notes: client.notes ?? undefined, enabled };
  return unwrap(api.PUT('/api/clients/{clientId}', { params: { path: { clientId: client.clientId } }, body }));
}

export function useSetClientEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setClientEnabled,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
}
