import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { Session } from '@/lib/api/types';
import { end, start } from '@/lib/auth/session-store';
import { signIn } from '@/lib/auth/sign-in';
import { passwordSchema } from '@/lib/passwords';

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1, 'Enter the new password again'),
  })
  .refine((v) => v.confirmPassword === '' || v.confirmPassword === v.newPassword, {
    path: ['confirmPassword'],
    message: 'This is not the same as the new password',
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** PUT /api/me/password: 204, and the server refuses every session of this user issued before. */
export async function changePassword({
  currentPassword,
  newPassword,
}: Pick<ChangePasswordInput, 'currentPassword' | 'newPassword'>) {
  await unwrap(api.PUT('/api/me/password', { body: { currentPassword, newPassword } }));
}

/** The password was changed, but signing in with the new one failed: the old session is over. */
export class SignInAfterChangeFailed extends Error {
  constructor(cause: unknown) {
    super('The password was changed, but signing in with it failed.', { cause });
    this.name = 'SignInAfterChangeFailed';
  }
}

type Variables = ChangePasswordInput & { wallet: string; username: string };

/**
 * Changes the password, then signs in again with the new one, since the change ends the session it
 * was made with; the new token replaces the old one as at sign-in. The passwords stay out of the
 * mutation cache (gcTime 0; the caller resets the mutation).
 */
export async function changePasswordAndSignIn({
  wallet,
  username,
  currentPassword,
  newPassword,
}: Variables): Promise<Session> {
  await changePassword({ currentPassword, newPassword });
  try {
    return await signIn({ wallet, username, password: newPassword });
  } catch (cause) {
    throw new SignInAfterChangeFailed(cause);
  }
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePasswordAndSignIn,
    gcTime: 0,
    onSuccess: (session, { wallet }) => {
      start({ token: session.token, expiresAt: session.expiresAt, username: session.user.username, wallet });
      // A call made between the change and the new token was refused: make it again.
      void queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
    },
    onError: (error) => {
      if (error instanceof SignInAfterChangeFailed) end('password-changed');
    },
  });
}
