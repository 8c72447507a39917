import { Group, Pagination, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ListSkeleton } from '../../components/Skeletons';
import { useMeetings } from './api';
import { MeetingDays } from './MeetingDays';

const PAGE = 25;

export function PastMeetingsPage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const meetings = useMeetings({ when: 'past', q, limit: PAGE, offset: (page - 1) * PAGE });
  const total = meetings.data?.page.total ?? 0;
  return (
    <>
      <PageHeader title="Past meetings" description="Open a meeting for its transcript, summary, follow-up email and posts." />
      <Group mb="md">
        <TextInput leftSection={<IconSearch size={16} />} placeholder="Search by title or attendee" value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} w={320} />
      </Group>
      {meetings.isPending ? (
        <ListSkeleton rows={5} testId="meetings-loading" />
      ) : meetings.isError ? (
        <ErrorAlert error={meetings.error} onRetry={() => meetings.refetch()} retrying={meetings.isFetching} />
      ) : meetings.data.items.length === 0 ? (
        <Empty testId="meetings-empty" icon={<IconHistory size={28} />} title={q ? 'No meeting matches' : 'No past meetings yet'} description={q ? `Nothing matches "${q}".` : 'Meetings appear here once they have happened. Turn on the notetaker for an upcoming meeting to get its transcript and drafts.'} />
      ) : (
        <MeetingDays meetings={meetings.data.items} mode="past">
          {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} />}
        </MeetingDays>
      )}
    </>
  );
}
