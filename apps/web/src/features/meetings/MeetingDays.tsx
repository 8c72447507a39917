import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Meeting } from './api';
import { MeetingRow } from './MeetingRow';

function dayLabel(iso: string): string {
  const d = new Date(iso);
  const today = new Date();
  const tomorrow = new Date();
  tomorrow.setDate(today.getDate() + 1);
  const same = (a: Date, b: Date) => a.toDateString() === b.toDateString();
  const date = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' }).format(d);
  if (same(d, today)) return `Today · ${date}`;
  if (same(d, tomorrow)) return `Tomorrow · ${date}`;
  return date;
}

function groupByDay(meetings: Meeting[]): [string, Meeting[]][] {
  const groups = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const key = new Date(m.startsAt).toDateString();
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((items) => [dayLabel(items[0]!.startsAt), items]);
}

/** Meetings grouped under a heading per day, as both meeting lists show them. */
export function MeetingDays({ meetings, mode, children }: { meetings: Meeting[]; mode: 'upcoming' | 'past'; children?: ReactNode }) {
  return (
    <Stack gap="lg" data-testid="meetings-list">
      {groupByDay(meetings).map(([day, items]) => (
        <Stack key={day} gap="xs">
          <Text fw={600} size="sm" c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
            {day}
          </Text>
          {items.map((m) => (
            <MeetingRow key={m.id} meeting={m} mode={mode} />
          ))}
        </Stack>
      ))}
      {children}
    </Stack>
  );
}
