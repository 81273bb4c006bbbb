import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, describeError, describeWait, isNetworkError, isUnauthorized } from '@/lib/api/errors';
import { useHoldSession } from '@/lib/auth/use-session';
import { applyFieldErrors } from '@/lib/forms';
import { PASSWORD_HINT } from '@/lib/passwords';
import {
  changePasswordSchema,
  SignInAfterChangeFailed,
  useChangePassword,
  type ChangePasswordInput,
} from '../api/change-password';

const WRONG_CURRENT_PASSWORD = 'The current password is not right';

type Props = { opened: boolean; onClose: () => void; wallet: string; username: string };

/** Current password, new password, the new one again. On success the session goes on with a new token. */
export function ChangePasswordDialog({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change password" closeOnClickOutside={false}>
      {opened && <ChangePasswordForm onClose={onClose} {...rest} />}
    </Modal>
  );
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

function explain(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfter != null ? describeWait(error.retryAfter) : 'a few minutes';
    return `Too many wrong passwords. Your password was not changed; wait ${wait}, then try again.`;
  }
  if (isUnauthorized(error)) {
    return 'Your session has ended, so your password was not changed. Close this dialog and sign in again.';
  }
  if (isNetworkError(error)) {
    return 'The server could not be reached, so your password was not changed. Try again once the connection is back.';
  }
  return describeError(error);
}

function ChangePasswordForm({ onClose, wallet, username }: Omit<Props, 'opened'>) {
  // Between the change and the new token, a call with the old token is refused: that must not end the session.
  useHoldSession();
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await change.mutateAsync({ ...values, wallet, username });
      change.reset();
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'You stay signed in here; every other session of yours has ended.',
      });
      onClose();
    } catch (error) {
      change.reset();
      // The session has ended (the sign-in page says why); this dialog goes with it.
      if (error instanceof SignInAfterChangeFailed) return;
      if (error instanceof ApiError && error.status === 403) {
        setError('currentPassword', { type: 'server', message: WRONG_CURRENT_PASSWORD }, { shouldFocus: true });
        return;
      }
      const rest = applyFieldErrors(error, FIELDS, setError);
      if (error instanceof ApiError && error.fieldErrors.length > 0 && rest.length === 0) return;
      setFormError([explain(error), ...rest].join(' '));
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Change password">
      <Stack gap="md">
        <Text size="sm">
          Changing your password ends every other session of <strong>{username}</strong>; you stay signed in here.
        </Text>
        {/* PasswordInput marks only its wrapper invalid; aria-invalid tells assistive technology too. */}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          data-autofocus
          error={errors.currentPassword?.message}
          aria-invalid={errors.currentPassword != null}
          {...register('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description={PASSWORD_HINT}
          autoComplete="new-password"
          error={errors.newPassword?.message}
          aria-invalid={errors.newPassword != null}
          {...register('newPassword')}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          aria-invalid={errors.confirmPassword != null}
          {...register('confirmPassword')}
        />
        {formError && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title="Password not changed"
            role="alert"
          >
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
