import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, getDefaultZIndex, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { describeError, isUnauthorized, ApiError } from '@/lib/api/errors';
import { signInSchema, useSignIn, type SignInInput } from '@/lib/auth/sign-in';
import { useHoldSession, useSession, useSessionStale } from '@/lib/auth/use-session';

/*
 * A save that meets an ended session (401) keeps its dialog and every value in it: the form holds the
 * session while open, says the session has ended, and offers to sign in again in a dialog of its own
 * (same wallet and username, password only). The new token replaces the old one; Save then works.
 */

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Sign in again to save — what you typed is kept.';

export type ReauthControl = { opened: boolean; open: () => void; close: () => void };

/** Lives in the form dialog, so that Escape in the sign-in dialog does not also close the form. */
export function useReauthControl(): ReauthControl {
  const [opened, setOpened] = useState(false);
  const open = useCallback(() => setOpened(true), []);
  const close = useCallback(() => setOpened(false), []);
  return useMemo(() => ({ opened, open, close }), [opened, open, close]);
}

/** For a form that saves: holds the session while mounted and tracks whether it ended under the form. */
export function useSessionRecovery(reauth: ReauthControl) {
  useHoldSession();
  const stale = useSessionStale();
  // A 401 on a call that carried no token never reaches the session store; the form remembers it.
  const [refused, setRefused] = useState(false);
  const [renewed, setRenewed] = useState(false);
  // The sign-in dialog does not outlive the form (close is stable, so this runs on unmount only).
  const { close } = reauth;
  useEffect(() => close, [close]);
  const ended = stale || refused;
  return {
    ended,
    renewed: renewed && !ended,
    /** Call before a save; false when the session is known to have ended (the sign-in dialog opens instead). */
    beforeSave(): boolean {
      setRenewed(false);
      if (ended) {
        reauth.open();
        return false;
      }
      return true;
    },
    /** Call with a failed save's error: true when it was the session ending, and nothing else is to be said. */
    endedBy(error: unknown): boolean {
      if (!isUnauthorized(error)) return false;
      setRefused(true);
      return true;
    },
    signedIn() {
      setRefused(false);
      setRenewed(true);
    },
  };
}

/** Beside the form: the session ended, nothing typed is lost, and a way to sign in again. */
export function SessionEndedAlert({ onSignIn }: { onSignIn: () => void }) {
  return (
    <Alert color="orange" variant="light" icon={<IconLock aria-hidden />} title="Session ended" role="alert">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{SESSION_ENDED_MESSAGE}</Text>
        <Button size="xs" onClick={onSignIn} style={{ flexShrink: 0 }}>
          Sign in again
        </Button>
      </Group>
    </Alert>
  );
}

export function SessionRenewedNote() {
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Signed in again" role="status">
      Press Save to save what you typed.
    </Alert>
  );
}

function explain(error: unknown): string {
  if (isUnauthorized(error)) return 'The password is wrong. Try again.';
  if (error instanceof ApiError && error.status === 429) {
    return 'Too many failed sign-ins from here. Wait a minute, then try again.';
  }
  return describeError(error);
}

type ReauthDialogProps = { opened: boolean; onClose: () => void; onSignedIn: () => void };

/** "Sign in again": the password for the wallet and username of the session that ended. */
export function ReauthDialog({ opened, onClose, onSignedIn }: ReauthDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Sign in again"
      size="sm"
      closeOnClickOutside={false}
      zIndex={getDefaultZIndex('modal') + 10}
    >
      {opened && <ReauthForm onCancel={onClose} onSignedIn={onSignedIn} />}
    </Modal>
  );
}

function ReauthForm({ onCancel, onSignedIn }: { onCancel: () => void; onSignedIn: () => void }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const signIn = useSignIn();
  const known = session != null;
  const { register, handleSubmit, formState, setFocus } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { wallet: session?.wallet ?? '', username: session?.username ?? '', password: '' },
  });
  const { errors } = formState;

  const submit = handleSubmit((values) =>
    signIn.mutate(values, {
      onSuccess: () => {
        // useSignIn put the new token in the session store; the mutation keeps no copy of the password.
        signIn.reset();
        void queryClient.invalidateQueries();
        onSignedIn();
      },
      onError: () => setFocus('password'),
    }),
  );

  return (
    <form
      onSubmit={(event) => {
        // The dialog is portalled, but React still bubbles its submit to the form behind it.
        event.stopPropagation();
        void submit(event);
      }}
      noValidate
      aria-label="Sign in again"
    >
      <Stack gap="md">
        <Text size="sm">
          {known
            ? `Enter the password of ${session.username} to continue. The form behind this dialog keeps what you typed.`
            : 'Sign in to continue. The form behind this dialog keeps what you typed.'}
        </Text>
        {signIn.isError && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title="Could not sign in"
            role="alert"
          >
            {explain(signIn.error)}
          </Alert>
        )}
        <TextInput
          label="Wallet"
          readOnly={known}
          variant={known ? 'filled' : 'default'}
          autoComplete="organization"
          spellCheck={false}
          error={errors.wallet?.message}
          {...register('wallet')}
        />
        <TextInput
          label="Username"
          readOnly={known}
          variant={known ? 'filled' : 'default'}
          autoComplete="username"
          spellCheck={false}
          error={errors.username?.message}
          {...register('username')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          data-autofocus
          error={errors.password?.message}
          {...register('password')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={signIn.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
