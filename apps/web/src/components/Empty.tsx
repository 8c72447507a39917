import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  testId?: string;
}

/** An empty state that tells the user what to do next. */
export function Empty({ icon, title, description, actions, testId }: Props) {
  return (
    <Paper withBorder p="xl" py={48} data-testid={testId ?? 'empty-state'}>
      <EmptyState icon={icon} title={title} description={description} variant="light" size="md">
        {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
