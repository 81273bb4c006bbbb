import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Delivery, NewSecret } from '@/lib/api/types';

export type RotateSecretInput = { clientId: string; delivery: Delivery };

/**
 * A second secret (or its one-time link); the older one keeps working until it has drained (the new
 * one is in use and the old one idle) or, at the latest, until its retiresAt (7 days by default).
 */
export async function rotateSecret({ clientId, delivery }: RotateSecretInput): Promise<NewSecret> {
  return unwrap(api.POST('/api/clients/{clientId}/secrets', { params: { path: { clientId } }, body: { delivery } }));
}

/** Like creation: gcTime 0 and reset() keep the new secret out of the mutation cache. */
export function useRotateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateSecret,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
}
