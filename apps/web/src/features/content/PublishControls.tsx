import { Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime, IconCheck, IconCopy, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePublish } from '../publishing/api';
import { useSocialConnections } from '../settings/api';
import type { Content } from './api';

/** Copy / Post / Schedule for an approved post. The server re-checks approval (409 otherwise). */
/** `copyText` is the post as it would be published (with the disclosures the checker adds). */
export function PublishControls({ post, copyText }: { post: Content; copyText?: string }) {
  const connections = useSocialConnections();
  const publish = usePublish();
  const [mode, setMode] = useState<'now' | 'schedule' | null>(null);
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [when, setWhen] = useState('');
  const approved = post.compliance?.status === 'approved' || post.compliance?.status === 'auto_approved';
  const usable = (connections.data ?? []).filter((c) => c.platform === post.platform && (c.status === 'active' || c.status === 'expiring'));
  const chosen = connectionId ?? usable[0]?.id ?? null;
  const fullText = copyText ?? post.text;

  const submit = () => {
    if (!chosen) return;
    publish.mutate(
      { contentId: post.id, connectionId: chosen, scheduledAt: mode === 'schedule' && when ? new Date(when).toISOString() : undefined },
      {
        onSuccess: (p) => {
          setMode(null);
          notifications.show({ color: 'green', title: p.status === 'scheduled' ? 'Scheduled' : 'Publishing', message: p.status === 'scheduled' ? `Goes out ${new Date(p.scheduledAt!).toLocaleString()} to ${p.accountName}.` : `Sending to ${p.accountName}. You will see it go live on Published.` });
        },
      },
    );
  };

  return (
    <>
      <Group gap="xs">
        <CopyButton value={fullText}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy} data-testid="post-copy">
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" leftSection={<IconSend size={14} />} disabled={!approved} onClick={() => setMode('now')} data-testid="post-publish" title={approved ? undefined : 'Only approved posts can be published'}>
          Post
        </Button>
        <Button size="xs" variant="light" leftSection={<IconCalendarTime size={14} />} disabled={!approved} onClick={() => setMode('schedule')} data-testid="post-schedule">
          Schedule
        </Button>
      </Group>
      <Modal opened={mode !== null} onClose={() => setMode(null)} title={mode === 'schedule' ? 'Schedule this post' : 'Publish this post now'}>
        <Stack gap="md">
          {connections.isError && <ErrorAlert error={connections.error} onRetry={() => connections.refetch()} />}
          {connections.data && usable.length === 0 ? (
            <Text size="sm">
              No connected {post.platform === 'linkedin' ? 'LinkedIn account' : 'Facebook page'} can post right now.{' '}
              <Link to="/settings?tab=social">Connect one in Settings</Link>.
            </Text>
          ) : (
            <Select label="Account" data={usable.map((c) => ({ value: c.id, label: c.displayName }))} value={chosen} onChange={setConnectionId} />
          )}
          {mode === 'schedule' && <TextInput type="datetime-local" label="When (your time zone)" value={when} onChange={(e) => setWhen(e.currentTarget.value)} min={new Date().toISOString().slice(0, 16)} />}
          {publish.isError && <ErrorAlert error={publish.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setMode(null)}>
              Cancel
            </Button>
            <Button onClick={submit} loading={publish.isPending} disabled={!chosen || (mode === 'schedule' && !when)} data-testid="post-publish-confirm">
              {mode === 'schedule' ? 'Schedule' : 'Publish now'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
