import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PlatformLogo } from '../../components/PlatformLogo';
import { ListSkeleton } from '../../components/Skeletons';
import type { Dto } from '../../lib/api/types';
import { fmtDate } from '../../lib/format';
import { useConnectSocial, useDisconnectSocial, useFacebookPages, useSelectPage, useSocialConnections } from './api';

const STATUS: Record<Dto<'ConnectionDto'>['status'], { color: string; label: string }> = {
  active: { color: 'green', label: 'Connected' },
  pending_page: { color: 'blue', label: 'Choose a page' },
  expiring: { color: 'yellow', label: 'Expiring soon' },
  expired: { color: 'red', label: 'Expired' },
  reconnect_required: { color: 'orange', label: 'Reconnect needed' },
};

function PagePicker({ connection }: { connection: Dto<'ConnectionDto'> }) {
  const pages = useFacebookPages(connection.id);
  const select = useSelectPage();
  const [pageId, setPageId] = useState<string | null>(null);
  if (pages.isError) return <ErrorAlert error={pages.error} onRetry={() => pages.refetch()} />;
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label="Facebook page to post to"
        placeholder={pages.isPending ? 'Loading your pages…' : 'Choose a page'}
        data={(pages.data ?? []).map((p) => ({ value: p.id, label: p.canPost ? p.name : `${p.name} (no posting rights)`, disabled: !p.canPost }))}
        value={pageId}
        onChange={setPageId}
        w={320}
      />
      <Button onClick={() => pageId && select.mutate({ id: connection.id, pageId })} disabled={!pageId} loading={select.isPending}>
        Use this page
      </Button>
    </Group>
  );
}

export function SocialSection() {
  const connections = useSocialConnections();
  const connect = useConnectSocial();
  const disconnect = useDisconnectSocial();
  return (
    <Card>
      <Group justify="space-between" mb="md" align="flex-start">
        <div>
          <Title order={4}>Social accounts</Title>
          <Text size="sm" c="dimmed">
            Approved posts are published here. LinkedIn and Facebook tokens last about 60 days; we warn you a week before.
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<PlatformLogo platform="linkedin" size={16} />} onClick={() => connect.mutate('linkedin')} loading={connect.isPending && connect.variables === 'linkedin'} data-testid="connect-linkedin">
            Connect LinkedIn
          </Button>
          <Button variant="default" leftSection={<PlatformLogo platform="facebook" size={16} />} onClick={() => connect.mutate('facebook')} loading={connect.isPending && connect.variables === 'facebook'} data-testid="connect-facebook">
            Connect a Facebook page
          </Button>
        </Group>
      </Group>
      {connections.isPending ? (
        <ListSkeleton rows={2} />
      ) : connections.isError ? (
        <ErrorAlert error={connections.error} onRetry={() => connections.refetch()} />
      ) : connections.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="empty-state">
          No account connected yet. Connect LinkedIn or a Facebook page to publish approved posts from Aftermeet.
        </Text>
      ) : (
        <Stack gap="sm" data-testid="social-connections">
          {connections.data.map((c) => (
            <Stack key={c.id} gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 8 }} data-testid="social-connection">
              <Group justify="space-between">
                <Group gap="sm">
                  <PlatformLogo platform={c.platform} size={24} />
                  <div>
                    <Text fw={500} size="sm">
                      {c.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      Connected {fmtDate(c.connectedAt)}
                      {c.tokenExpiresAt ? ` · access expires ${fmtDate(c.tokenExpiresAt)}${c.daysLeft != null ? ` (${c.daysLeft} days)` : ''}` : ''}
                      {c.canRefresh ? ' · renews automatically' : ''}
                    </Text>
                  </div>
                </Group>
                <Group gap="xs">
                  <Badge color={STATUS[c.status].color}>{STATUS[c.status].label}</Badge>
                  {(c.status === 'expiring' || c.status === 'expired' || c.status === 'reconnect_required') && (
                    <Button size="xs" variant="light" onClick={() => connect.mutate(c.platform)}>
                      Reconnect
                    </Button>
                  )}
                  <ConfirmButton size="xs" variant="subtle" color="red" confirm={`Disconnect ${c.displayName}? Scheduled posts to it will not go out.`} confirmLabel="Disconnect" onConfirm={() => disconnect.mutate(c.id)}>
                    Disconnect
                  </ConfirmButton>
                </Group>
              </Group>
              {c.message && c.health !== 'ok' && (
                <Alert color={c.health === 'error' ? 'red' : 'yellow'} variant="light" icon={<IconAlertTriangle size={16} />} py={6}>
                  {c.message}
                </Alert>
              )}
              {c.status === 'pending_page' && <PagePicker connection={c} />}
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
