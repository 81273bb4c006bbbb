import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';
import { start } from '@/lib/auth/session-store';
import { makeQueryClient } from '@/lib/react-query';
import { testTheme } from './theme';

function testQueryClient() {
  const client = makeQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  return client;
}

/** A component inside the app's providers and a router at `route`. */
export function renderWithProviders(ui: ReactElement, { route = '/' } = {}) {
  const queryClient = testQueryClient();
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [route] });
  const user = userEvent.setup({ delay: null });
  const result = render(
    <AppProvider queryClient={queryClient} theme={testTheme}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, user, queryClient, router };
}

/** The whole app at `route`, signed in unless told otherwise. */
export function renderApp(route: string, { signedIn = true } = {}) {
  if (signedIn) start({ token: 'session-token', expiresAt: '2099-01-01T00:00:00Z', username: 'admin', wallet: 'demo' });
  const queryClient = testQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [route] });
  const user = userEvent.setup({ delay: null });
  const result = render(
    <AppProvider queryClient={queryClient} theme={testTheme}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, user, queryClient, router };
}
