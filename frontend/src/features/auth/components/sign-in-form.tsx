import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { ApiError, describeError } from '@/lib/api/errors';
import { signInSchema, useSignIn, type SignInInput } from '@/lib/auth/sign-in';

function explain(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) {
    return 'The wallet, username or password is wrong. Check all three and try again.';
  }
  if (error instanceof ApiError && error.status === 429) {
    return 'Too many failed sign-ins from here. Wait a minute, then try again.';
  }
  return describeError(error);
}

/** Wallet, Username, Password. On success the session store holds the token and the router moves on. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const { register, handleSubmit, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { wallet: '', username: '', password: '' },
  });
  const { errors } = formState;

  const submit = handleSubmit((values) => signIn.mutate(values, { onSuccess: () => onSignedIn() }));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Sign in">
      <Stack gap="md">
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
          autoComplete="organization"
          spellCheck={false}
          autoFocus
          error={errors.wallet?.message}
          {...register('wallet')}
        />
        <TextInput
          label="Username"
          autoComplete="username"
          spellCheck={false}
          error={errors.username?.message}
          {...register('username')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
