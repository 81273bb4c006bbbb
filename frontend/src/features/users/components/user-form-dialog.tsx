import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { PermissionsGrid } from '@/components/permissions-grid';
import { SaveFooter } from '@/components/save-footer';
import { useReauthControl, useSessionRecovery, type ReauthControl } from '@/components/session-recovery';
import { ApiError, describeError, isNetworkError } from '@/lib/api/errors';
import type { Resource, User } from '@/lib/api/types';
import { applyFieldErrors } from '@/lib/forms';
import { PASSWORD_HINT } from '@/lib/passwords';
import { createUserSchema, useCreateUser } from '../api/create-user';
import { updateUserSchema, useUpdateUser, type UpdateUserInput } from '../api/update-user';

type Props = {
  opened: boolean;
  onClose: () => void;
  user?: User;
  resources: Resource[];
  grantable: (role: string) => boolean;
  onSaved?: (user: User, created: boolean) => void;
};

export function UserFormDialog({ opened, onClose, user, ...rest }: Props) {
  const reauth = useReauthControl();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? `Edit ${user.username}` : 'Add user'}
      size={720}
      closeOnClickOutside={false}
      // Escape in the sign-in dialog above closes only that one.
      closeOnEscape={!reauth.opened}
    >
      {opened && <UserForm key={user?.username ?? 'new'} user={user} onClose={onClose} reauth={reauth} {...rest} />}
    </Modal>
  );
}

const FIELDS = ['username', 'password', 'roles'] as const;

type FormProps = Omit<Props, 'opened'> & { reauth: ReauthControl };

function UserForm({ user, onClose, resources, grantable, onSaved, reauth }: FormProps) {
  const editing = user != null;
  const create = useCreateUser();
  const update = useUpdateUser();
  const recovery = useSessionRecovery(reauth);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<UpdateUserInput>({
    resolver: zodResolver(editing ? updateUserSchema : createUserSchema),
    // Errors appear on Save, then follow each keystroke; a message appearing on blur would shift the grid
    // under the pointer between press and release.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: { username: user?.username ?? '', password: '', roles: user?.roles ?? [] },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    if (!recovery.beforeSave()) return;
    try {
      const saved = editing ? await update.mutateAsync(values) : await create.mutateAsync(values);
      create.reset();
      update.reset();
      onSaved?.(saved, !editing);
      onClose();
    } catch (error) {
      create.reset();
      update.reset();
      // Every value typed stays in the form: only messages are added.
      if (recovery.endedBy(error)) return;
      // On edit a 409 is the lock-out rule, said in the alert above Save like a 403 (the problem's detail).
      if (!editing && error instanceof ApiError && error.status === 409) {
        setError(
          'username',
          { type: 'server', message: 'A user with this username already exists in this wallet.' },
          { shouldFocus: true },
        );
        return;
      }
      const rest = applyFieldErrors(error, FIELDS, setError);
      if (error instanceof ApiError && error.fieldErrors.length > 0 && rest.length === 0) return;
      setFormError(
        isNetworkError(error)
          ? 'The server could not be reached. Nothing you entered is lost: press Save again once the connection is back.'
          : [describeError(error), ...rest].join(' '),
      );
    }
  });

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={editing ? `Edit ${user.username}` : 'Add user'}
    >
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label="Username"
            withAsterisk={!editing}
            aria-required={!editing}
            readOnly={editing}
            variant={editing ? 'filled' : 'default'}
            description={editing ? 'Cannot be changed.' : "Lower-case letters, digits, '.', '_', '@' and '-'."}
            autoComplete="off"
            spellCheck={false}
            data-autofocus={!editing || undefined}
            error={errors.username?.message}
            {...register('username')}
          />
          <PasswordInput
            label={editing ? 'New password' : 'Password'}
            withAsterisk={!editing}
            aria-required={!editing}
            description={editing ? 'Leave empty to keep the current password.' : PASSWORD_HINT}
            autoComplete="new-password"
            error={errors.password?.message}
            {...register('password')}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="roles"
          render={({ field }) => (
            <PermissionsGrid
              resources={resources}
              value={field.value}
              onChange={field.onChange}
              grantable={grantable}
              error={errors.roles?.message}
            />
          )}
        />
        <SaveFooter
          recovery={recovery}
          reauth={reauth}
          formError={formError}
          isSubmitting={isSubmitting}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
