import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { User } from '@/lib/api/types';
import { passwordSchema } from '@/lib/passwords';

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,62}[a-z0-9]$/;

export const createUserSchema = z.object({
  username: z
    .string()
    .min(1, 'Enter a username')
    .refine((v) => v === v.toLowerCase(), 'Use lower-case letters only')
    .refine(
      (v) => USERNAME_PATTERN.test(v),
      "Use 3–64 characters: lower-case letters, digits, '.', '_', '@' and '-', starting and ending with a letter or digit",
    ),
  password: passwordSchema,
  roles: z.array(z.string()),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export async function createUser(input: CreateUserInput): Promise<User> {
  return unwrap(api.POST('/api/users', { body: input }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    // The password stays out of the mutation cache.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
