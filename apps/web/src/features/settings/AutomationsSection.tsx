import { Badge, Button, Card, Group, Modal, Select, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconRobot } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PlatformLogo } from '../../components/PlatformLogo';
import { ListSkeleton } from '../../components/Skeletons';
import type { Dto } from '../../lib/api/types';
import { humanize } from '../../lib/format';
import { useAutomations, useCreateAutomation, useDeleteAutomation, useUpdateAutomation } from './api';

type Create = Dto<'CreateAutomationDto'>;
const EMPTY: Create = { name: '', platform: 'linkedin', tone: 'professional', hashtagPolicy: 'few', instructions: '', examplePost: '', enabled: true };

function CreateAutomation({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateAutomation();
  const [form, setForm] = useState<Create>(EMPTY);
  const submit = () =>
    create.mutate(
      { ...form, examplePost: form.examplePost?.trim() ? form.examplePost : undefined },
      {
        onSuccess: () => {
          setForm(EMPTY);
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title="New automation" size="lg">
      <Stack gap="sm">
        <TextInput label="Name" placeholder="Weekly market insight for LinkedIn" value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} required />
        <Group grow>
          <Select label="Platform" data={[{ value: 'linkedin', label: 'LinkedIn' }, { value: 'facebook', label: 'Facebook' }]} value={form.platform} onChange={(v) => v && setForm({ ...form, platform: v as Create['platform'] })} />
          <Select label="Tone" data={['professional', 'warm', 'educational', 'conversational'].map((v) => ({ value: v, label: humanize(v) }))} value={form.tone} onChange={(v) => v && setForm({ ...form, tone: v as Create['tone'] })} />
          <Select label="Hashtags" data={[{ value: 'none', label: 'None' }, { value: 'few', label: 'A few' }, { value: 'many', label: 'Many' }]} value={form.hashtagPolicy} onChange={(v) => v && setForm({ ...form, hashtagPolicy: v as Create['hashtagPolicy'] })} />
        </Group>
        <Textarea label="Instructions" description="What the post should be about and how it should read. Never ask for client details: posts never identify clients." autosize minRows={3} value={form.instructions} onChange={(e) => setForm({ ...form, instructions: e.currentTarget.value })} required />
        <Textarea label="Example post (optional)" autosize minRows={2} value={form.examplePost ?? ''} onChange={(e) => setForm({ ...form, examplePost: e.currentTarget.value })} />
        {create.isError && <ErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={create.isPending} disabled={!form.name.trim() || !form.instructions.trim()}>
            Create automation
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function AutomationsSection() {
  const automations = useAutomations();
  const update = useUpdateAutomation();
  const remove = useDeleteAutomation();
  const [creating, setCreating] = useState(false);
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="automation-new">
      New automation
    </Button>
  );
  return (
    <Card>
      <Group justify="space-between" mb="md" align="flex-start">
        <div>
          <Title order={4}>Automations</Title>
          <Text size="sm" c="dimmed">
            Each active automation drafts one post per meeting, shaped by its instructions.
          </Text>
        </div>
        {automations.data && automations.data.length > 0 && newButton}
      </Group>
      {automations.isPending ? (
        <ListSkeleton rows={2} />
      ) : automations.isError ? (
        <ErrorAlert error={automations.error} onRetry={() => automations.refetch()} />
      ) : automations.data.length === 0 ? (
        <Empty icon={<IconRobot size={28} />} title="No automations yet" description="Create one to get a ready-to-review post after every meeting." actions={newButton} />
      ) : (
        <Stack gap="sm" data-testid="automations">
          {automations.data.map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap" p="sm" style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 8 }} data-testid="automation">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <PlatformLogo platform={a.platform} size={24} />
                <div style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Text fw={500} size="sm">
                      {a.name}
                    </Text>
                    {a.firmDefault && <Badge size="xs" color="gray">Firm default</Badge>}
                  </Group>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {humanize(a.tone)} · hashtags: {a.hashtagPolicy} · {a.instructions}
                  </Text>
                </div>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Switch checked={a.enabled} onChange={(e) => update.mutate({ id: a.id, body: { enabled: e.currentTarget.checked } })} aria-label={`${a.name} on or off`} />
                {!a.firmDefault && (
                  <ConfirmButton size="xs" variant="subtle" color="red" confirm={`Delete "${a.name}"? Existing drafts stay.`} confirmLabel="Delete" onConfirm={() => remove.mutate(a.id)}>
                    Delete
                  </ConfirmButton>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <CreateAutomation opened={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
