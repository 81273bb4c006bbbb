import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnectedX } from '@tabler/icons-react';
import { describeError, isNetworkError } from '@/lib/api/errors';

type Props = { title: string; error: unknown; onRetry?: () => void; retrying?: boolean };

/** A failed load: what happened, and a Retry button (a lost connection is the common case). */
export function ErrorState({ title, error, onRetry, retrying }: Props) {
  const offline = isNetworkError(error);
  return (
    <Alert
      color={offline ? 'orange' : 'red'}
      variant="light"
      title={offline ? 'Connection lost' : title}
      icon={offline ? <IconPlugConnectedX aria-hidden /> : <IconAlertTriangle aria-hidden />}
      role="alert"
    >
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry} loading={retrying}>
            Retry
          </Button>
        )}
      </Group>
    </Alert>
  );
}
