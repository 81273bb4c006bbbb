import { useEffect } from 'react';
import { WebhooksScreen } from '@/features/webhooks/components/webhooks-screen';
import { useCurrentUser } from './app-layout';
import { IamBreadcrumbs } from './breadcrumbs';

export function WebhooksRoute() {
  const me = useCurrentUser();
  useEffect(() => {
    document.title = 'Webhooks · Wallet console';
  }, []);
  return (
    <>
      <IamBreadcrumbs page="Webhooks" />
      <WebhooksScreen me={me} />
    </>
  );
}
