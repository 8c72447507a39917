import { Badge, Group, Tooltip } from '@mantine/core';

const STATUS: Record<string, { label: string; color: string; hint: string }> = {
  auto_approved: { label: 'Auto-approved', color: 'green', hint: 'Below your firm’s risk threshold: ready to publish.' },
  approved: { label: 'Approved', color: 'green', hint: 'A compliance officer approved this exact text.' },
  needs_review: { label: 'In review', color: 'yellow', hint: 'Waiting for a compliance officer.' },
  changes_requested: { label: 'Changes requested', color: 'orange', hint: 'A reviewer asked for changes: see their comment.' },
  rejected: { label: 'Rejected', color: 'red', hint: 'A reviewer rejected this post.' },
  blocked: { label: 'Blocked', color: 'red', hint: 'A critical issue must be fixed before it can be reviewed.' },
};

export function riskColor(score: number): string {
  return score < 30 ? 'green' : score < 60 ? 'yellow' : score < 80 ? 'orange' : 'red';
}

export function ComplianceBadge({ status, riskScore }: { status: string; riskScore?: number }) {
  const s = STATUS[status] ?? { label: status, color: 'gray', hint: '' };
  return (
    <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
      <Tooltip label={s.hint}>
        <Badge color={s.color} data-testid="compliance-status" data-status={status}>
          {s.label}
        </Badge>
      </Tooltip>
      {riskScore !== undefined && (
        <Tooltip label="Risk score, 0–100: how likely a regulator would object">
          <Badge color={riskColor(riskScore)} variant="outline" data-testid="risk-score">
            Risk {riskScore}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
