import { ActionIcon, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { copyText } from '@/lib/clipboard';

type Props = { value: string; label: string };

/** An icon button that copies `value`; its accessible name is `label` ("Copy token endpoint"). */
export function CopyButton({ value, label }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await copyText(value);
      setCopied(true);
    } catch {
      notifications.show({ color: 'red', title: 'Could not copy', message: 'Select the text and copy it by hand.' });
    }
  };

  return (
    <Tooltip label={copied ? 'Copied' : label} withArrow position="top">
      <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} aria-label={label} onClick={() => void copy()}>
        {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}
