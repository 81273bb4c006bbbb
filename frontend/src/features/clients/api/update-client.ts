import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { Client } from '@/lib/api/types';
import { notesSchema } from './create-client';

export const updateClientSchema = z.object({
  clientId: z.string(),
  expiryDate: z.string(),
  notes: notesSchema,
  roles: z.array(z.string()),
  requireDpop: z.boolean(),
  // Chosen only when adding; the edit form carries them along unused.
  delivery: z.enum(['secret', 'link']),
  credential: z.enum(['secret', 'key']),
  publicKey: z.string(),
});
export type UpdateClientInput = z.infer<typeof updateClientSchema>;

/**
 * Only roles, notes and requireDpop change here (enabled has its own call); clientId and expiryDate are fixed at
 * creation.
 */
export async function updateClient({ clientId, notes, roles, requireDpop }: UpdateClientInput): Promise<Client> {
  return unwrap(
    api.PUT('/api/clients/{clientId}', {
      params: { path: { clientId } },
      body: { notes: notes.trim(), roles, requireDpop },
    }),
  );
}

export function useUpdateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
}
