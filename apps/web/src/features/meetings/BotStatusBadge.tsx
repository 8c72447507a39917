import { Badge, Loader, Tooltip } from '@mantine/core';

const STATUS: Record<string, { label: string; color: string; live?: boolean }> = {
  planned: { label: 'Planned', color: 'gray' },
  pending: { label: 'Scheduling', color: 'gray', live: true },
  scheduled: { label: 'Scheduled', color: 'blue' },
  waiting_rate_limit: { label: 'Queued', color: 'gray' },
  retrying: { label: 'Retrying', color: 'yellow', live: true },
  ready: { label: 'Ready', color: 'blue' },
  joining_call: { label: 'Joining', color: 'blue', live: true },
  in_waiting_room: { label: 'In waiting room — admit it', color: 'orange', live: true },
  in_call_not_recording: { label: 'In call, not recording', color: 'yellow', live: true },
  in_call_recording: { label: 'Recording', color: 'red', live: true },
  recording_permission_allowed: { label: 'Recording', color: 'red', live: true },
  recording_permission_denied: { label: 'Recording refused', color: 'red' },
  call_ended: { label: 'Call ended', color: 'gray' },
  done: { label: 'Done', color: 'green' },
  analysis_done: { label: 'Done', color: 'green' },
  fatal: { label: 'Failed', color: 'red' },
  failed: { label: 'Failed', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

export function BotStatusBadge({ status, detail }: { status: string | null; detail?: string | null }) {
  if (!status) return null;
  const s = STATUS[status] ?? { label: status.replace(/_/g, ' '), color: 'gray' };
  const badge = (
    <Badge color={s.color} variant={status === 'in_waiting_room' ? 'filled' : 'light'} leftSection={s.live ? <Loader size={8} color={s.color} type="dots" /> : undefined} data-testid="bot-status" data-status={status}>
      {s.label}
    </Badge>
  );
  return detail ? <Tooltip label={detail.replace(/_/g, ' ')}>{badge}</Tooltip> : badge;
}
