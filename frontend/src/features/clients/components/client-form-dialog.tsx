import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Radio, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useId, useState, type Ref } from 'react';
import { Controller, useForm, useWatch, type Control, type UseFormRegisterReturn } from 'react-hook-form';
import { PermissionsGrid } from '@/components/permissions-grid';
import { SaveFooter } from '@/components/save-footer';
import { useReauthControl, useSessionRecovery, type ReauthControl } from '@/components/session-recovery';
import { ApiError, describeError, isNetworkError } from '@/lib/api/errors';
import type { Client, CreatedClient, Resource } from '@/lib/api/types';
import { formatDate, LAST_EXPIRY, oneYearFromTodayUtc, todayUtc } from '@/lib/dates';
import { applyFieldErrors } from '@/lib/forms';
import {
  CLIENT_ID_HINT,
  createClientSchema,
  NOTES_MAX,
  useCreateClient,
  type CreateClientInput,
} from '../api/create-client';
import { updateClientSchema, useUpdateClient } from '../api/update-client';
import { ClientCredentials, type CredentialDialog } from './client-credentials';
import { DeliveryChoice } from './delivery-choice';
import type { IssuedSecret } from './secret-dialog';

type Props = {
  opened: boolean;
  onClose: () => void;
  /** The client to edit; absent: add a new one. */
  client?: Client;
  resources: Resource[];
  grantable: (role: string) => boolean;
  /** Called once with the created client and its secret; the dialog keeps no copy. */
  onCreated?: (created: CreatedClient) => void;
  onUpdated?: (client: Client) => void;
  /** Called with a rotation's new secret or link (Edit only); the dialog keeps no copy. */
  onIssued?: (secret: IssuedSecret) => void;
  /** Another dialog (the new secret's) is open above this one. */
  covered?: boolean;
};

/**
 * Add API client / Edit {clientId}: the same form; on edit the client ID and expiry date are read-only,
 * and the client's status and secrets come first, with Rotate secret, Retire now and Disable / Enable.
 */
