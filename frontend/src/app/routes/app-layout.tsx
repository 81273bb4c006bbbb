import { AppShell, Burger, Button, Center, Group, Loader, Menu, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChevronDown,
  IconHistory,
  IconKey,
  IconLock,
  IconLogout,
  IconSettings,
  IconShieldLock,
  IconUser,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Navigate, NavLink as RouterNavLink, Outlet, useLocation, useOutletContext } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import type { Me } from '@/lib/api/types';
import { API_ACCESS_READ, holds, USERS_READ, WEBHOOKS_READ } from '@/lib/auth/authorization';
import { useMe } from '@/lib/auth/get-me';
import { useSignOut } from '@/lib/auth/sign-out';
import { useSession } from '@/lib/auth/use-session';

// Its form (react-hook-form, zod) loads when the dialog is first opened, not with the shell.
const ChangePasswordDialog = lazy(async () => ({
  default: (await import('@/features/auth/components/change-password-dialog')).ChangePasswordDialog,
}));

export const useCurrentUser = () => useOutletContext<Me>();

/** The signed-in shell: header with wallet and user, Settings → IAM navigation, and the page. */
export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <SignedIn />;
}

function SignedIn() {
  const me = useMe();
  const signOut = useSignOut();
  const session = useSession();
  const [opened, { toggle }] = useDisclosure();
  const [changingPassword, setChangingPassword] = useState(false);
  // Mounted from the first opening on, so that closing still plays the dialog's exit.
  const [passwordDialogUsed, setPasswordDialogUsed] = useState(false);

  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center mih="100vh" p="md">
        <Stack w={520}>
          <ErrorState
            title="Could not load your account"
            error={me.error}
            onRetry={() => void me.refetch()}
            retrying={me.isFetching}
          />
          <Button variant="subtle" onClick={signOut}>
            Sign out
          </Button>
        </Stack>
      </Center>
    );
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <IconKey size={22} aria-hidden className="brand-icon" />
            <Text fw={700}>Wallet console</Text>
            <Text size="sm" className="muted" visibleFrom="sm">
              {me.data.wallet.name} <span aria-hidden>·</span> <code>{me.data.wallet.externalKey}</code>
            </Text>
          </Group>
          <UserMenu
            username={me.data.username}
            // Only users have passwords. A session here comes from signing in as a user; a client token's /api/me
            // username is its OAuth client id, never the username stored at sign-in.
            canChangePassword={session?.username === me.data.username}
            onChangePassword={() => {
              setPasswordDialogUsed(true);
              setChangingPassword(true);
            }}
            onSignOut={signOut}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        <ScrollArea>
          <NavLink
            label="Settings"
            leftSection={<IconSettings size={18} aria-hidden />}
            defaultOpened
            childrenOffset={12}
            component="button"
          >
            <NavLink
              label="IAM"
              leftSection={<IconShieldLock size={18} aria-hidden />}
              defaultOpened
              childrenOffset={12}
              component="button"
            >
              <SideLink to="/settings/iam/api-access" label="API Access" icon={<IconKey size={18} aria-hidden />} />
              <SideLink to="/settings/iam/users" label="Users" icon={<IconUsers size={18} aria-hidden />} />
              {(holds(me.data, API_ACCESS_READ) || holds(me.data, USERS_READ) || holds(me.data, WEBHOOKS_READ)) && (
                <SideLink to="/settings/iam/activity" label="Activity" icon={<IconHistory size={18} aria-hidden />} />
              )}
              {holds(me.data, WEBHOOKS_READ) && (
                <SideLink to="/settings/iam/webhooks" label="Webhooks" icon={<IconWebhook size={18} aria-hidden />} />
              )}
            </NavLink>
          </NavLink>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <div className="page">
          <Outlet context={me.data} />
        </div>
      </AppShell.Main>
      {passwordDialogUsed && (
        <Suspense fallback={null}>
          <ChangePasswordDialog
            opened={changingPassword}
            onClose={() => setChangingPassword(false)}
            wallet={session?.wallet ?? me.data.wallet.externalKey}
            username={me.data.username}
          />
        </Suspense>
      )}
    </AppShell>
  );
}

type UserMenuProps = {
  username: string;
  canChangePassword: boolean;
  onChangePassword: () => void;
  onSignOut: () => void;
};

/** The signed-in user's menu in the header: Change password (users only) and Sign out. */
function UserMenu({ username, canChangePassword, onChangePassword, onSignOut }: UserMenuProps) {
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconUser size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`Account: ${username}`}
        >
          {username}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {username}</Menu.Label>
        {canChangePassword && (
          <Menu.Item leftSection={<IconLock size={16} aria-hidden />} onClick={onChangePassword}>
            Change password
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={onSignOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function SideLink({ to, label, icon }: { to: string; label: string; icon: React.ReactNode }) {
  const location = useLocation();
  const active = location.pathname === to;
  return (
    <NavLink
      component={RouterNavLink}
      to={to}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="filled"
    />
  );
}
