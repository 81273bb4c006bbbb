import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Webhook } from '@/lib/api/types';

export type SetWebhookEnabledInput = { webhook: Webhook; enabled: boolean };

/** PUT takes the whole endpoint: its URL and events go along unchanged. A disabled endpoint receives nothing. */
export async function setWebhookEnabled({ webhook, enabled }: SetWebhookEnabledInput): Promise<Webhook> {
  const body = { url: webhook.url, events: webhook.events, enabled };
  return unwrap(api.PUT('/api/webhooks/{id}', { params: { path: { id: webhook.id } }, body }));
}

export function useSetWebhookEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setWebhookEnabled,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
