import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { CreatedClient } from '@/lib/api/types';
import { LAST_EXPIRY, todayUtc } from '@/lib/dates';
import { keyRequestOf } from './add-key';

/** The server's rule for a clientId (API.md): never rewritten, so upper case is an error too. */
const CLIENT_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$/;
export const CLIENT_ID_HINT =
  "3–64 characters: lower-case letters, digits, '.', '_' and '-', starting and ending with a letter or digit. It cannot be changed later.";
export const NOTES_MAX = 1000;

const clientIdSchema = z
  .string()
  .min(1, 'Enter a client ID')
  .refine((v) => v.length >= 3, 'Use at least 3 characters')
  .refine((v) => v.length <= 64, 'Use at most 64 characters')
  .refine((v) => v === v.toLowerCase(), 'Use lower-case letters only')
  .refine((v) => /^[a-zA-Z0-9._-]*$/.test(v), "Use only letters, digits, '.', '_' and '-' (no spaces)")
  .refine((v) => /^[a-z0-9].*[a-z0-9]$/.test(v), 'Start and end with a letter or digit')
  .refine((v) => CLIENT_ID_PATTERN.test(v), 'This is not a valid client ID');

export const notesSchema = z.string().max(NOTES_MAX, `Keep notes to ${NOTES_MAX} characters`);

export const createClientSchema = z
  .object({
    clientId: clientIdSchema,
    expiryDate: z
      .string()
      .min(1, 'Choose an expiry date')
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD')
      .refine((v) => v >= todayUtc(), 'The expiry date cannot be in the past')
      .refine((v) => v <= LAST_EXPIRY, `Choose a date on or before ${LAST_EXPIRY}`),
    notes: notesSchema,
    roles: z.array(z.string()),
    /** Tokens only with a DPoP proof, bound to the integrator's key (RFC 9449). */
    requireDpop: z.boolean(),
    /** secret: shown to the admin now; link: a one-time link for the integrator, the admin never sees it. */
    delivery: z.enum(['secret', 'link']),
    /** secret: the client gets a secret; key: it gets none and authenticates with the public key (private_key_jwt). */
    credential: z.enum(['secret', 'key']),
    /** With credential key: the integrator's public key, PEM or JWK, as pasted. */
    publicKey: z.string(),
  })
  .refine((v) => v.credential !== 'key' || v.publicKey.trim() !== '', {
    path: ['publicKey'],
    message: 'Paste the integrator’s public key',
  });
export type CreateClientInput = z.infer<typeof createClientSchema>;

export async function createClient(input: CreateClientInput): Promise<CreatedClient> {
  const { credential, publicKey, delivery, ...rest } = input;
  const common = { ...rest, notes: rest.notes.trim() || undefined };
  const body = credential === 'key' ? { ...common, credential, ...keyRequestOf(publicKey) } : { ...common, delivery };
  return unwrap(api.POST('/api/clients', { body }));
}

/**
 * The answer carries the client's secret (or its one-time link), sent this once. gcTime 0 drops the finished mutation (and the
 * secret in it) from the mutation cache as soon as the caller resets it; the list is refetched rather than
 * fed from this answer, so the secret never reaches the query cache.
 */
export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClient,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
}
