import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import type { Meeting } from './api';

const label = (a: Meeting['attendees'][number]) => a.name ?? a.email;

export function Attendees({ attendees, max = 4 }: { attendees: Meeting['attendees']; max?: number }) {
  const others = attendees.filter((a) => !a.self);
  if (others.length === 0) return <Text size="xs" c="dimmed">No other attendees</Text>;
  const shown = others.slice(0, max);
  return (
    <Group gap={8} wrap="nowrap" data-testid="attendees">
      <Tooltip.Group openDelay={200}>
        <Avatar.Group spacing={6}>
          {shown.map((a) => (
            <Tooltip key={a.email} label={`${label(a)}${a.organizer ? ' (organizer)' : ''} · ${a.responseStatus === 'accepted' ? 'accepted' : a.responseStatus === 'declined' ? 'declined' : 'no answer yet'}`}>
              <Avatar size={24} radius="xl" name={label(a)} color="initials" />
            </Tooltip>
          ))}
          {others.length > max && <Avatar size={24} radius="xl">+{others.length - max}</Avatar>}
        </Avatar.Group>
      </Tooltip.Group>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {others.slice(0, 2).map(label).join(', ')}
        {others.length > 2 ? ` and ${others.length - 2} more` : ''}
      </Text>
    </Group>
  );
}
