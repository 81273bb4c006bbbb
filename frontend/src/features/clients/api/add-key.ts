import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { AddKeyRequest, NewKey } from '@/lib/api/types';

export type AddKeyInput = { clientId: string; key: AddKeyRequest };

/**
 * What the admin pasted, as the API takes it: a JSON object is a JWK, anything else PEM text. The server
 * says what is wrong with either (a private key, a weak or unsupported one).
 */
export function keyRequestOf(pasted: string): AddKeyRequest {
  const text = pasted.trim();
  if (text.startsWith('{')) {
    try {
      const jwk: unknown = JSON.parse(text);
      if (jwk != null && typeof jwk === 'object' && !Array.isArray(jwk)) {
        return { jwk: jwk as Record<string, unknown> };
      }
    } catch {
      // Sent as PEM: the server then says it holds no PUBLIC KEY block.
    }
  }
  return { pem: text };
}

/** Adds a public key for private_key_jwt; the answer names it by its RFC 7638 thumbprint (kid). */
export async function addKey({ clientId, key }: AddKeyInput): Promise<NewKey> {
  return unwrap(api.POST('/api/clients/{clientId}/keys', { params: { path: { clientId } }, body: key }));
}

export function useAddKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
}
