import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { User } from '@/lib/api/types';

export async function getUsers(): Promise<User[]> {
  return unwrap(api.GET('/api/users'));
}

export const usersQueryOptions = () => queryOptions({ queryKey: ['users'], queryFn: getUsers });

export function useUsers(enabled = true) {
  return useQuery({ ...usersQueryOptions(), enabled });
}
