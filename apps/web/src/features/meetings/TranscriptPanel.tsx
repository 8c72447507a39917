import { Badge, Card, Group, Highlight, Loader, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/Skeletons';
import { fmtOffset } from '../../lib/format';
import { useTranscript, type Meeting } from './api';
import { TranscriptUpload } from './TranscriptUpload';

const SPEAKER_COLORS = ['navy', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime'];

/** Speakers, timestamps, and search within the transcript (the server filters; we highlight). */
export function TranscriptPanel({ meeting, focusIndex }: { meeting: Meeting; focusIndex: number | null }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const transcript = useTranscript(meeting.id, q, meeting.transcriptState === 'stored');
  const speakers = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of transcript.data?.segments ?? []) if (s.speaker && !m.has(s.speaker)) m.set(s.speaker, SPEAKER_COLORS[m.size % SPEAKER_COLORS.length]!);
    return m;
  }, [transcript.data]);

  useEffect(() => {
    if (focusIndex == null) return;
    setSearch('');
    document.getElementById(`seg-${focusIndex}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [focusIndex]);

  if (meeting.transcriptState === 'withheld')
    return <Empty icon={<IconFileText size={28} />} title="Transcript withheld" description={meeting.transcriptNote ?? 'A participant asked not to be recorded or consent was missing, so no content is produced from this meeting.'} />;
  if (meeting.transcriptState === 'deleted')
    return <Empty icon={<IconFileText size={28} />} title="Transcript deleted" description={meeting.transcriptNote ?? 'The transcript was removed under your firm’s retention policy or a deletion request. Records of published posts are kept.'} />;
  if (meeting.transcriptState === 'none')
    return (
      <Empty
        testId="transcript-empty"
        icon={<IconFileText size={28} />}
        title="No transcript yet"
        description={meeting.transcriptNote ?? 'It arrives a few minutes after the notetaker leaves the call. No notetaker? Upload a transcript or recording.'}
        actions={<TranscriptUpload meetingId={meeting.id} />}
      />
    );

  return (
    <Card p={0} data-testid="transcript">
      <Stack gap={0}>
        <Group p="sm" gap="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <TextInput size="xs" leftSection={<IconSearch size={14} />} placeholder="Search the transcript" value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: 1 }} data-testid="transcript-search" />
          {transcript.isFetching && <Loader size={14} />}
          {transcript.data && (
            <Text size="xs" c="dimmed">
              {q ? `${transcript.data.segments.length} of ${transcript.data.total}` : `${transcript.data.total} segments`}
            </Text>
          )}
        </Group>
        <ScrollArea h={620} p="sm">
          {transcript.isPending ? (
            <ListSkeleton rows={6} />
          ) : transcript.isError ? (
            <ErrorAlert error={transcript.error} onRetry={() => transcript.refetch()} />
          ) : transcript.data.segments.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              {q ? `Nobody said “${q}”.` : 'The transcript is empty.'}
            </Text>
          ) : (
            <Stack gap="sm">
              {transcript.data.segments.map((s, i) => (
                <div key={i} id={`seg-${i}`} style={{ padding: 6, borderRadius: 6, background: focusIndex === i && !q ? 'var(--mantine-color-yellow-0)' : undefined }} data-testid="transcript-segment">
                  <Group gap={8} mb={2}>
                    <Badge size="sm" color={speakers.get(s.speaker ?? '') ?? 'gray'} variant="light" tt="none">
                      {s.speaker ?? 'Unknown speaker'}
                    </Badge>
                    <Text size="xs" c="dimmed" className="am-mono">
                      {fmtOffset(s.start)}
                    </Text>
                  </Group>
                  <Highlight highlight={q} size="sm" lh={1.55}>
                    {s.text}
                  </Highlight>
                </div>
              ))}
            </Stack>
          )}
        </ScrollArea>
      </Stack>
    </Card>
  );
}
