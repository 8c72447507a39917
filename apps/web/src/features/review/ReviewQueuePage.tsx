import { Badge, Card, Grid, Group, Pagination, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useSearchParams } from 'react-router-dom';
import { ComplianceBadge } from '../../components/ComplianceBadge';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PlatformLogo } from '../../components/PlatformLogo';
import { ListSkeleton } from '../../components/Skeletons';
import { fmtRelative, humanize } from '../../lib/format';
import { useReviewQueue, type ReviewFilters, type ReviewItem } from './api';
import { ReviewDetail } from './ReviewDetail';

const PAGE = 25;
const CATEGORIES = ['promissory', 'performance_projection', 'testimonial', 'specific_recommendation', 'exaggerated_claim', 'pii', 'client_confidential', 'restricted_topic'];
const STATUSES = ['needs_review', 'blocked', 'changes_requested', 'approved', 'auto_approved', 'rejected'];

export function ReviewQueuePage() {
  const [params, setParams] = useSearchParams();
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'item') next.delete('page');
    setParams(next, { replace: true });
  };
  const page = Number(params.get('page') ?? '1');
  const filters: ReviewFilters = {
    status: (params.get('status') ?? 'needs_review') as ReviewItem['status'],
    platform: (params.get('platform') || undefined) as ReviewItem['platform'] | undefined,
    category: (params.get('category') || undefined) as ReviewItem['categories'][number] | undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const queue = useReviewQueue(filters);
  const selected = params.get('item') ?? queue.data?.items[0]?.contentId ?? null;

  return (
    <>
      <PageHeader title="Review queue" description="Posts that need a compliance decision, riskiest first. Flags are highlighted in the text with the rule behind them." />
      <Group mb="md" gap="sm">
        <Select size="sm" w={200} data={STATUSES.map((s) => ({ value: s, label: humanize(s) }))} value={filters.status!} onChange={(v) => set('status', v)} aria-label="Status" data-testid="review-filter-status" />
        <Select size="sm" w={160} placeholder="All platforms" clearable data={[{ value: 'linkedin', label: 'LinkedIn' }, { value: 'facebook', label: 'Facebook' }]} value={filters.platform ?? null} onChange={(v) => set('platform', v)} aria-label="Platform" />
        <Select size="sm" w={230} placeholder="All categories" clearable data={CATEGORIES.map((c) => ({ value: c, label: humanize(c) }))} value={filters.category ?? null} onChange={(v) => set('category', v)} aria-label="Category" />
        {queue.data && (
          <Text size="sm" c="dimmed">
            {queue.data.page.total} post{queue.data.page.total === 1 ? '' : 's'}
          </Text>
        )}
      </Group>
      {queue.isPending ? (
        <ListSkeleton rows={4} />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} onRetry={() => queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <Empty testId="review-empty" icon={<IconChecklist size={28} />} title={filters.status === 'needs_review' ? 'Nothing waiting for review' : 'No posts match'} description={filters.status === 'needs_review' ? 'All caught up. New posts above your firm’s risk threshold appear here the moment they are drafted.' : 'Change the filters to see other posts.'} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="xs" data-testid="review-list">
              {queue.data.items.map((item) => (
                <UnstyledButton key={item.contentId} onClick={() => set('item', item.contentId)} data-testid="review-item" data-content-id={item.contentId}>
                  <Card padding="sm" style={{ borderColor: item.contentId === selected ? 'var(--mantine-color-navy-6)' : undefined, borderWidth: item.contentId === selected ? 2 : 1 }}>
                    <Group justify="space-between" wrap="nowrap" mb={4}>
                      <Group gap={8} wrap="nowrap">
                        <PlatformLogo platform={item.platform} size={18} />
                        <Text size="sm" fw={600}>
                          {item.advisorName}
                        </Text>
                      </Group>
                      <ComplianceBadge status={item.status} riskScore={item.riskScore} />
                    </Group>
                    <Text size="sm" lineClamp={2} c="dark.5">
                      {item.preview}
                    </Text>
                    <Group gap={4} mt={6}>
                      {item.categories.map((c) => (
                        <Badge key={c} size="xs" color="gray" variant="light">
                          {humanize(c)}
                        </Badge>
                      ))}
                      <Text size="xs" c="dimmed" ml="auto">
                        v{item.latestVersion} · {fmtRelative(item.updatedAt)}
                      </Text>
                    </Group>
                  </Card>
                </UnstyledButton>
              ))}
              {queue.data.page.total > PAGE && <Pagination size="sm" total={Math.ceil(queue.data.page.total / PAGE)} value={page} onChange={(p) => set('page', String(p))} />}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>{selected && <ReviewDetail contentId={selected} />}</Grid.Col>
        </Grid>
      )}
    </>
  );
}
