import { Anchor, Badge, Button, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PlatformLogo } from '../../components/PlatformLogo';
import { ListSkeleton } from '../../components/Skeletons';
import { fmtDateTime, fmtRelative, humanize } from '../../lib/format';
import { useDeadLetters, useRetryDeadLetter } from '../publishing/api';
import { useOpsOverview, useRetryJob } from './api';

const BREAKER = { closed: 'green', half_open: 'yellow', open: 'red' } as Record<string, string>;

function DeadLetters() {
  const dead = useDeadLetters();
  const retry = useRetryDeadLetter();
  return (
    <Card p={0}>
      <Title order={4} p="md">
        Publishing dead letters
      </Title>
      {dead.isPending ? (
        <ListSkeleton rows={2} />
      ) : dead.isError ? (
        <ErrorAlert error={dead.error} onRetry={() => dead.refetch()} />
      ) : dead.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          None. Posts that fail after every retry land here for a person to look at.
        </Text>
      ) : (
        <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="dead-letters">
          <Table.Tbody>
            {dead.data.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Group gap={8}>
                    <PlatformLogo platform={p.platform} size={18} />
                    {p.accountName}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={p.status === 'needs_check' ? 'orange' : 'red'}>{humanize(p.status)}</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="red" lineClamp={2}>
                    {p.lastError ?? p.needsCheckReason}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="light" loading={retry.isPending && retry.variables === p.id} onClick={() => retry.mutate(p.id)}>
                    Retry
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

export function OpsPage() {
  const ops = useOpsOverview();
  const retry = useRetryJob();
  return (
    <>
      <PageHeader
        title="Ops"
        description="Dependencies, external providers and their circuit breakers, queues and failed jobs. Refreshes every 15 seconds."
        actions={
          ops.data && (
            <Button component="a" href={ops.data.dashboardPath} target="_blank" variant="default" rightSection={<IconExternalLink size={14} />}>
              Queue dashboard
            </Button>
          )
        }
      />
      {ops.isPending ? (
        <ListSkeleton rows={4} />
      ) : ops.isError ? (
        <ErrorAlert error={ops.error} onRetry={() => ops.refetch()} />
      ) : (
        <Stack gap="lg" data-testid="ops">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card>
              <Title order={4} mb="sm">
                Dependencies
              </Title>
              <Stack gap={6}>
                {Object.entries(ops.data.dependencies as Record<string, unknown>).map(([name, raw]) => {
                  const d = typeof raw === 'string' ? { status: raw, message: undefined } : (raw as { status: string; message?: string });
                  return (
                  <Group key={name} justify="space-between">
                    <Text size="sm">{name}</Text>
                    <Tooltip label={d.message ?? ''} disabled={!d.message}>
                      <Badge color={d.status === 'up' ? 'green' : 'red'}>{d.status}</Badge>
                    </Tooltip>
                  </Group>
                  );
                })}
              </Stack>
            </Card>
            <Card>
              <Title order={4} mb="sm">
                Providers (circuit breakers)
              </Title>
              <Stack gap={6}>
                {Object.entries(ops.data.breakers as Record<string, unknown>).map(([name, b]) => {
                  const state = typeof b === 'string' ? b : String((b as { state?: string }).state ?? 'unknown');
                  return (
                    <Group key={name} justify="space-between">
                      <Text size="sm">{name}</Text>
                      <Badge color={BREAKER[state] ?? 'gray'}>{humanize(state)}</Badge>
                    </Group>
                  );
                })}
              </Stack>
            </Card>
          </SimpleGrid>
          <Card p={0}>
            <Title order={4} p="md">
              Queues
            </Title>
            <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="queues">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Queue</Table.Th>
                  <Table.Th ta="right">Waiting</Table.Th>
                  <Table.Th ta="right">Active</Table.Th>
                  <Table.Th ta="right">Delayed</Table.Th>
                  <Table.Th ta="right">Failed</Table.Th>
                  <Table.Th ta="right">Completed</Table.Th>
                  <Table.Th ta="right">Oldest waiting</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ops.data.queues.map((q) => (
                  <Table.Tr key={q.name}>
                    <Table.Td>
                      <Code>{q.name}</Code>
                    </Table.Td>
                    <Table.Td ta="right">{q.waiting}</Table.Td>
                    <Table.Td ta="right">{q.active}</Table.Td>
                    <Table.Td ta="right">{q.delayed}</Table.Td>
                    <Table.Td ta="right" c={q.failed > 0 ? 'red' : undefined}>
                      {q.failed}
                    </Table.Td>
                    <Table.Td ta="right">{q.completed}</Table.Td>
                    <Table.Td ta="right">{q.oldestWaitingSeconds > 0 ? `${q.oldestWaitingSeconds}s` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card p={0}>
            <Title order={4} p="md">
              Recent failed jobs
            </Title>
            {ops.data.recentFailures.length === 0 ? (
              <Text size="sm" c="dimmed" px="md" pb="md">
                No failed jobs.
              </Text>
            ) : (
              <Table verticalSpacing="xs" horizontalSpacing="md">
                <Table.Tbody>
                  {ops.data.recentFailures.map((j) => (
                    <Table.Tr key={`${j.queue}:${j.id}`}>
                      <Table.Td>
                        <Code>{j.queue}</Code> {j.name}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="red" lineClamp={2}>
                          {j.failedReason}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {j.attemptsMade} attempts{typeof j.failedAt === 'string' || typeof j.failedAt === 'number' ? ` · ${fmtRelative(new Date(j.failedAt).toISOString())}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button size="xs" variant="light" loading={retry.isPending && retry.variables?.jobId === j.id} onClick={() => retry.mutate({ queue: j.queue, jobId: j.id })}>
                          Retry
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <DeadLetters />
          <Text size="xs" c="dimmed">
            Prometheus metrics at <Anchor href="/metrics">/metrics</Anchor>. Last refreshed {fmtDateTime(new Date().toISOString())}.
          </Text>
        </Stack>
      )}
    </>
  );
}
