import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** Queues a test event for the endpoint (202): it shows in the delivery history like any other. */
export async function sendTestEvent(id: string): Promise<void> {
  await unwrap(api.POST('/api/webhooks/{id}/test', { params: { path: { id } } }));
}

export function useSendTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendTestEvent,
    onSuccess: (_, id) => queryClient.invalidateQueries({ queryKey: ['webhooks', 'deliveries', id] }),
  });
}
