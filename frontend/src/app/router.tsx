import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { ApiAccessRoute } from './routes/api-access';
import { AppLayout } from './routes/app-layout';
import { NotFoundRoute } from './routes/not-found';
import { SignInRoute } from './routes/sign-in';
import { UsersRoute } from './routes/users';

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInRoute /> },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/settings/iam/api-access" replace /> },
      { path: 'settings', element: <Navigate to="/settings/iam/api-access" replace /> },
      { path: 'settings/iam', element: <Navigate to="/settings/iam/api-access" replace /> },
      { path: 'settings/iam/api-access', element: <ApiAccessRoute /> },
      { path: 'settings/iam/users', element: <UsersRoute /> },
    ],
  },
  { path: '*', element: <NotFoundRoute /> },
];

export function AppRouter() {
  return <RouterProvider router={createBrowserRouter(routes)} />;
}
