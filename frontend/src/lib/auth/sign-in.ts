import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { Session } from '@/lib/api/types';
import { start } from './session-store';

export const signInSchema = z.object({
  wallet: z.string().trim().min(1, 'Enter your wallet'),
  username: z.string().trim().min(1, 'Enter your username'),
  password: z.string().min(1, 'Enter your password'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export async function signIn(input: SignInInput): Promise<Session> {
  return unwrap(api.POST('/api/session', { body: input }));
}

export function useSignIn() {
  return useMutation({
    mutationFn: signIn,
    // The token goes to the session store, not the mutation cache.
    gcTime: 0,
    onSuccess: (session, input) => {
      start({
        token: session.token,
        expiresAt: session.expiresAt,
        username: session.user.username,
        wallet: input.wallet.trim(),
      });
    },
  });
}
