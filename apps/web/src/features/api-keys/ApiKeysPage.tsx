import { ActionIcon, Alert, Badge, Button, Card, Code, CopyButton, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ListSkeleton } from '../../components/Skeletons';
import type { Dto } from '../../lib/api/types';
import { fmtDate, fmtRelative } from '../../lib/format';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, useRotateApiKey } from './api';

/** The secret exists only in this dialog: the server stores a hash. */
function SecretOnce({ issued, onClose }: { issued: Dto<'IssuedApiKeyDto'> | null; onClose: () => void }) {
  return (
    <Modal opened={!!issued} onClose={onClose} title="Copy your new key now" size="lg" closeOnClickOutside={false}>
      {issued && (
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            This is the only time the key is shown. Store it in your secrets manager; if it is lost, rotate the key.
          </Alert>
          <Group wrap="nowrap" gap="xs">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="api-key-secret">
              {issued.secret}
            </Code>
            <CopyButton value={issued.secret}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy'}>
                  <ActionIcon size="lg" variant="light" color={copied ? 'green' : 'navy'} onClick={copy} data-testid="api-key-copy" aria-label="Copy key">
                    {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Send it as <Code>Authorization: Bearer &lt;key&gt;</Code>. Scope: {issued.key.scope}.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have stored it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function ApiKeysPage() {
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const rotate = useRotateApiKey();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'read-write'>('read');
  const [issued, setIssued] = useState<Dto<'IssuedApiKeyDto'> | null>(null);

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="api-key-new">
      Create key
    </Button>
  );
  const submit = () =>
    create.mutate(
      { name: name.trim(), scope },
      {
        onSuccess: (k) => {
          setCreating(false);
          setName('');
          setIssued(k);
        },
      },
    );

  return (
    <>
      <PageHeader title="API keys" description="Keys let your firm's systems use the Aftermeet API. Every call made with a key is recorded in the audit trail." actions={keys.data && keys.data.length > 0 ? newButton : undefined} />
      {keys.isPending ? (
        <ListSkeleton rows={3} />
      ) : keys.isError ? (
        <ErrorAlert error={keys.error} onRetry={() => keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <Empty icon={<IconKey size={28} />} title="No API keys" description="Create a read-only key for reporting, or a read-write key for a system that schedules notetakers and posts." actions={newButton} />
      ) : (
        <Card p={0}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="api-keys">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Scope</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.map((k) => (
                <Table.Tr key={k.id} data-testid="api-key-row" opacity={k.revokedAt ? 0.55 : 1}>
                  <Table.Td fw={500}>{k.name}</Table.Td>
                  <Table.Td>
                    <Code>{k.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={k.scope === 'read' ? 'gray' : 'blue'}>{k.scope}</Badge>
                  </Table.Td>
                  <Table.Td>{fmtDate(k.createdAt)}</Table.Td>
                  <Table.Td>{k.lastUsedAt ? fmtRelative(k.lastUsedAt) : 'Never'}</Table.Td>
                  <Table.Td>
                    {k.revokedAt ? (
                      <Badge color="red">Revoked {fmtDate(k.revokedAt)}</Badge>
                    ) : (
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <ConfirmButton size="xs" variant="light" color="navy" confirm="Issue a new secret and revoke the current one at once?" confirmLabel="Rotate" onConfirm={() => rotate.mutate(k.id, { onSuccess: setIssued })} data-testid="api-key-rotate">
                          Rotate
                        </ConfirmButton>
                        <ConfirmButton size="xs" variant="subtle" color="red" confirm={`Revoke "${k.name}"? Systems using it stop working immediately.`} confirmLabel="Revoke" onConfirm={() => revoke.mutate(k.id)} data-testid="api-key-revoke">
                          Revoke
                        </ConfirmButton>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="Create an API key">
        <Stack gap="md">
          <TextInput label="Name" description="Who or what uses it, e.g. 'CRM sync'" value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Scope
            </Text>
            <SegmentedControl value={scope} onChange={(v) => setScope(v as 'read' | 'read-write')} data={[{ value: 'read', label: 'Read only' }, { value: 'read-write', label: 'Read and write' }]} />
          </div>
          {create.isError && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCreating(false)}>
              Cancel
            </Button>
            <Button onClick={submit} loading={create.isPending} disabled={!name.trim()} data-testid="api-key-create">
              Create key
            </Button>
          </Group>
        </Stack>
      </Modal>
      <SecretOnce issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
