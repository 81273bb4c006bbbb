import { Code, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { CopyButton } from './copy-button';

type Props = { label: string; value: string; copyLabel: string; block?: boolean; testId?: string };

/** A labelled value in monospace with a copy button beside it. */
export function CopyField({ label, value, copyLabel, block = false, testId }: Props) {
  const id = useId();
  return (
    <div>
      <Text id={id} size="sm" fw={500} mb={2}>
        {label}
      </Text>
      <Group gap={6} wrap="nowrap" align={block ? 'flex-start' : 'center'}>
        <Code
          block={block}
          aria-labelledby={id}
          data-testid={testId}
          style={{ flex: 1, wordBreak: 'break-all', whiteSpace: block ? 'pre-wrap' : undefined, fontSize: 13 }}
        >
          {value}
        </Code>
        <CopyButton value={value} label={copyLabel} />
      </Group>
    </div>
  );
}
