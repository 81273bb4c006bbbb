import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export type RemoveKeyInput = { clientId: string; kid: string };

/** Removes a public key: assertions signed with it fail and the tokens it obtained are refused at once. */
export async function removeKey({ clientId, kid }: RemoveKeyInput): Promise<void> {
  await unwrap(api.DELETE('/api/clients/{clientId}/keys/{kid}', { params: { path: { clientId, kid } } }));
}

export function useRemoveKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
}
