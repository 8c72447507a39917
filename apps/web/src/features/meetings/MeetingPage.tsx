import { Anchor, Badge, Button, Card, CopyButton, Grid, Group, List, Skeleton, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconCopy, IconMail, IconSparkles, IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PlatformLogo, PLATFORM_LABEL } from '../../components/PlatformLogo';
import { ListSkeleton } from '../../components/Skeletons';
import { fmtDateTime, fmtOffset, fmtTime } from '../../lib/format';
import { useGenerateDrafts, useMeetingContent, type Content } from '../content/api';
import { PostCard } from '../content/PostCard';
import { useMeeting, useSetConsent, type Meeting } from './api';
import { Attendees } from './Attendees';
import { BotStatusBadge } from './BotStatusBadge';
import { NotetakerToggle } from './MeetingRow';
import { TranscriptPanel } from './TranscriptPanel';

function Evidence({ content, onFocus }: { content: Content; onFocus: (i: number) => void }) {
  const segs = content.evidence.flatMap((e) => e.segments).slice(0, 8);
  if (segs.length === 0) return null;
  return (
    <Group gap={4}>
      <Text size="xs" c="dimmed">
        From the transcript:
      </Text>
      {segs.map((s, i) => (
        <Badge key={i} size="xs" variant="outline" color="gray" tt="none" style={{ cursor: 'pointer' }} onClick={() => onFocus(s.index)} data-testid="evidence-link">
          {s.speaker ?? 'Speaker'} {fmtOffset(s.start)}
        </Badge>
      ))}
    </Group>
  );
}

