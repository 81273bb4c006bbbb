import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** Revokes at once: no new tokens, and live tokens are refused by the API. */
export async function deleteClient(clientId: string): Promise<void> {
  await unwrap(api.DELETE('/api/clients/{clientId}', { params: { path: { clientId } } }));
}

export function useDeleteClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
}
