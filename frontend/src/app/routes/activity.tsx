import { useEffect } from 'react';
import { ActivityScreen } from '@/features/audit/components/activity-screen';
import { useCurrentUser } from './app-layout';
import { IamBreadcrumbs } from './breadcrumbs';

export function ActivityRoute() {
  const me = useCurrentUser();
  useEffect(() => {
    document.title = 'Activity · Wallet console';
  }, []);
  return (
    <>
      <IamBreadcrumbs page="Activity" />
      <ActivityScreen me={me} />
    </>
  );
}
