import { Button, Group, Popover, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';

interface Props extends ButtonProps {
  confirm: ReactNode;
  confirmLabel?: string;
  onConfirm: () => void;
  children: ReactNode;
  'data-testid'?: string;
}

/** A destructive action that asks once, in place. */
export function ConfirmButton({ confirm, confirmLabel = 'Confirm', onConfirm, children, ...button }: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} width={280} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Button {...button} onClick={() => setOpened((o) => !o)}>
          {children}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text size="sm">{confirm}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button
              size="xs"
              color="red"
              onClick={() => {
                setOpened(false);
                onConfirm();
              }}
              data-testid="confirm-action"
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
