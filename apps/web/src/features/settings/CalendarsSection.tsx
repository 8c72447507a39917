import { Badge, Button, Card, Group, NumberInput, Stack, Switch, TagsInput, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandGoogle, IconCalendarPlus, IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSkeleton, ListSkeleton } from '../../components/Skeletons';
import { fmtDate } from '../../lib/format';
import { useConnectGoogle, useDisconnectGoogle, useGoogleAccounts, useProfile, useUpdateProfile } from './api';

const STATUS = {
  active: { color: 'green', label: 'Syncing' },
  reconnect_required: { color: 'orange', label: 'Reconnect needed' },
  disconnected: { color: 'gray', label: 'Disconnected' },
} as const;

function GoogleAccounts() {
  const accounts = useGoogleAccounts();
  const connect = useConnectGoogle();
  const disconnect = useDisconnectGoogle();
  const connectButton = (
    <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => connect.mutate()} loading={connect.isPending} data-testid="google-connect">
      Connect a Google calendar
    </Button>
  );
  return (
    <Card>
      <Group justify="space-between" mb="md">
        <div>
          <Title order={4}>Connected calendars</Title>
          <Text size="sm" c="dimmed">
            Meetings from each account appear in Upcoming meetings. Connect every calendar your client meetings live in.
          </Text>
        </div>
        {accounts.data && accounts.data.length > 0 && connectButton}
      </Group>
      {accounts.isPending ? (
        <ListSkeleton rows={2} />
      ) : accounts.isError ? (
        <ErrorAlert error={accounts.error} onRetry={() => accounts.refetch()} />
      ) : accounts.data.length === 0 ? (
        <Empty icon={<IconBrandGoogle size={28} />} title="No calendar connected" description="Connect your Google calendar so Aftermeet can list your client meetings and send the notetaker." actions={connectButton} />
      ) : (
        <Stack gap="xs" data-testid="google-accounts">
          {accounts.data.map((a) => (
            <Group key={a.id} justify="space-between" p="sm" style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 8 }} data-testid="google-account">
              <Group gap="sm">
                <ThemeIcon variant="light" color="gray" radius="xl">
                  <IconBrandGoogle size={16} />
                </ThemeIcon>
                <div>
                  <Text fw={500} size="sm">
                    {a.email}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Connected {fmtDate(a.connectedAt)} · {a.calendarAccess ? 'calendar access granted' : 'no calendar access: reconnect and allow it'}
                  </Text>
                </div>
              </Group>
              <Group gap="xs">
                <Badge color={STATUS[a.status].color}>{STATUS[a.status].label}</Badge>
                {a.status === 'reconnect_required' && (
                  <Button size="xs" variant="light" onClick={() => connect.mutate()}>
                    Reconnect
                  </Button>
                )}
                <ConfirmButton
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconPlugConnectedX size={14} />}
                  confirm={`Stop reading ${a.email}? Its upcoming meetings lose their notetaker.`}
                  confirmLabel="Disconnect"
                  onConfirm={() => disconnect.mutate(a.id)}
                  loading={disconnect.isPending && disconnect.variables === a.id}
                  data-testid="google-disconnect"
                >
                  Disconnect
                </ConfirmButton>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function NotetakerSettings() {
  const profile = useProfile();
  const update = useUpdateProfile();
  const [minutes, setMinutes] = useState<number>(2);
  const [keywords, setKeywords] = useState<string[]>([]);
  useEffect(() => {
    if (profile.data) {
      setMinutes(profile.data.joinMinutesBefore);
      setKeywords(profile.data.exclusionKeywords);
    }
  }, [profile.data]);
  if (profile.isPending) return <Card><FormSkeleton fields={3} /></Card>;
  if (profile.isError) return <ErrorAlert error={profile.error} onRetry={() => profile.refetch()} />;
  const saved = () => notifications.show({ color: 'green', message: 'Notetaker settings saved.' });
  return (
    <Card data-testid="notetaker-settings">
      <Stack gap="md" maw={640}>
        <div>
          <Title order={4}>Notetaker</Title>
          <Text size="sm" c="dimmed">
            The notetaker announces the recording in the meeting chat when it joins.
          </Text>
        </div>
        <Switch
          label="Send a notetaker to every meeting with a video link"
          description="You can still turn it off for a single meeting. Private events and meetings matching the keywords below never get one automatically."
          checked={profile.data.notetakerDefault}
          onChange={(e) => update.mutate({ notetakerDefault: e.currentTarget.checked }, { onSuccess: saved })}
          disabled={update.isPending}
          data-testid="notetaker-default"
        />
        <NumberInput
          label="Join minutes before the start"
          description="The bot asks to join this many minutes early, so you can admit it before your client arrives."
          min={0}
          max={15}
          value={minutes}
          onChange={(v) => setMinutes(typeof v === 'number' ? v : 0)}
          maw={260}
          data-testid="join-minutes-before"
        />
        <TagsInput
          label="Never record meetings whose title contains"
          description="Press Enter after each word."
          value={keywords}
          onChange={setKeywords}
          placeholder="personal, doctor…"
        />
        <Group>
          <Button onClick={() => update.mutate({ joinMinutesBefore: minutes, exclusionKeywords: keywords }, { onSuccess: saved })} loading={update.isPending} data-testid="notetaker-save">
            Save notetaker settings
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function CalendarsSection() {
  return (
    <Stack gap="lg">
      <GoogleAccounts />
      <NotetakerSettings />
    </Stack>
  );
}
