import { Alert, Button, getDefaultZIndex, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLink } from '@tabler/icons-react';
import { CopyField } from '@/components/ui/copy-field';
import type { Delivery } from '@/lib/api/types';
import { formatDateTime } from '@/lib/dates';
import { curlCommand } from '@/lib/token-request';

/** How a new secret reaches the integrator: the secret itself, or a one-time link to it. */
export type Handover =
  | { delivery: Extract<Delivery, 'secret'>; clientSecret: string }
  | { delivery: Extract<Delivery, 'link'>; secretLink: string; linkExpiresAt: string };

/** A secret the server just made, held only in the API Access screen's state while this dialog shows it. */
export type IssuedSecret = Handover & {
  clientId: string;
  oauthClientId: string;
  /** After a rotation: when the older secret retires at the latest (null: not known). */
  rotation?: { oldRetiresAt: string | null };
};

/** The handover an answer of create or rotate carries; null when it carries neither secret nor link. */
export function handoverOf(answer: {
  clientSecret?: string;
  secretLink?: string;
  secretLinkExpiresAt?: string;
}): Handover | null {
  if (answer.secretLink !== undefined && answer.secretLinkExpiresAt !== undefined) {
    return { delivery: 'link', secretLink: answer.secretLink, linkExpiresAt: answer.secretLinkExpiresAt };
  }
  if (answer.clientSecret !== undefined) return { delivery: 'secret', clientSecret: answer.clientSecret };
  return null;
}

type Props = {
  secret: IssuedSecret | null;
  tokenEndpoint: string;
  /** Must drop the secret: it is held by the caller's state alone. */
  onClose: () => void;
};

function titleOf(secret: IssuedSecret): string {
  if (secret.delivery === 'link') return secret.rotation ? 'One-time link to the new secret' : 'One-time secret link';
  return secret.rotation ? 'New client secret' : 'Client secret';
}

// Yellow text on yellow fails contrast: the title stays dark.
const warningStyles = {
  title: { color: 'var(--mantine-color-dark-8)' },
  icon: { color: 'var(--mantine-color-orange-9)' },
};

/** Shown once after Add or Rotate: the new secret (which the server never sends again) or its one-time link. */
export function SecretDialog({ secret, tokenEndpoint, onClose }: Props) {
  return (
    <Modal
      opened={secret != null}
      onClose={onClose}
      title={secret ? titleOf(secret) : ''}
      size={720}
      // Above the client's dialog, where Rotate secret opens it from.
      zIndex={getDefaultZIndex('modal') + 5}
      // Closing loses the secret for good: only the Done button (or the close button) does it.
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {secret && (
        <Stack gap="md">
          <Intro secret={secret} />
          {secret.rotation && <OldSecretNote oldRetiresAt={secret.rotation.oldRetiresAt} />}
          {secret.delivery === 'secret' ? (
            <>
              <Alert
                color="yellow"
                variant="light"
                icon={<IconAlertTriangle aria-hidden />}
                title="Copy the secret now"
                styles={warningStyles}
              >
                This secret is shown only once. Store it securely: it cannot be retrieved later. If it is lost, rotate
                the secret from the client’s Edit dialog.
              </Alert>
              <CopyField
                label="OAuth client ID"
                value={secret.oauthClientId}
                copyLabel="Copy OAuth client ID"
                testId="oauth-client-id"
              />
              <CopyField
                label="Client secret"
                value={secret.clientSecret}
                copyLabel="Copy client secret"
                testId="client-secret"
              />
              <CopyField
                label="Get a token (curl)"
                value={curlCommand(tokenEndpoint, secret.oauthClientId, secret.clientSecret)}
                copyLabel="Copy curl command"
                block
                testId="curl-command"
              />
            </>
          ) : (
            <>
              <Alert
                color="yellow"
                variant="light"
                icon={<IconLink aria-hidden />}
                title="You will never see this secret"
                styles={warningStyles}
              >
                The secret is made when the link is opened, and shown there once. Send the link over a channel you
                trust: whoever opens it first gets the secret. The link works once, until{' '}
                <strong>{formatDateTime(secret.linkExpiresAt)}</strong>; an unopened link can be revoked from the
                client’s Edit dialog.
              </Alert>
              <CopyField
                label="OAuth client ID"
                value={secret.oauthClientId}
                copyLabel="Copy OAuth client ID"
                testId="oauth-client-id"
              />
              <CopyField label="One-time link" value={secret.secretLink} copyLabel="Copy link" testId="secret-link" />
              <Text size="sm" data-testid="link-expires-at">
                Valid until {formatDateTime(secret.linkExpiresAt)}.
              </Text>
            </>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Intro({ secret }: { secret: IssuedSecret }) {
  const name = <strong>{secret.clientId}</strong>;
  const link = secret.delivery === 'link';
  if (secret.rotation) {
    return (
      <Text size="sm">
        A new secret of {name} was made.{' '}
        {link ? 'Send this one-time link to the integrating party.' : 'Give it to the integrating party.'}
      </Text>
    );
  }
  return (
    <Text size="sm">
      The API client {name} was created.{' '}
      {link
        ? 'Send its OAuth client ID and this one-time link to the integrating party.'
        : 'Give the integrating party its OAuth client ID and secret.'}
    </Text>
  );
}

function OldSecretNote({ oldRetiresAt }: { oldRetiresAt: string | null }) {
  return (
    <Text size="sm" data-testid="old-secret-note">
      The old secret stays valid until it is drained — the new one has obtained a token and the old one has gone unused
      for a while — or at the latest until{' '}
      <strong>{oldRetiresAt ? formatDateTime(oldRetiresAt) : '7 days from now'}</strong>. The client’s Edit dialog shows
      it retire.
    </Text>
  );
}
