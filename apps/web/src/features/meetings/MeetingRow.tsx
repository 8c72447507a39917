import { Badge, Card, Group, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconCalendar, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { PlatformLogo } from '../../components/PlatformLogo';
import { fmtTime } from '../../lib/format';
import { useToggleNotetaker, type Meeting } from './api';
import { Attendees } from './Attendees';
import { BotStatusBadge } from './BotStatusBadge';

export function NotetakerToggle({ meeting }: { meeting: Meeting }) {
  const toggle = useToggleNotetaker();
  const blocked = !meeting.meetingUrl || meeting.status === 'cancelled' || meeting.doNotRecord;
  const why = !meeting.meetingUrl
    ? 'No video link in this event'
    : meeting.doNotRecord
      ? 'A participant asked not to be recorded'
      : meeting.excludedReason && !meeting.notetakerEnabled
        ? `Off by default: ${meeting.excludedReason}`
        : meeting.notetakerChoice === 'default'
          ? 'Following your default setting'
          : 'You chose this for this meeting';
  return (
    <Tooltip label={why}>
      <div>
        <Switch
          checked={meeting.notetakerEnabled}
          disabled={blocked}
          onChange={(e) => toggle.mutate({ id: meeting.id, enabled: e.currentTarget.checked })}
          label="Notetaker"
          labelPosition="left"
          aria-label={`Notetaker for ${meeting.title}`}
          data-testid="notetaker-toggle"
          data-meeting-id={meeting.id}
        />
      </div>
    </Tooltip>
  );
}

const TRANSCRIPT: Record<Meeting['transcriptState'], { label: string; color: string }> = {
  stored: { label: 'Transcript ready', color: 'green' },
  withheld: { label: 'Transcript withheld', color: 'orange' },
  deleted: { label: 'Transcript deleted', color: 'gray' },
  none: { label: 'No transcript', color: 'gray' },
};

export function MeetingRow({ meeting, mode }: { meeting: Meeting; mode: 'upcoming' | 'past' }) {
  const cancelled = meeting.status === 'cancelled';
  return (
    <Card padding="md" data-testid="meeting-row" data-meeting-id={meeting.id} opacity={cancelled ? 0.6 : 1}>
      <Group wrap="wrap" gap="md" align="center">
        <Stack gap={0} w={80} style={{ flexShrink: 0 }}>
          <Text size="sm" fw={600}>
            {fmtTime(meeting.startsAt)}
          </Text>
          <Text size="xs" c="dimmed">
            to {fmtTime(meeting.endsAt)}
          </Text>
        </Stack>
        <PlatformLogo platform={meeting.platform} size={32} />
        <Stack gap={4} style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Group gap={8} wrap="nowrap">
            <Text component={Link} to={`/meetings/${meeting.id}`} fw={600} size="sm" lineClamp={1} td={cancelled ? 'line-through' : undefined} style={{ color: 'inherit' }} data-testid="meeting-title">
              {meeting.title}
            </Text>
            {cancelled && <Badge color="gray">Cancelled</Badge>}
            {meeting.status === 'tentative' && <Badge color="gray" variant="outline">Tentative</Badge>}
            {meeting.doNotRecord && (
              <Badge color="orange" leftSection={<IconLock size={10} />}>
                Do not record
              </Badge>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <Attendees attendees={meeting.attendees} />
            {meeting.sourceAccountEmail && (
              <Group gap={4} wrap="nowrap" visibleFrom="md">
                <IconCalendar size={12} color="var(--mantine-color-gray-6)" />
                <Text size="xs" c="dimmed" lineClamp={1} data-testid="meeting-source">
                  {meeting.sourceAccountEmail}
                </Text>
              </Group>
            )}
          </Group>
        </Stack>
        <Group gap="sm" wrap="wrap" justify="flex-end" style={{ marginLeft: 'auto' }}>
          <BotStatusBadge status={meeting.botStatus} detail={meeting.botStatusDetail} />
          {mode === 'upcoming' ? (
            <NotetakerToggle meeting={meeting} />
          ) : (
            <Badge color={TRANSCRIPT[meeting.transcriptState].color} data-testid="transcript-state">
              {TRANSCRIPT[meeting.transcriptState].label}
            </Badge>
          )}
        </Group>
      </Group>
    </Card>
  );
}
