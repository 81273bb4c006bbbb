import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export type RetireSecretInput = { clientId: string; secretId: string };

/** Retires a secret now (or revokes its unopened link): tokens issued with it are refused at once. */
export async function retireSecret({ clientId, secretId }: RetireSecretInput): Promise<void> {
  await unwrap(api.DELETE('/api/clients/{clientId}/secrets/{secretId}', { params: { path: { clientId, secretId } } }));
}

export function useRetireSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireSecret,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
}
