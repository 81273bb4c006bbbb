import { useEffect } from 'react';
import { UsersScreen } from '@/features/users/components/users-screen';
import { useCurrentUser } from './app-layout';
import { IamBreadcrumbs } from './breadcrumbs';

export function UsersRoute() {
  const me = useCurrentUser();
  useEffect(() => {
    document.title = 'Users · Wallet console';
  }, []);
  return (
    <>
      <IamBreadcrumbs page="Users" />
      <UsersScreen me={me} />
    </>
  );
}
