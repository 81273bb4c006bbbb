import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { CreatedWebhook } from '@/lib/api/types';

/** A first check only: the server decides what it accepts (by default https and public addresses alone). */
export const createWebhookSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Enter the URL that receives the events')
    .refine((v) => URL.canParse(v), 'Enter a full URL, such as https://example.com/hooks/wallet')
    .refine((v) => !URL.canParse(v) || /^https?:$/.test(new URL(v).protocol), 'Use an https:// URL'),
  events: z.array(z.string()).min(1, 'Choose at least one event'),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export async function createWebhook(body: CreateWebhookInput): Promise<CreatedWebhook> {
  return unwrap(api.POST('/api/webhooks', { body }));
}

/** The answer carries the signing secret, sent this once: like a client's, it never reaches the query cache. */
export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