export function ClientFormDialog({ opened, onClose, client, onIssued, covered = false, ...rest }: Props) {
  const title = client ? `Edit ${client.clientId}` : 'Add API client';
  const reauth = useReauthControl();
  const [credentialDialog, setCredentialDialog] = useState<CredentialDialog | null>(null);
  const close = () => {
    setCredentialDialog(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size={760}
      centered={false}
      closeOnClickOutside={false}
      // Escape in a dialog above (sign-in, a confirmation, the new secret) closes only that one.
      closeOnEscape={!reauth.opened && credentialDialog == null && !covered}
    >
      {opened && (
        <Stack gap="lg">
          {client && (
            <ClientCredentials
              shown={client}
              dialog={credentialDialog}
              onDialog={setCredentialDialog}
              onIssued={(issued) => onIssued?.(issued)}
            />
          )}
          <ClientForm key={client?.clientId ?? 'new'} client={client} onClose={close} reauth={reauth} {...rest} />
        </Stack>
      )}
    </Modal>
  );
}

const FIELDS = ['clientId', 'expiryDate', 'notes', 'roles', 'requireDpop', 'delivery', 'credential'] as const;

type FormProps = Omit<Props, 'opened' | 'onIssued' | 'covered'> & { reauth: ReauthControl };

function ClientForm({ client, onClose, resources, grantable, onCreated, onUpdated, reauth }: FormProps) {
  const editing = client != null;
  const create = useCreateClient();
  const update = useUpdateClient();
  const recovery = useSessionRecovery(reauth);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateClientInput>({
    resolver: zodResolver(editing ? updateClientSchema : createClientSchema),
    mode: 'onTouched',
    defaultValues: {
      clientId: client?.clientId ?? '',
      expiryDate: client?.expiryDate ?? oneYearFromTodayUtc(),
      notes: client?.notes ?? '',
      roles: client?.roles ?? [],
      requireDpop: client?.requireDpop ?? false,
      delivery: 'secret',
      credential: 'secret',
      publicKey: '',
    },
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const credential = useWatch({ control, name: 'credential' });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    if (!recovery.beforeSave()) return;
    try {
      if (editing) {
        const updated = await update.mutateAsync(values);
        onUpdated?.(updated);
      } else {
        const created = await create.mutateAsync(values);
        // Hand the secret over and drop the mutation, so no cache keeps it.
        create.reset();
        onCreated?.(created);
      }
      onClose();
    } catch (error) {
      create.reset();
      // Every value typed stays in the form: only messages are added.
      if (recovery.endedBy(error)) return;
      if (error instanceof ApiError && error.status === 409) {
        setError(
          'clientId',
          { type: 'server', message: 'An API client with this ID already exists in this wallet. Choose another.' },
          { shouldFocus: true },
        );
        return;
      }
      // The server names the key jwk or pem, as it was sent: both are the one text field here.
      const keyError =
        error instanceof ApiError ? error.fieldErrors.find((e) => e.field === 'jwk' || e.field === 'pem') : undefined;
      if (keyError) {
        setError(
          'publicKey',
          {
            type: 'server',
            message: error instanceof ApiError ? (error.problem.detail ?? keyError.message) : keyError.message,
          },
          { shouldFocus: true },
        );
        return;
      }
      const rest = applyFieldErrors(error, FIELDS, setError);
      if (error instanceof ApiError && error.fieldErrors.length > 0 && rest.length === 0) return;
      if (isNetworkError(error)) {
        setFormError(
          'The server could not be reached. Nothing you entered is lost: press Save again once the connection is back.',
        );
      } else if (error instanceof ApiError && error.status === 404) {
        setFormError('This API client no longer exists; it may have been deleted by someone else.');
      } else {
        setFormError([describeError(error), ...rest].join(' '));
      }
    }
  });

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={editing ? `Edit ${client.clientId}` : 'Add API client'}
    >
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label="Client ID"
            withAsterisk={!editing}
            aria-required={!editing}
            readOnly={editing}
            description={editing ? 'Cannot be changed.' : CLIENT_ID_HINT}
            placeholder="e.g. acme-backend"
            autoComplete="off"
            spellCheck={false}
            data-autofocus={!editing || undefined}
            error={errors.clientId?.message}
            variant={editing ? 'filled' : 'default'}
            {...register('clientId')}
          />
          {editing ? (
            <TextInput
              label="Expiry date"
              readOnly
              variant="filled"
              description={`Cannot be changed. The client works through ${formatDate(client.expiryDate)} (UTC).`}
              value={client.expiryDate}
            />
          ) : (
            <TextInput
              type="date"
              label="Expiry date"
              withAsterisk
              aria-required
              description="The last day (UTC) this client can obtain tokens. Defaults to one year from today."
              min={todayUtc()}
              max={LAST_EXPIRY}
              error={errors.expiryDate?.message}
              {...register('expiryDate')}
            />
          )}
        </SimpleGrid>
        <NotesField control={control} error={errors.notes?.message} {...register('notes')} />
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
        <Controller
          control={control}
          name="requireDpop"
          render={({ field }) => (
            <RequireDpopSwitch
              checked={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={errors.requireDpop?.message}
            />
          )}
        />
        {!editing && (
          <Controller
            control={control}
            name="credential"
            render={({ field }) => (
              <Radio.Group
                label="Credential"
                value={field.value}
                onChange={(chosen) => field.onChange(chosen === 'key' ? 'key' : 'secret')}
              >
                <Stack gap="xs" mt={6}>
                  <Radio value="secret" label="A secret" description="The service makes a secret for the client." />
                  <Radio
                    value="key"
                    label="A public key (private_key_jwt)"
                    description="The integrator keeps the private key and signs each token request; no secret is made."
                  />
                </Stack>
              </Radio.Group>
            )}
          />
        )}
        {!editing && credential === 'key' && (
          <Textarea
            label="Public key (PEM or JWK)"
            withAsterisk
            aria-required
            description="EC P-256 or P-384, RSA of at least 2048 bits, or Ed25519. Never a private key."
            autosize
            minRows={4}
            maxRows={12}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            error={errors.publicKey?.message}
            {...register('publicKey')}
          />
        )}
        {!editing && credential !== 'key' && (
          <Controller
            control={control}
            name="delivery"
            render={({ field }) => <DeliveryChoice value={field.value} onChange={field.onChange} />}
          />
        )}
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

type RequireDpopSwitchProps = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  error?: string;
};

/**
 * Require DPoP, with its explanation beside the switch rather than in its label (Mantine's Switch puts a description
 * inside the label, and so into the switch's name).
 */
function RequireDpopSwitch({ checked, onChange, onBlur, inputRef, error }: RequireDpopSwitchProps) {
  const helpId = useId();
  return (
    <Stack gap={4}>
      <Switch
        label="Require DPoP"
        name="requireDpop"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
        onBlur={onBlur}
        ref={inputRef}
        aria-describedby={helpId}
        error={error}
      />
      <Text id={helpId} size="xs" className="muted">
        Tokens are issued only with a DPoP proof and are bound to the integrator’s key (RFC 9449).
      </Text>
    </Stack>
  );
}

type NotesFieldProps = UseFormRegisterReturn<'notes'> & { control: Control<CreateClientInput>; error?: string };

/** Notes with a live character count; only this field re-renders on each keystroke, not the whole form. */
function NotesField({ control, error, ...field }: NotesFieldProps) {
  const notesLength = useWatch({ control, name: 'notes' }).length;
  return (
    <Textarea
      label="Notes"
      description={`Optional: who integrates, a contact person, the purpose. ${notesLength}/${NOTES_MAX}`}
      autosize
      minRows={2}
      maxRows={6}
      error={error}
      {...field}
    />
  );
}
