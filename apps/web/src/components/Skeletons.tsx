import { Card, Group, Skeleton, Stack } from '@mantine/core';

export function ListSkeleton({ rows = 4, testId }: { rows?: number; testId?: string }) {
  return (
    <Stack gap="sm" data-testid={testId ?? 'loading'} aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Card key={i} padding="md">
          <Group wrap="nowrap" gap="md">
            <Skeleton height={36} width={36} radius="md" />
            <Stack gap={8} style={{ flex: 1 }}>
              <Skeleton height={12} width="40%" />
              <Skeleton height={10} width="65%" />
            </Stack>
            <Skeleton height={22} width={44} radius="xl" />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export function FormSkeleton({ fields = 4 }: { fields?: number }) {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading">
      {Array.from({ length: fields }, (_, i) => (
        <Stack key={i} gap={6}>
          <Skeleton height={10} width={120} />
          <Skeleton height={36} />
        </Stack>
      ))}
    </Stack>
  );
}
