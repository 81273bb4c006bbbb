import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Webhook } from '@/lib/api/types';

export async function getWebhooks(): Promise<Webhook[]> {
  return unwrap(api.GET('/api/webhooks'));
}

export const webhooksQueryOptions = () => queryOptions({ queryKey: ['webhooks', 'list'], queryFn: getWebhooks });

export function useWebhooks(enabled = true) {
  return useQuery({ ...webhooksQueryOptions(), enabled });
}
