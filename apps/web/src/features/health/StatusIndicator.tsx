import { Box, Divider, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useReadiness, type HealthSummary } from './api';

const LEVEL = {
  ok: { color: 'var(--mantine-color-green-6)', label: 'All systems normal' },
  degraded: { color: 'var(--mantine-color-yellow-6)', label: 'Degraded' },
  down: { color: 'var(--mantine-color-red-6)', label: 'Service disruption' },
  unknown: { color: 'var(--mantine-color-gray-5)', label: 'Checking…' },
} as const;

function Dot({ color, size = 10 }: { color: string; size?: number }) {
  return <Box w={size} h={size} style={{ borderRadius: '50%', background: color, boxShadow: `0 0 0 3px color-mix(in srgb, ${color} 20%, transparent)` }} />;
}

const pretty = (name: string) => (name.startsWith('queue:') ? `Queue · ${name.slice(6)}` : name.charAt(0).toUpperCase() + name.slice(1));

export function StatusIndicator() {
  const { data } = useReadiness();
  const level: keyof typeof LEVEL = data?.level ?? 'unknown';
  const meta = LEVEL[level];
  return (
    <Popover width={300} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <UnstyledButton data-testid="status-indicator" data-status={level} aria-label={`System status: ${meta.label}`} px={8} py={6} style={{ borderRadius: 8 }}>
          <Group gap={8} wrap="nowrap">
            <Dot color={meta.color} />
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {meta.label}
            </Text>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="status-popover">
        <StatusDetails data={data} />
      </Popover.Dropdown>
    </Popover>
  );
}

function StatusDetails({ data }: { data: HealthSummary | undefined }) {
  if (!data) return <Text size="sm">Checking the service…</Text>;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {LEVEL[data.level].label}
      </Text>
      {data.message && (
        <Text size="xs" c="dimmed">
          {data.message}
        </Text>
      )}
      {data.dependencies.length > 0 && <Divider />}
      {data.dependencies.map((d) => (
        <Group key={d.name} justify="space-between" wrap="nowrap" data-testid={`dependency-${d.name}`}>
          <Group gap={8} wrap="nowrap">
            <Dot size={8} color={d.status === 'up' ? LEVEL.ok.color : LEVEL.down.color} />
            <Text size="sm">{pretty(d.name)}</Text>
          </Group>
          <Text size="xs" c={d.status === 'up' ? 'dimmed' : 'red'} ta="right" lineClamp={2}>
            {d.status === 'up' ? 'Up' : d.message ?? 'Down'}
          </Text>
        </Group>
      ))}
      {data.breakers.filter((b) => b.state !== 'closed').map((b) => (
        <Group key={b.name} justify="space-between">
          <Text size="sm">{pretty(b.name)} provider</Text>
          <Text size="xs" c="yellow.8">
            {b.state === 'open' ? 'Paused after errors' : 'Recovering'}
          </Text>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        Checked {new Date(data.checkedAt).toLocaleTimeString()} · refreshes every 15 s
      </Text>
    </Stack>
  );
}
