import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** Their live sessions are refused at once. Deleting yourself is refused (409). */
export async function deleteUser(username: string): Promise<void> {
  await unwrap(api.DELETE('/api/users/{username}', { params: { path: { username } } }));
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
