import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import {
  ReauthDialog,
  SessionEndedAlert,
  SessionRenewedNote,
  type ReauthControl,
  type useSessionRecovery,
} from '@/components/session-recovery';

type Props = {
  recovery: ReturnType<typeof useSessionRecovery>;
  reauth: ReauthControl;
  /** Why the last save failed, when no field says it. */
  formError: string | null;
  isSubmitting: boolean;
  onCancel: () => void;
};

/**
 * The end of a form dialog that saves: the session-ended alert and its sign-in dialog, why a save
 * failed, Cancel and Save. After signing in again, focus moves to Save.
 */
export function SaveFooter({ recovery, reauth, formError, isSubmitting, onCancel }: Props) {
  const saveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (recovery.renewed) saveButton.current?.focus();
  }, [recovery.renewed]);
  return (
    <>
      {recovery.ended && <SessionEndedAlert onSignIn={reauth.open} />}
      {recovery.renewed && <SessionRenewedNote />}
      {formError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not saved" role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" loading={isSubmitting} ref={saveButton}>
          Save
        </Button>
      </Group>
      {/* Portalled; its own submit does not reach this form (see ReauthForm). */}
      <ReauthDialog
        opened={reauth.opened}
        onClose={reauth.close}
        onSignedIn={() => {
          reauth.close();
          recovery.signedIn();
        }}
      />
    </>
  );
}
