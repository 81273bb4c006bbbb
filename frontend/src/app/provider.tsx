import { MantineProvider, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { subscribe, getSession } from '@/lib/auth/session-store';
import { makeQueryClient } from '@/lib/react-query';
import { theme } from './theme';

// Mantine's dimmed grey (gray.6) and error red (red.6) are under 4.5:1 on white; gray.7 and red.8 keep
// secondary text and field errors readable (WCAG AA).
const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: { '--mantine-color-dimmed': theme.colors.gray[7], '--mantine-color-error': theme.colors.red[8] },
  dark: {},
});

type Props = { children: ReactNode; queryClient?: QueryClient; theme?: MantineThemeOverride };

/** Everything the app needs around it; tests pass their own query client and a theme without motion. */
export function AppProvider({ children, queryClient, theme: themeOverride = theme }: Props) {
  const [client] = useState(() => queryClient ?? makeQueryClient());
  // When the session ends (sign-out, expiry, a 401) nothing fetched with it is kept.
  useEffect(() => subscribe(() => getSession() || client.clear()), [client]);
  return (
    <MantineProvider theme={themeOverride} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
