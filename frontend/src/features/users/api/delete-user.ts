import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { isRefusal } from '@/lib/api/errors';

/** Their live sessions are refused at once. Refused: yourself (409), the last administrator (409), a user holding roles you lack (403). */
export async function deleteUser(username: string): Promise<void> {
  await unwrap(api.DELETE('/api/users/{username}', { params: { path: { username } } }));
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUser,
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
