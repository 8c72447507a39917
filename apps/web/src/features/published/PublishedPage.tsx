import { Anchor, Badge, Button, Card, Group, Pagination, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconExternalLink, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PlatformLogo } from '../../components/PlatformLogo';
import { ListSkeleton } from '../../components/Skeletons';
import { fmtDateTime, humanize } from '../../lib/format';
import { useCancelPublication, usePublications, useResolvePublication, type Publication } from '../publishing/api';

const STATUS: Record<Publication['status'], string> = {
  scheduled: 'blue',
  queued: 'gray',
  publishing: 'cyan',
  verifying: 'cyan',
  published: 'green',
  failed: 'red',
  needs_check: 'orange',
  cancelled: 'gray',
};
const PAGE = 25;

export function PublishedPage() {
  const [params] = useSearchParams();
  const highlight = params.get('publication');
  const [status, setStatus] = useState<Publication['status'] | null>(null);
  const [platform, setPlatform] = useState<Publication['platform'] | null>(null);
  const [page, setPage] = useState(1);
  const list = usePublications({ status: status ?? undefined, platform: platform ?? undefined, limit: PAGE, offset: (page - 1) * PAGE });
  const cancel = useCancelPublication();
  const resolve = useResolvePublication();

  return (
    <>
      <PageHeader title="Published" description="Scheduled and published posts, with their live links. Every published text is archived in books and records." />
      <Group mb="md" gap="sm">
        <Select w={200} placeholder="All statuses" clearable data={Object.keys(STATUS).map((s) => ({ value: s, label: humanize(s) }))} value={status} onChange={(v) => { setStatus(v as Publication['status'] | null); setPage(1); }} aria-label="Status" />
        <Select w={160} placeholder="All platforms" clearable data={[{ value: 'linkedin', label: 'LinkedIn' }, { value: 'facebook', label: 'Facebook' }]} value={platform} onChange={(v) => { setPlatform(v as Publication['platform'] | null); setPage(1); }} aria-label="Platform" />
      </Group>
      {list.isPending ? (
        <ListSkeleton rows={4} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty testId="published-empty" icon={<IconSpeakerphone size={28} />} title={status || platform ? 'No posts match' : 'Nothing published yet'} description={status || platform ? 'Change the filters to see other posts.' : 'Approved posts you publish or schedule from a meeting page appear here, with their status and a link to the live post.'} />
      ) : (
        <Card p={0}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="publications" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Post</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.id} data-testid="publication-row" data-status={p.status} bg={p.id === highlight ? 'yellow.0' : undefined}>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <PlatformLogo platform={p.platform} size={20} />
                      <Text size="sm">{p.accountName}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={p.lastError ?? p.needsCheckReason ?? ''} disabled={!p.lastError && !p.needsCheckReason}>
                      <Badge color={STATUS[p.status]}>{humanize(p.status)}</Badge>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{fmtDateTime(p.publishedAt ?? p.scheduledAt ?? p.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {p.publishedAt ? 'published' : p.scheduledAt ? 'scheduled' : 'requested'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="sm">
                      {p.liveUrl && (
                        <Anchor href={p.liveUrl} target="_blank" rel="noreferrer" size="sm" data-testid="live-link">
                          <Group gap={4}>
                            View live <IconExternalLink size={14} />
                          </Group>
                        </Anchor>
                      )}
                      <Text size="xs" c="dimmed">
                        version {p.version}
                      </Text>
                    </Group>
                    {(p.lastError || p.needsCheckReason) && (
                      <Text size="xs" c="red" lineClamp={2}>
                        {p.lastError ?? p.needsCheckReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {p.status === 'needs_check' && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="I checked: the post is live on the platform">
                          <Button size="xs" variant="light" color="green" loading={resolve.isPending && resolve.variables?.id === p.id && resolve.variables.outcome === 'published'} onClick={() => resolve.mutate({ id: p.id, outcome: 'published' })} data-testid="publication-resolve-published">
                            It is live
                          </Button>
                        </Tooltip>
                        <Tooltip label="I checked: the post is not on the platform">
                          <Button size="xs" variant="subtle" color="gray" loading={resolve.isPending && resolve.variables?.id === p.id && resolve.variables.outcome === 'not_published'} onClick={() => resolve.mutate({ id: p.id, outcome: 'not_published' })} data-testid="publication-resolve-missing">
                            Not there
                          </Button>
                        </Tooltip>
                      </Group>
                    )}
                    {p.status === 'scheduled' && (
                      <ConfirmButton size="xs" variant="subtle" color="red" confirm="Cancel this scheduled post? It will not go out." confirmLabel="Cancel post" onConfirm={() => cancel.mutate(p.id)} data-testid="publication-cancel">
                        Cancel
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {list.data && list.data.page.total > PAGE && <Pagination mt="md" total={Math.ceil(list.data.page.total / PAGE)} value={page} onChange={setPage} />}
      <Text size="xs" c="dimmed" mt="md">
        Looking for drafts? They live on each meeting’s page under <Link to="/meetings/past">Past meetings</Link>.
      </Text>
    </>
  );
}
