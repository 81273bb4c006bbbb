import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyField } from '@/components/ui/copy-field';

export type ClientSecret = { clientId: string; oauthClientId: string; clientSecret: string };

type Props = {
  secret: ClientSecret | null;
  tokenEndpoint: string;
  /** Must drop the secret: it is held by the caller's state alone. */
  onClose: () => void;
};

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The ready-to-run token request of the Client Credentials flow. */
function curlCommand(tokenEndpoint: string, oauthClientId: string, clientSecret: string): string {
  return [
    `curl -X POST ${shellQuote(tokenEndpoint)} \\`,
    `  -H 'Content-Type: application/x-www-form-urlencoded' \\`,
    `  -d grant_type=client_credentials \\`,
    `  --data-urlencode ${shellQuote(`client_id=${oauthClientId}`)} \\`,
    `  --data-urlencode ${shellQuote(`client_secret=${clientSecret}`)}`,
  ].join('\n');
}

/** Shown once after Add: the generated secret, which the server never sends again. */
export function SecretDialog({ secret, tokenEndpoint, onClose }: Props) {
  return (
    <Modal
      opened={secret != null}
      onClose={onClose}
      title="Client secret"
      size={720}
      // Closing loses the secret for good: only the Done button (or the close button) does it.
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {secret && (
        <Stack gap="md">
          <Text size="sm">
            The API client <strong>{secret.clientId}</strong> was created. Give the integrating party its OAuth client
            ID and secret.
          </Text>
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title="Copy the secret now"
            // Yellow text on yellow fails contrast: the title stays dark.
            styles={{
              title: { color: 'var(--mantine-color-dark-8)' },
              icon: { color: 'var(--mantine-color-orange-9)' },
            }}
          >
            This secret is shown only once. Store it securely: it cannot be retrieved later. If it is lost, delete this
            client and add a new one.
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
