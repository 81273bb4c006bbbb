import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyField } from '@/components/ui/copy-field';

/** A new endpoint's signing secret, held only in the Webhooks screen's state while this dialog shows it. */
export type IssuedWebhookSecret = { url: string; secret: string };

// Yellow text on yellow fails contrast: the title stays dark.
const warningStyles = {
  title: { color: 'var(--mantine-color-dark-8)' },
  icon: { color: 'var(--mantine-color-orange-9)' },
};

/** Shown once after Add: the server never sends the signing secret again. */
export function WebhookSecretDialog({ issued, onClose }: { issued: IssuedWebhookSecret | null; onClose: () => void }) {
  return (
    <Modal
      opened={issued != null}
      onClose={onClose}
      title="Webhook signing secret"
      size={640}
      // Closing loses the secret for good: only Done (or the close button) does it.
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {issued && (
        <Stack gap="md">
          <Text size="sm">
            The endpoint <strong style={{ wordBreak: 'break-all' }}>{issued.url}</strong> was added. Its receiver checks
            each event’s <code>webhook-signature</code> with this secret (Standard Webhooks: HMAC-SHA256, the key being
            the base64 after <code>whsec_</code>).
          </Text>
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title="Copy the secret now: you will not see it again"
            styles={warningStyles}
          >
            This secret is shown only once. Store it where the receiver reads it; it cannot be retrieved later. If it is
            lost, delete the endpoint and add it again.
          </Alert>
          <CopyField
            label="Signing secret"
            value={issued.secret}
            copyLabel="Copy signing secret"
            testId="webhook-secret"
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
