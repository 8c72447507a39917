import { Button, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarOff, IconRefresh, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ListSkeleton } from '../../components/Skeletons';
import { useMeetings, useSyncCalendars } from './api';
import { MeetingDays } from './MeetingDays';


export function UpcomingMeetingsPage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const meetings = useMeetings({ when: 'upcoming', q });
  const sync = useSyncCalendars();

  const syncButton = (
    <Button
      variant="default"
      leftSection={<IconRefresh size={16} />}
      loading={sync.isPending}
      onClick={() =>
        sync.mutate(undefined, {
          onSuccess: (r) => notifications.show({ message: r.accounts.length ? `Syncing ${r.accounts.length} calendar${r.accounts.length > 1 ? 's' : ''}…` : 'No calendar connected yet.' }),
        })
      }
      data-testid="sync-calendars"
    >
      Sync now
    </Button>
  );

  return (
    <>
      <PageHeader title="Upcoming meetings" description="Meetings from all your connected calendars. Turn the notetaker on for the meetings you want notes and drafts from." actions={syncButton} />
      <Group mb="md">
        <TextInput leftSection={<IconSearch size={16} />} placeholder="Search by title or attendee" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
        {meetings.data && (
          <Text size="sm" c="dimmed">
            {meetings.data.page.total} meeting{meetings.data.page.total === 1 ? '' : 's'}
          </Text>
        )}
      </Group>
      {meetings.isPending ? (
        <ListSkeleton rows={5} testId="meetings-loading" />
      ) : meetings.isError ? (
        <ErrorAlert error={meetings.error} onRetry={() => meetings.refetch()} retrying={meetings.isFetching} />
      ) : meetings.data.items.length === 0 ? (
        q ? (
          <Empty icon={<IconSearch size={28} />} title="No meeting matches" description={`Nothing upcoming matches "${q}".`} />
        ) : (
          <Empty
            testId="meetings-empty"
            icon={<IconCalendarOff size={28} />}
            title="No upcoming meetings"
            description="Connect the Google calendars your client meetings are in, then sync. Meetings with a Zoom, Google Meet, Teams or Webex link can get a notetaker."
            actions={
              <>
                <Button component={Link} to="/settings?tab=calendars">
                  Connect a calendar
                </Button>
                {syncButton}
              </>
            }
          />
        )
      ) : (
        <MeetingDays meetings={meetings.data.items} mode="upcoming" />
      )}
    </>
  );
}
