import { Radio, Stack } from '@mantine/core';
import type { Delivery } from '@/lib/api/types';

type Props = { value: Delivery; onChange: (delivery: Delivery) => void };

/** Add and Rotate: show the new secret to the admin now, or make a one-time link the admin passes on. */
export function DeliveryChoice({ value, onChange }: Props) {
  return (
    <Radio.Group
      label="Hand over the secret"
      value={value}
      onChange={(chosen) => onChange(chosen === 'link' ? 'link' : 'secret')}
    >
      <Stack gap="xs" mt={6}>
        <Radio
          value="secret"
          label="Show the secret now"
          description="You copy it from the next dialog and pass it on yourself."
        />
        <Radio
          value="link"
          label="Create a one-time link for the integrator"
          description="You send the link; whoever opens it sees the secret once. You never see the secret."
        />
      </Stack>
    </Radio.Group>
  );
}
