import { useEffect } from 'react';
import { ApiAccessScreen } from '@/features/clients/components/api-access-screen';
import { useCurrentUser } from './app-layout';
import { IamBreadcrumbs } from './breadcrumbs';

export function ApiAccessRoute() {
  const me = useCurrentUser();
  useEffect(() => {
    document.title = 'API Access · Wallet console';
  }, []);
  return (
    <>
      <IamBreadcrumbs page="API Access" />
      <ApiAccessScreen me={me} />
    </>
  );
}
