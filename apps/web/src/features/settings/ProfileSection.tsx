import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSkeleton } from '../../components/Skeletons';
import { useExportMyData, useProfile, useUpdateProfile } from './api';
import { IconDownload } from '@tabler/icons-react';

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'Europe/London', 'UTC'];

export function ProfileSection() {
  const profile = useProfile();
  const update = useUpdateProfile();
  const exportMine = useExportMyData();
  const [form, setForm] = useState({ firmDisplayName: '', crdNumber: '', timeZone: 'America/New_York' });

  useEffect(() => {
    if (profile.data)
      setForm({ firmDisplayName: profile.data.firmDisplayName ?? '', crdNumber: profile.data.crdNumber ?? '', timeZone: profile.data.timeZone });
  }, [profile.data]);

  if (profile.isPending) return <Card><FormSkeleton fields={3} /></Card>;
  if (profile.isError) return <ErrorAlert error={profile.error} onRetry={() => profile.refetch()} retrying={profile.isFetching} />;

  const crdInvalid = form.crdNumber !== '' && !/^\d{1,8}$/.test(form.crdNumber);
  const zones = ZONES.includes(form.timeZone) ? ZONES : [form.timeZone, ...ZONES];
  const save = () =>
    update.mutate(
      { firmDisplayName: form.firmDisplayName.trim(), crdNumber: form.crdNumber.trim(), timeZone: form.timeZone },
      { onSuccess: () => notifications.show({ color: 'green', message: 'Profile saved.' }) },
    );

  return (
    <Stack gap="lg">
    <Card data-testid="profile-form">
      <Stack gap="md" maw={640}>
        <div>
          <Title order={4}>Who you are to regulators</Title>
          <Text size="sm" c="dimmed">
            Shown in disclosures and in the books-and-records export. Signed in as {profile.data.name} ({profile.data.email}).
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Firm name as shown to clients"
            placeholder="Harbor Wealth Partners, LLC"
            value={form.firmDisplayName}
            onChange={(e) => setForm({ ...form, firmDisplayName: e.currentTarget.value })}
          />
          <TextInput
            label="CRD number"
            description="Your FINRA Central Registration Depository number"
            placeholder="1234567"
            value={form.crdNumber}
            error={crdInvalid ? 'A CRD number is up to 8 digits' : undefined}
            onChange={(e) => setForm({ ...form, crdNumber: e.currentTarget.value })}
          />
          <Select label="Time zone" description="Used for scheduling posts and showing meeting times" data={zones} value={form.timeZone} onChange={(v) => v && setForm({ ...form, timeZone: v })} searchable />
        </SimpleGrid>
        {update.isError && <ErrorAlert error={update.error} />}
        <Group>
          <Button onClick={save} loading={update.isPending} disabled={crdInvalid} data-testid="profile-save">
            Save profile
          </Button>
        </Group>
      </Stack>
    </Card>
    <Card>
      <Group justify="space-between">
        <div>
          <Title order={4}>Your data</Title>
          <Text size="sm" c="dimmed">
            Download everything Aftermeet holds about you: profile, meetings, transcripts and drafts.
          </Text>
        </div>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={exportMine.isPending} onClick={() => exportMine.mutate()} data-testid="export-my-data">
          Download my data
        </Button>
      </Group>
    </Card>
    </Stack>
  );
}
