import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Fieldset, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { SaveFooter } from '@/components/save-footer';
import { useReauthControl, useSessionRecovery, type ReauthControl } from '@/components/session-recovery';
import { ApiError, describeError, isNetworkError } from '@/lib/api/errors';
import type { CreatedWebhook } from '@/lib/api/types';
import { applyFieldErrors } from '@/lib/forms';
import { eventLabel, SUBSCRIBABLE_EVENTS } from '@/lib/events';
import { createWebhookSchema, useCreateWebhook, type CreateWebhookInput } from '../api/create-webhook';

type Props = {
  opened: boolean;
  onClose: () => void;
  /** Called with the server's answer, secret included; the caller shows it once and drops it. */
  onCreated: (created: CreatedWebhook) => void;
};

/** Add webhook: the URL that receives events, and which events it receives. */
export function WebhookFormDialog({ opened, onClose, onCreated }: Props) {
  const reauth = useReauthControl();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Add webhook"
      size={720}
      closeOnClickOutside={false}
      closeOnEscape={!reauth.opened}
    >
      {opened && <WebhookForm onClose={onClose} onCreated={onCreated} reauth={reauth} />}
    </Modal>
  );
}

const FIELDS = ['url', 'events'] as const;

/** The event types in groups of what they are about: client, secret, user, … */
const GROUPS = SUBSCRIBABLE_EVENTS.reduce<Record<string, string[]>>((groups, type) => {
  const group = type.split('.')[0]!;
  (groups[group] ??= []).push(type);
  return groups;
}, {});

function WebhookForm({ onClose, onCreated, reauth }: Omit<Props, 'opened'> & { reauth: ReauthControl }) {
  const create = useCreateWebhook();
  const recovery = useSessionRecovery(reauth);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<CreateWebhookInput>({
    resolver: zodResolver(createWebhookSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: { url: '', events: [] },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    if (!recovery.beforeSave()) return;
    try {
      const created = await create.mutateAsync(values);
      create.reset();
      onCreated(created);
      onClose();
    } catch (error) {
      create.reset();
      if (recovery.endedBy(error)) return;
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
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Add webhook">
      <Stack gap="md">
        <TextInput
          label="Endpoint URL"
          withAsterisk
          aria-required
          placeholder="https://example.com/hooks/wallet"
          description="Events are sent here as signed POST requests (Standard Webhooks). Use https and a public address."
          autoComplete="off"
          spellCheck={false}
          type="url"
          data-autofocus
          error={errors.url?.message}
          {...register('url')}
        />
        <Controller
          control={control}
          name="events"
          render={({ field }) => {
            const chosen = new Set(field.value);
            const all = chosen.size === SUBSCRIBABLE_EVENTS.length;
            const errorId = 'webhook-events-error';
            return (
              <Fieldset legend="Events" variant="unstyled" aria-describedby={errors.events ? errorId : undefined}>
                <Group justify="space-between" mb="xs">
                  <Text size="sm" className="muted">
                    The endpoint receives only the events chosen here.
                  </Text>
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => field.onChange(all ? [] : [...SUBSCRIBABLE_EVENTS])}
                    aria-pressed={all}
                  >
                    {all ? 'Clear all' : 'Choose all'}
                  </Button>
                </Group>
                <Checkbox.Group value={field.value} onChange={field.onChange}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6}>
                    {Object.entries(GROUPS).flatMap(([, types]) =>
                      types.map((type) => (
                        <Checkbox
                          key={type}
                          value={type}
                          label={
                            <>
                              {eventLabel(type)}{' '}
                              <Text span size="xs" className="muted" ff="monospace">
                                {type}
                              </Text>
                            </>
                          }
                        />
                      )),
                    )}
                  </SimpleGrid>
                </Checkbox.Group>
                {errors.events?.message && (
                  <Text id={errorId} size="sm" c="var(--mantine-color-error)" mt={4} role="alert">
                    {errors.events.message}
                  </Text>
                )}
              </Fieldset>
            );
          }}
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
