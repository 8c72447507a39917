import { Alert, Badge, Button, Card, Divider, Group, SegmentedControl, Select, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconEdit, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ComplianceBadge } from '../../components/ComplianceBadge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FlaggedText, FlagList } from '../../components/FlaggedText';
import { PlatformLogo } from '../../components/PlatformLogo';
import { FormSkeleton } from '../../components/Skeletons';
import { fmtDateTime, humanize } from '../../lib/format';
import { useDecide, useReviewDetail, type ReasonCode } from './api';

const REASONS: ReasonCode[] = ['promissory_language', 'performance_claim', 'testimonial_disclosure', 'recommendation_basis', 'exaggeration', 'client_privacy', 'restricted_topic', 'missing_disclosure', 'tone_or_brand', 'factual_error', 'other'];
const OPEN = new Set(['needs_review', 'blocked', 'changes_requested', 'auto_approved']);

export function ReviewDetail({ contentId }: { contentId: string }) {
  const detail = useReviewDetail(contentId);
  const decide = useDecide();
  const [action, setAction] = useState<'approve' | 'request-changes' | 'reject'>('approve');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState<ReasonCode | null>(null);
  const [suggested, setSuggested] = useState('');

  useEffect(() => {
    setComment('');
    setReason(null);
    setSuggested(detail.data?.latest.text ?? '');
  }, [contentId, detail.data?.latest.id]);

  if (detail.isPending) return <Card><FormSkeleton fields={4} /></Card>;
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} />;
  const { item, latest, decisions } = detail.data;
  const v = latest.validation;
  const canDecide = OPEN.has(item.status);
  const needsReason = action !== 'approve';

  const submit = () => {
    const done = (label: string) => () => notifications.show({ color: 'green', message: label });
    if (action === 'approve') decide.mutate({ kind: 'approve', contentId, body: { submissionId: latest.id, comment: comment || undefined } }, { onSuccess: done('Approved. The advisor can publish it now.') });
    else if (action === 'reject') decide.mutate({ kind: 'reject', contentId, body: { submissionId: latest.id, reasonCode: reason!, comment } }, { onSuccess: done('Rejected. The advisor has been told why.') });
    else
      decide.mutate(
        { kind: 'request-changes', contentId, body: { submissionId: latest.id, reasonCode: reason!, comment, suggestedEdit: suggested && suggested !== latest.text ? suggested : undefined } },
        { onSuccess: done('Changes requested. The advisor can accept your edit in one click.') },
      );
  };

  return (
    <Card data-testid="review-detail" data-content-id={contentId}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm">
            <PlatformLogo platform={item.platform} size={26} />
            <div>
              <Text fw={600}>{item.advisorName}</Text>
              <Text size="xs" c="dimmed">
                Version {latest.version} · {humanize(latest.authorType)} · {fmtDateTime(latest.createdAt)}
              </Text>
            </div>
          </Group>
          <ComplianceBadge status={item.status} riskScore={v.riskScore} />
        </Group>
        <Alert color={v.decision.outcome === 'blocked' ? 'red' : 'gray'} variant="light" py={8}>
          <Text size="sm">{v.decision.reason}</Text>
        </Alert>
        <Card withBorder bg="gray.0" p="md">
          <FlaggedText text={latest.text} flags={v.flags} testId="review-text" />
        </Card>
        <FlagList flags={v.flags} />
        {v.injectedDisclaimers.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Disclosures added
            </Text>
            {v.injectedDisclaimers.map((d) => (
              <Text key={d.id} size="xs" c="dimmed">
                {d.locked && <Badge size="xs" color="gray" mr={6}>Locked</Badge>}
                {d.text} — {d.reason}
              </Text>
            ))}
          </Stack>
        )}
        {v.scoreBreakdown.length > 0 && (
          <Table withRowBorders={false} verticalSpacing={2} fz="xs">
            <Table.Tbody>
              {v.scoreBreakdown.map((s, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{humanize(s.category)}</Table.Td>
                  <Table.Td>{s.severity}</Table.Td>
                  <Table.Td ta="right">+{s.contribution}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Divider />
        {canDecide ? (
          <Stack gap="sm">
            <Title order={5}>Your decision</Title>
            <SegmentedControl
              value={action}
              onChange={(a) => setAction(a as typeof action)}
              data={[
                { value: 'approve', label: 'Approve' },
                { value: 'request-changes', label: 'Request changes' },
                { value: 'reject', label: 'Reject' },
              ]}
              data-testid="review-action"
            />
            {needsReason && <Select label="Reason" placeholder="Choose the reason" data={REASONS.map((r) => ({ value: r, label: humanize(r) }))} value={reason} onChange={(r) => setReason(r as ReasonCode)} required />}
            <Textarea label={needsReason ? 'Comment for the advisor' : 'Comment (optional)'} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} required={needsReason} />
            {action === 'request-changes' && <Textarea label="Suggested edit (optional)" description="The advisor can accept it in one click." autosize minRows={3} value={suggested} onChange={(e) => setSuggested(e.currentTarget.value)} />}
            {decide.isError && <ErrorAlert error={decide.error} />}
            <Group>
              <Button
                color={action === 'approve' ? 'green' : action === 'reject' ? 'red' : 'orange'}
                leftSection={action === 'approve' ? <IconCheck size={16} /> : action === 'reject' ? <IconX size={16} /> : <IconEdit size={16} />}
                loading={decide.isPending}
                disabled={needsReason && (!reason || !comment.trim())}
                onClick={submit}
                data-testid={`review-${action}`}
              >
                {action === 'approve' ? 'Approve this text' : action === 'reject' ? 'Reject' : 'Send back with changes'}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            This post is {humanize(item.status).toLowerCase()}; there is nothing to decide.
          </Text>
        )}
        {decisions.length > 0 && (
          <>
            <Divider />
            <Title order={5}>Decisions</Title>
            <Timeline bulletSize={14} lineWidth={2}>
              {decisions.map((d) => (
                <Timeline.Item key={d.id} title={`${humanize(d.decision)}${d.reviewerName ? ` by ${d.reviewerName}` : ''}`}>
                  <Text size="xs" c="dimmed">
                    {fmtDateTime(d.createdAt)}
                    {d.reasonCode ? ` · ${humanize(d.reasonCode)}` : ''}
                  </Text>
                  {d.comment && <Text size="sm">{d.comment}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </>
        )}
      </Stack>
    </Card>
  );
}
