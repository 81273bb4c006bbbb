import { Alert, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { safeNext } from '@/lib/auth/safe-next';
import { takeEndReason } from '@/lib/auth/session-store';
import { useSession } from '@/lib/auth/use-session';

export function SignInRoute() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [reason] = useState(takeEndReason);
  const next = safeNext(params.get('next'));

  if (session) return <Navigate to={next} replace />;

  return (
    <Center mih="100vh" p="md" className="sign-in-page">
      <Paper withBorder shadow="sm" radius="md" p="xl" w={400} component="main">
        <Stack gap="lg">
          <Stack gap={4} align="center">
            <IconKey size={32} aria-hidden className="brand-icon" />
            <Title order={1} size="h3" ta="center">
              Sign in to the wallet console
            </Title>
            <Text size="sm" className="muted" ta="center">
              Use the wallet key and the account an administrator gave you.
            </Text>
          </Stack>
          {reason === 'expired' && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
              Your session has ended. Sign in again to continue.
            </Alert>
          )}
          {reason === 'password-changed' && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
              Your password was changed. Sign in with the new password to continue.
            </Alert>
          )}
          <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
        </Stack>
      </Paper>
    </Center>
  );
}
