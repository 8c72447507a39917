import { Alert, Badge, Button, Card, Code, Group, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ListSkeleton } from '../../components/Skeletons';
import { fmtDateTime, humanize } from '../../lib/format';
import { useAuditTrail, useDeleteClientData, useExportClientData, useExportRecords, useVerifyChain } from './api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifications } from '@mantine/notifications';

function ClientDeletion() {
  const del = useDeleteClientData();
  const exportClient = useExportClientData();
  const [email, setEmail] = useState('');
  const valid = /^\S+@\S+\.\S+$/.test(email);
  return (
    <Card>
      <Title order={4} mb={4}>
        Client data requests
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Export one client's meeting data (JSON plus transcripts), or delete it across the firm by destroying its encryption keys. Books and records under retention are kept, as the rules require.
      </Text>
      <Group align="flex-end" gap="sm">
        <TextInput label="Client email" placeholder="client@example.com" value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={300} />
        <Button variant="default" disabled={!valid} loading={exportClient.isPending} onClick={() => exportClient.mutate(email.trim())} data-testid="export-client">
          Export client data
        </Button>
        <ConfirmButton
          color="red"
          variant="light"
          disabled={!valid}
          loading={del.isPending}
          confirm={`Permanently delete the meeting data of ${email}? This cannot be undone.`}
          confirmLabel="Delete"
          onConfirm={() =>
            del.mutate(email.trim(), {
              onSuccess: (r) => {
                notifications.show({ color: 'green', title: 'Client data deleted', message: `${r.meetings} meeting(s), ${r.keysDestroyed} key(s) destroyed. ${r.recordsKept}` });
                setEmail('');
              },
            })
          }
          data-testid="delete-client"
        >
          Delete client data
        </ConfirmButton>
      </Group>
      {del.isError && <ErrorAlert error={del.error} />}
      {exportClient.isError && <ErrorAlert error={exportClient.error} />}
    </Card>
  );
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function ChainStatus() {
  const verify = useVerifyChain();
  if (verify.isPending) return <Alert color="gray">Verifying the audit chain…</Alert>;
  if (verify.isError) return <ErrorAlert error={verify.error} onRetry={() => verify.refetch()} />;
  const v = verify.data;
  return (
    <Alert
      data-testid="chain-status"
      data-valid={v.valid}
      color={v.valid ? 'green' : 'red'}
      icon={v.valid ? <IconShieldCheck size={20} /> : <IconShieldX size={20} />}
      title={v.valid ? 'Audit chain intact' : 'Audit chain broken'}
    >
      <Text size="sm">
        {v.valid
          ? `All ${v.events.toLocaleString()} events verify: none was edited or removed.`
          : `Verification failed at event ${v.brokenAt?.chainSeq ?? '?'}: ${v.brokenAt?.reason ?? 'hash mismatch'}. Tell your firm admin and keep the export as evidence.`}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        Head <Code>{v.headHash.slice(0, 16)}…</Code>{' '}
        <Button size="compact-xs" variant="subtle" onClick={() => verify.refetch()} loading={verify.isFetching}>
          Verify again
        </Button>
      </Text>
    </Alert>
  );
}

export function RecordsPage() {
  const audit = useAuditTrail();
  const exporter = useExportRecords();
  const today = new Date();
  const [from, setFrom] = useState(iso(new Date(today.getFullYear(), today.getMonth(), 1)));
  const [to, setTo] = useState(iso(today));
  return (
    <>
      <PageHeader title="Records" description="Books and records: every post version and decision, append-only, with a hash-chained audit trail an examiner can verify." />
      <Stack gap="lg">
        <ChainStatus />
        <Card>
          <Title order={4} mb={4}>
            Export for an examiner
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Every post version, decision and published text in the period. The PDF opens with the chain verification result.
          </Text>
          <Group align="flex-end" gap="sm">
            <TextInput type="date" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput type="date" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            <Button leftSection={<IconDownload size={16} />} variant="default" loading={exporter.isPending && exporter.variables?.format === 'csv'} onClick={() => exporter.mutate({ format: 'csv', from, to })} data-testid="export-csv">
              CSV
            </Button>
            <Button leftSection={<IconDownload size={16} />} loading={exporter.isPending && exporter.variables?.format === 'pdf'} onClick={() => exporter.mutate({ format: 'pdf', from, to })} data-testid="export-pdf">
              PDF
            </Button>
          </Group>
          {exporter.isError && <ErrorAlert error={exporter.error} />}
        </Card>
        <ClientDeletion />
        <Card p={0}>
          <Group p="md" justify="space-between">
            <Title order={4}>Audit trail</Title>
            {audit.data && (
              <Text size="sm" c="dimmed">
                Latest {audit.data.items.length} of {audit.data.page.total.toLocaleString()} events
              </Text>
            )}
          </Group>
          {audit.isPending ? (
            <ListSkeleton rows={4} />
          ) : audit.isError ? (
            <ErrorAlert error={audit.error} onRetry={() => audit.refetch()} />
          ) : (
            <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" data-testid="audit-trail" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Actor</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>Hash</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audit.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td className="am-mono">{e.chainSeq}</Table.Td>
                    <Table.Td>{fmtDateTime(e.occurredAt)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray" tt="none">
                        {e.action}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{humanize(e.actorType)}</Text>
                      <Text size="xs" c="dimmed" className="am-mono">
                        {e.actorId.slice(0, 8)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{humanize(e.subjectType)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={`prev ${e.prevHash}`}>
                        <Code>{e.hash.slice(0, 10)}</Code>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Stack>
    </>
  );
}
