import { Badge, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { Fragment } from 'react';
import { humanize } from '../lib/format';

export interface TextFlag {
  category: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  start: number;
  end: number;
  message: string;
  ruleId: string;
  rationale?: string;
}

export const SEVERITY_COLOR = { low: 'yellow', medium: 'orange', high: 'red', critical: 'grape' } as const;
const BG = { low: '#fff3bf', medium: '#ffe8cc', high: '#ffe3e3', critical: '#f3d9fa' } as const;
const LINE = { low: '#f59f00', medium: '#f76707', high: '#e03131', critical: '#9c36b5' } as const;

/** Text with each flagged span marked; hovering a mark shows the rule and why it matters. */
export function FlaggedText({ text, flags, testId }: { text: string; flags: TextFlag[]; testId?: string }) {
  const sorted = [...flags].filter((f) => f.end > f.start && f.start < text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: React.ReactNode[] = [];
  let at = 0;
  sorted.forEach((f, i) => {
    if (f.start < at) return; // overlapping flags: the first one marks the span, all are listed below
    if (f.start > at) parts.push(<Fragment key={`t${i}`}>{text.slice(at, f.start)}</Fragment>);
    parts.push(
      <Tooltip
        key={`f${i}`}
        multiline
        w={320}
        label={
          <Stack gap={2}>
            <Text size="xs" fw={700}>
              {humanize(f.category)} · {f.severity}
            </Text>
            <Text size="xs">{f.message}</Text>
            {f.rationale && (
              <Text size="xs" c="gray.4">
                {f.rationale}
              </Text>
            )}
            <Text size="xs" c="gray.5" className="am-mono">
              {f.ruleId}
            </Text>
          </Stack>
        }
      >
        <mark className="am-flag" data-testid="flag-mark" data-category={f.category} data-severity={f.severity} style={{ background: BG[f.severity], borderBottom: `2px solid ${LINE[f.severity]}` }}>
          {text.slice(f.start, Math.min(f.end, text.length))}
        </mark>
      </Tooltip>,
    );
    at = Math.min(f.end, text.length);
  });
  if (at < text.length) parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return (
    <Box component="div" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6, fontSize: 'var(--mantine-font-size-sm)' }} data-testid={testId}>
      {parts}
    </Box>
  );
}

export function FlagList({ flags }: { flags: TextFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <Stack gap={6} data-testid="flag-list">
      {flags.map((f, i) => (
        <Group key={i} gap={8} wrap="nowrap" align="flex-start">
          <Badge size="sm" color={SEVERITY_COLOR[f.severity]} variant="light" style={{ flexShrink: 0 }}>
            {f.severity}
          </Badge>
          <div>
            <Text size="sm">
              <b>{humanize(f.category)}</b>: {f.message}
            </Text>
            {f.rationale && (
              <Text size="xs" c="dimmed">
                {f.rationale}
              </Text>
            )}
          </div>
        </Group>
      ))}
    </Stack>
  );
}
