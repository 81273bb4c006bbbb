import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { describeError } from '@/lib/api/errors';

type Props = {
  opened: boolean;
  title: string;
  children: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: unknown;
  /** The confirming button's text; "Yes" unless told. */
  confirmLabel?: string;
  /** False for a question whose yes takes nothing away (enabling a client): the button is not red. */
  danger?: boolean;
  /** Above another dialog it was opened from. */
  zIndex?: number;
};

/** A yes/no question before something that cannot be undone. "Yes" confirms. */
export function ConfirmDialog({
  opened,
  title,
  children,
  onConfirm,
  onClose,
  pending,
  error,
  confirmLabel = 'Yes',
  danger = true,
  zIndex,
}: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered zIndex={zIndex}>
      <Stack>
        <Text size="sm" component="div">
          {children}
        </Text>
        {error != null && (
          <Text size="sm" c="red.8" role="alert">
            {describeError(error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
