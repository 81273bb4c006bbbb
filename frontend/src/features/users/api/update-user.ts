import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import { isRefusal } from '@/lib/api/errors';
import type { User } from '@/lib/api/types';
import { passwordSchema } from '@/lib/passwords';

export const updateUserSchema = z.object({
  username: z.string(),
  /** Empty: the password stays as it is. */
  password: z.union([z.literal(''), passwordSchema]),
  roles: z.array(z.string()),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export async function updateUser({ username, password, roles }: UpdateUserInput): Promise<User> {
  const body = password ? { roles, password } : { roles };
  return unwrap(api.PUT('/api/users/{username}', { params: { path: { username } }, body }));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
    // Refused (403: roles the caller lacks; 409: lock-out): the list or the caller's roles may have changed meanwhile.
    onError: (error) => {
      if (isRefusal(error)) {
        void queryClient.invalidateQueries({ queryKey: ['users'] });
        void queryClient.invalidateQueries({ queryKey: ['me'] });
      }
    },
  });
}
