import { Alert, Box, Button, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockX, IconKey, IconLinkOff, IconLock } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CopyField } from '@/components/ui/copy-field';
import { ErrorState } from '@/components/ui/error-state';
import { ApiError, describeError } from '@/lib/api/errors';
import type { HandoffStatus, OpenedHandoff } from '@/lib/api/types';
import { formatDateTime } from '@/lib/dates';
import { curlCommand } from '@/lib/token-request';
import { useLink } from '../api/look-up-link';
import { useOpenLink } from '../api/open-link';

/**
 * The integrator's page of a one-time secret link (`/handoff#<token>`), without sign-in: it says what the
 * link is for, and shows the secret once, on a button press, so that link previews and scanners that
 * fetch the page never use the link up.
 */
export function HandoffPage({ token }: { token: string }) {
  return (
    <Box mih="100vh" className="handoff-page">
      <Box component="header" px="md" py="sm" className="handoff-header">
        <Group gap="sm">
          <IconKey size={22} aria-hidden className="brand-icon" />
          <Text fw={700}>Wallet console</Text>
        </Group>
      </Box>
      <Container size={760} py="xl" component="main">
        <Stack gap="lg">
          <Title order={1} size="h2">
            One-time secret link
          </Title>
          {token === '' ? <NoLink /> : <Link key={token} token={token} />}
        </Stack>
      </Container>
    </Box>
  );
}

function Link({ token }: { token: string }) {
  const link = useLink(token);
  const open = useOpenLink();
  // The one place the secret lives; nothing else keeps it, and leaving the page loses it.
  const [opened, setOpened] = useState<OpenedHandoff | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);

  if (opened) return <Revealed opened={opened} />;
  if (link.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" aria-hidden />
        <Text>Checking the link…</Text>
      </Group>
    );
  }
  if (link.isError) {
    if (link.error instanceof ApiError && link.error.status === 404) return <Unknown />;
    return (
      <ErrorState
        title="Could not check the link"
        error={link.error}
        onRetry={() => void link.refetch()}
        retrying={link.isFetching}
      />
    );
  }
  const status = link.data;
  if (status.state === 'used') return <Used status={status} />;
  if (status.state === 'expired') return <Expired status={status} />;

  const reveal = async () => {
    setOpenError(null);
    try {
      const secret = await open.mutateAsync(token);
      open.reset();
      setOpened(secret);
    } catch (error) {
      open.reset();
      // A 404 or 410 also asks for the link's state again, which then says used, expired or unknown.
      setOpenError(error);
    }
  };

  return (
    <Stack gap="md">
      <Text>
        This link gives you the client secret of the API client <strong>{status.oauthClientId}</strong> of the wallet{' '}
        <strong>{status.walletName}</strong>.
      </Text>
      <Text>
        It can be opened once, until <strong>{formatDateTime(status.expiresAt)}</strong>. The secret is shown once, when
        you press the button: have your secret manager ready.
      </Text>
      {openError != null && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not opened" role="alert">
          {describeError(openError)}
        </Alert>
      )}
      <Group>
        <Button leftSection={<IconLock size={18} aria-hidden />} onClick={() => void reveal()} loading={open.isPending}>
          Show the secret
        </Button>
      </Group>
    </Stack>
  );
}

function Revealed({ opened }: { opened: OpenedHandoff }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The page changed under the button: tell screen readers where they are.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="md" component="section" aria-labelledby="secret-heading">
      <Title order={2} size="h3" id="secret-heading" ref={heading} tabIndex={-1}>
        The secret of {opened.oauthClientId}
      </Title>
      <Alert
        color="yellow"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title="Store it in your secret manager now"
        // Yellow text on yellow fails contrast: the title stays dark.
        styles={{ title: { color: 'var(--mantine-color-dark-8)' }, icon: { color: 'var(--mantine-color-orange-9)' } }}
      >
        This page will not show it again: the link is used up, and reloading or leaving this page loses the secret. If
        it is lost, ask the administrators of {opened.walletName} to rotate it.
      </Alert>
      <CopyField
        label="OAuth client ID"
        value={opened.oauthClientId}
        copyLabel="Copy OAuth client ID"
        testId="oauth-client-id"
      />
      <CopyField
        label="Client secret"
        value={opened.clientSecret}
        copyLabel="Copy client secret"
        testId="client-secret"
      />
      <CopyField
        label="Token endpoint"
        value={opened.tokenEndpoint}
        copyLabel="Copy token endpoint"
        testId="token-endpoint"
      />
      <Text size="sm">
        Your system obtains access tokens with the OAuth 2.0 Client Credentials flow: it posts{' '}
        <code>grant_type=client_credentials</code> to the token endpoint, authenticated with this client ID and secret
        (HTTP Basic, or <code>client_id</code> and <code>client_secret</code> form fields). The answer’s{' '}
        <code>credential_expires_at</code> says when this secret stops working.
      </Text>
      <CopyField
        label="Get a token (curl)"
        value={curlCommand(opened.tokenEndpoint, opened.oauthClientId, opened.clientSecret, 'client_secret_basic')}
        copyLabel="Copy curl command"
        block
        testId="curl-command"
      />
    </Stack>
  );
}

function Message({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="link-state">
      <Group gap="xs" wrap="nowrap">
        {icon}
        <Title order={2} size="h3" id="link-state">
          {title}
        </Title>
      </Group>
      {children}
    </Stack>
  );
}

function Used({ status }: { status: HandoffStatus }) {
  return (
    <Message icon={<IconLinkOff size={24} aria-hidden />} title="This link was already used">
      <Text>
        This link was already used
        {status.openedAt ? (
          <>
            {' '}
            on <strong>{formatDateTime(status.openedAt)}</strong>
          </>
        ) : null}
        . It shows its secret only once.
      </Text>
      <Text>
        If it was not you or your team who opened it, tell the administrators of {status.walletName} at once: they can
        retire that secret of {status.oauthClientId} and send you a new link.
      </Text>
    </Message>
  );
}

function Expired({ status }: { status: HandoffStatus }) {
  return (
    <Message icon={<IconClockX size={24} aria-hidden />} title="This link has expired">
      <Text>
        This link to the secret of {status.oauthClientId} expired on <strong>{formatDateTime(status.expiresAt)}</strong>{' '}
        without being opened. Ask the administrators of {status.walletName} for a new link.
      </Text>
    </Message>
  );
}

function Unknown() {
  return (
    <Message icon={<IconLinkOff size={24} aria-hidden />} title="This link is not valid">
      <Text>
        It may have been revoked, its secret may have been retired, or the address may be incomplete. Ask the wallet’s
        administrators for a new link.
      </Text>
    </Message>
  );
}

function NoLink() {
  return (
    <Message icon={<IconLinkOff size={24} aria-hidden />} title="No link in this address">
      <Text>
        Open the link exactly as you received it. Once read, this page removes the link from the address bar so that it
        does not stay in your browser’s history; reloading the page therefore shows this message.
      </Text>
    </Message>
  );
}
