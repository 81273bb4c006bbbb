import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { end } from './session-store';

/** Forgets the token and everything fetched with it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    end('signed-out');
    queryClient.clear();
  }, [queryClient]);
}
