import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { AppLayout } from './routes/app-layout';

// Each screen is its own chunk, loaded when its route is first matched; the signed-in shell is not.
export const routes: RouteObject[] = [
  { path: '/sign-in', lazy: async () => ({ Component: (await import('./routes/sign-in')).SignInRoute }) },
  // The one-time secret link's page: public, no sign-in, no shell.
  { path: '/handoff', lazy: async () => ({ Component: (await import('./routes/handoff')).HandoffRoute }) },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/settings/iam/api-access" replace /> },
      { path: 'settings', element: <Navigate to="/settings/iam/api-access" replace /> },
      { path: 'settings/iam', element: <Navigate to="/settings/iam/api-access" replace /> },
      {
        path: 'settings/iam/api-access',
        lazy: async () => ({ Component: (await import('./routes/api-access')).ApiAccessRoute }),
      },
      { path: 'settings/iam/users', lazy: async () => ({ Component: (await import('./routes/users')).UsersRoute }) },
      {
        path: 'settings/iam/activity',
        lazy: async () => ({ Component: (await import('./routes/activity')).ActivityRoute }),
      },
      {
        path: 'settings/iam/webhooks',
        lazy: async () => ({ Component: (await import('./routes/webhooks')).WebhooksRoute }),
      },
    ],
  },
  { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found')).NotFoundRoute }) },
];

export function AppRouter() {
  return <RouterProvider router={createBrowserRouter(routes)} />;
}