function SummaryCard({ summary, onFocus }: { summary: Content; onFocus: (i: number) => void }) {
  return (
    <Card data-testid="summary-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Summary</Title>
          {summary.origin === 'fallback' && <Badge color="yellow" variant="outline">Fallback draft</Badge>}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lh={1.6}>
          {summary.text}
        </Text>
        {summary.actionItems.length > 0 && (
          <>
            <Text fw={600} size="sm" mt="xs">
              Action items
            </Text>
            <List size="sm" spacing={6} data-testid="action-items">
              {summary.actionItems.map((a, i) => (
                <List.Item key={i}>
                  {a.text}
                  {a.owner && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      — {a.owner}
                    </Text>
                  )}
                  {a.evidence.length > 0 && (
                    <Anchor size="xs" ml={6} onClick={() => onFocus(a.evidence[0]!)}>
                      source
                    </Anchor>
                  )}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Evidence content={summary} onFocus={onFocus} />
      </Stack>
    </Card>
  );
}

function EmailCard({ email, onFocus }: { email: Content; onFocus: (i: number) => void }) {
  return (
    <Card data-testid="email-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Follow-up email</Title>
          <Group gap="xs">
            <CopyButton value={email.title ? `Subject: ${email.title}\n\n${email.text}` : email.text}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy} data-testid="email-copy">
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
            {email.mailto && (
              <Button size="xs" component="a" href={email.mailto} leftSection={<IconMail size={14} />} data-testid="email-open">
                Open in mail
              </Button>
            )}
          </Group>
        </Group>
        {email.title && (
          <Text size="sm">
            <Text span c="dimmed">
              Subject:{' '}
            </Text>
            {email.title}
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lh={1.6} p="sm" bg="gray.0" styles={{ root: { borderRadius: 8 } }}>
          {email.text}
        </Text>
        <Evidence content={email} onFocus={onFocus} />
      </Stack>
    </Card>
  );
}

function Drafts({ meeting, onFocus }: { meeting: Meeting; onFocus: (i: number) => void }) {
  const content = useMeetingContent(meeting.id);
  const generate = useGenerateDrafts();
  const clientNames = meeting.attendees.filter((a) => !a.self).map((a) => a.name).filter((n): n is string => !!n);
  if (content.isPending) return <ListSkeleton rows={3} />;
  if (content.isError) return <ErrorAlert error={content.error} onRetry={() => content.refetch()} />;
  const summary = content.data.find((c) => c.kind === 'summary');
  const email = content.data.find((c) => c.kind === 'email');
  const posts = content.data.filter((c) => c.kind === 'post');
  const generateButton = (
    <Button
      leftSection={<IconSparkles size={16} />}
      loading={generate.isPending}
      disabled={meeting.transcriptState !== 'stored'}
      onClick={() => generate.mutate({ meetingId: meeting.id }, { onSuccess: () => notifications.show({ message: 'Drafting started. Drafts appear here when ready.' }) })}
      data-testid="generate-drafts"
    >
      Generate drafts
    </Button>
  );
  if (content.data.length === 0)
    return (
      <Empty
        testId="drafts-empty"
        icon={<IconWand size={28} />}
        title="No drafts yet"
        description={meeting.transcriptState === 'stored' ? 'Drafts are written automatically when the transcript arrives. If nothing appears in a minute, start it yourself.' : 'Once the transcript is in, Aftermeet writes a summary, a follow-up email and a post for each of your automations.'}
        actions={meeting.transcriptState === 'stored' ? generateButton : undefined}
      />
    );
  return (
    <Stack gap="lg">
      {summary && <SummaryCard summary={summary} onFocus={onFocus} />}
      {email && <EmailCard email={email} onFocus={onFocus} />}
      <Group justify="space-between">
        <Title order={4}>Posts</Title>
        <Text size="xs" c="dimmed">
          Every post was checked against FINRA 2210, the SEC Marketing Rule and your firm’s policy.
        </Text>
      </Group>
      {posts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No posts: turn on an automation in <Link to="/settings?tab=automations">Settings</Link>, then regenerate.
        </Text>
      ) : (
        <Stack gap="md" data-testid="post-list">
          {posts.map((p) => (
            <PostCard key={p.id} post={p} clientNames={clientNames} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  const consent = useSetConsent();
  const [focus, setFocus] = useState<number | null>(null);

  if (meeting.isPending)
    return (
      <Stack>
        <Skeleton h={28} w="40%" />
        <Skeleton h={14} w="60%" />
        <ListSkeleton rows={3} />
      </Stack>
    );
  if (meeting.isError) return <ErrorAlert error={meeting.error} onRetry={() => meeting.refetch()} />;
  const m = meeting.data;
  const upcoming = new Date(m.endsAt).getTime() > Date.now();

  return (
    <Stack gap="lg" data-testid="meeting-page">
      <Anchor component={Link} to={upcoming ? '/meetings/upcoming' : '/meetings/past'} size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {upcoming ? 'Upcoming meetings' : 'Past meetings'}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <PlatformLogo platform={m.platform} size={40} />
          <Stack gap={4}>
            <Title order={2} fz={24}>
              {m.title}
            </Title>
            <Text size="sm" c="dimmed">
              {fmtDateTime(m.startsAt)} – {fmtTime(m.endsAt)} · {m.platform ? PLATFORM_LABEL[m.platform] : 'No video link'}
              {m.sourceAccountEmail ? ` · from ${m.sourceAccountEmail}` : ''}
            </Text>
            <Attendees attendees={m.attendees} max={6} />
          </Stack>
        </Group>
        <Stack gap="xs" align="flex-end">
          <Group gap="sm">
            <BotStatusBadge status={m.botStatus} detail={m.botStatusDetail} />
            {upcoming && <NotetakerToggle meeting={m} />}
          </Group>
          <Tooltip label="Mark this when a participant asked not to be recorded: no transcript or content is produced.">
            <div>
              <Switch size="xs" label="Participant asked not to record" checked={m.doNotRecord} onChange={(e) => consent.mutate({ id: m.id, doNotRecord: e.currentTarget.checked })} data-testid="do-not-record" />
            </div>
          </Tooltip>
        </Stack>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Drafts meeting={m} onFocus={setFocus} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="xs" style={{ position: 'sticky', top: 76 }}>
            <Title order={4}>Transcript</Title>
            <TranscriptPanel meeting={m} focusIndex={focus} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
