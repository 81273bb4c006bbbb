import { QueryClient } from '@tanstack/react-query';
import { isNetworkError } from './api/errors';

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A lost connection is retried twice before the screen offers a Retry button; API errors are not.
        retry: (failureCount, error) => isNetworkError(error) && failureCount < 2,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 4000),
      },
      mutations: { retry: false },
    },
  });
}
