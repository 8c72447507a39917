import { Badge, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Table, TagsInput, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailPlus, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { FormSkeleton, ListSkeleton } from '../../components/Skeletons';
import type { Dto } from '../../lib/api/types';
import { ROLE_LABEL, useCurrentUser } from '../../lib/auth/use-session';
import { fmtDate } from '../../lib/format';
import { useChangeRole, useFirm, useInvitations, useInvite, useMembers, useRemoveMember, useRevokeInvitation, useRules, useUpdateFirm } from './api';

type Role = Dto<'MemberDto'>['role'];
const ROLES = (['advisor', 'compliance_officer', 'admin'] as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }));

function Members() {
  const me = useCurrentUser();
  const members = useMembers();
  const change = useChangeRole();
  const remove = useRemoveMember();
  if (members.isPending) return <ListSkeleton rows={3} />;
  if (members.isError) return <ErrorAlert error={members.error} onRetry={() => members.refetch()} />;
  return (
    <Card p={0}>
      <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="firm-members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Joined</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.data.map((m) => (
            <Table.Tr key={m.id} data-testid="firm-member">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {m.name} {m.userId === me.id && <Badge size="xs" color="gray" ml={4}>You</Badge>}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.email}
                </Text>
              </Table.Td>
              <Table.Td w={220}>
                <Select size="xs" data={ROLES} value={m.role} disabled={m.userId === me.id} onChange={(v) => v && change.mutate({ id: m.id, role: v as Role })} aria-label={`Role of ${m.name}`} />
              </Table.Td>
              <Table.Td>{fmtDate(m.joinedAt)}</Table.Td>
              <Table.Td ta="right">
                {m.userId !== me.id && (
                  <ConfirmButton size="xs" variant="subtle" color="red" confirm={`Remove ${m.name}? Their sessions and API keys stop working at once. Their records are kept.`} confirmLabel="Remove" onConfirm={() => remove.mutate(m.id)}>
                    Remove
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Invitations() {
  const invitations = useInvitations();
  const invite = useInvite();
  const revoke = useRevokeInvitation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('advisor');
  const valid = /^\S+@\S+\.\S+$/.test(email);
  const send = () =>
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Invitation sent to ${email}. They join when they sign in with Google.` });
          setEmail('');
        },
      },
    );
  const pending = invitations.data?.filter((i) => i.status === 'pending') ?? [];
  return (
    <Card>
      <Title order={4} mb={4}>
        Invite a colleague
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        They join your firm the first time they sign in with Google using this address.
      </Text>
      <Group align="flex-end" gap="sm">
        <TextInput label="Work email" placeholder="name@yourfirm.com" value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={300} data-testid="invite-email" />
        <Select label="Role" data={ROLES} value={role} onChange={(v) => v && setRole(v as Role)} w={200} />
        <Button leftSection={<IconMailPlus size={16} />} onClick={send} disabled={!valid} loading={invite.isPending} data-testid="invite-send">
          Send invitation
        </Button>
      </Group>
      {invite.isError && <ErrorAlert error={invite.error} />}
      <Title order={5} mt="lg" mb="xs">
        Pending invitations
      </Title>
      {invitations.isPending ? (
        <ListSkeleton rows={1} />
      ) : invitations.isError ? (
        <ErrorAlert error={invitations.error} onRetry={() => invitations.refetch()} />
      ) : pending.length === 0 ? (
        <Text size="sm" c="dimmed">
          No pending invitations.
        </Text>
      ) : (
        <Stack gap={6} data-testid="invitations">
          {pending.map((i) => (
            <Group key={i.id} justify="space-between">
              <Text size="sm">
                {i.email} · {ROLE_LABEL[i.role]} · expires {fmtDate(i.expiresAt)}
              </Text>
              <ConfirmButton size="xs" variant="subtle" color="red" confirm={`Withdraw the invitation to ${i.email}?`} confirmLabel="Withdraw" onConfirm={() => revoke.mutate(i.id)}>
                Withdraw
              </ConfirmButton>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

type Settings = Dto<'ComplianceSettingsDto'>;
const OVERRIDABLE: { key: Settings['advisorMayOverride'][number]; label: string }[] = [
  { key: 'riskTolerance', label: 'Risk tolerance' },
  { key: 'autoApprovalThreshold', label: 'Auto-approval threshold' },
  { key: 'restrictedTopics', label: 'Restricted topics' },
  { key: 'requiredDisclosures', label: 'Required disclosures' },
];

function FirmCompliance() {
  const firm = useFirm();
  const update = useUpdateFirm();
  const rules = useRules();
  const [name, setName] = useState('');
  const [c, setC] = useState<Settings | null>(null);
  useEffect(() => {
    if (firm.data) {
      setName(firm.data.name);
      setC(firm.data.compliance);
    }
  }, [firm.data]);
  if (firm.isError) return <ErrorAlert error={firm.error} onRetry={() => firm.refetch()} />;
  if (firm.isPending || !c) return <Card><FormSkeleton fields={5} /></Card>;
  const save = () => update.mutate({ name: name.trim(), compliance: c }, { onSuccess: () => notifications.show({ color: 'green', message: 'Firm settings saved. New posts are checked with them.' }) });
  const custom = rules.data?.filter((r) => r.custom) ?? [];
  const disabled = rules.data?.filter((r) => r.disabled) ?? [];
  return (
    <Card data-testid="firm-compliance">
      <Stack gap="md" maw={760}>
        <TextInput label="Firm name" value={name} onChange={(e) => setName(e.currentTarget.value)} maw={420} />
        <Title order={4} mt="sm">
          Compliance defaults
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Risk tolerance" data={[{ value: 'conservative', label: 'Conservative' }, { value: 'moderate', label: 'Moderate' }, { value: 'aggressive', label: 'Aggressive' }]} value={c.riskTolerance} onChange={(v) => v && setC({ ...c, riskTolerance: v as Settings['riskTolerance'] })} />
          <NumberInput label="Auto-approve posts below risk score" description="0 sends every post to review" min={0} max={100} value={c.autoApprovalThreshold} onChange={(v) => setC({ ...c, autoApprovalThreshold: typeof v === 'number' ? v : 0 })} />
        </SimpleGrid>
        <TagsInput label="Locked disclosures" description="Added to every post of every advisor; they cannot be edited out, and the server checks again before publishing." value={c.requiredDisclosures} onChange={(v) => setC({ ...c, requiredDisclosures: v })} placeholder="Type a disclosure and press Enter" />
        <TagsInput label="Restricted topics" value={c.restrictedTopics} onChange={(v) => setC({ ...c, restrictedTopics: v })} placeholder="crypto, annuities…" />
        <Switch label="Facebook posts that discuss investing always go to review" checked={c.facebookInvestmentAlwaysReview} onChange={(e) => setC({ ...c, facebookInvestmentAlwaysReview: e.currentTarget.checked })} />
        <Switch label="Require recording consent before content is produced" checked={c.requireRecordingConsent} onChange={(e) => setC({ ...c, requireRecordingConsent: e.currentTarget.checked })} />
        <Group grow align="flex-start">
          <NumberInput label="Keep transcripts for (days)" description="Books and records are kept regardless" min={1} value={c.transcriptRetentionDays ?? ''} onChange={(v) => setC({ ...c, transcriptRetentionDays: typeof v === 'number' ? v : undefined })} />
          <Switch mt={28} label="Legal hold: delete nothing" checked={!!c.legalHold} onChange={(e) => setC({ ...c, legalHold: e.currentTarget.checked })} />
        </Group>
        <Checkbox.Group label="Advisors may override" value={c.advisorMayOverride} onChange={(v) => setC({ ...c, advisorMayOverride: v as Settings['advisorMayOverride'] })}>
          <Group mt={6}>
            {OVERRIDABLE.map((o) => (
              <Checkbox key={o.key} value={o.key} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Text size="sm" c="dimmed">
          Rule packs: {rules.data ? `${rules.data.length} rules active across ${new Set(rules.data.map((r) => r.packId)).size} packs · ${custom.length} firm rules · ${disabled.length} disabled` : 'loading…'}
        </Text>
        {update.isError && <ErrorAlert error={update.error} />}
        <Group>
          <Button onClick={save} loading={update.isPending} data-testid="firm-save">
            Save firm settings
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function FirmPage() {
  return (
    <>
      <PageHeader title="Firm" description="Who works in Aftermeet for your firm, and the compliance rules every post is held to." />
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="members" leftSection={<IconUsers size={16} />}>
            Members &amp; invitations
          </Tabs.Tab>
          <Tabs.Tab value="compliance" leftSection={<IconShieldCheck size={16} />}>
            Compliance defaults
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members">
          <Stack gap="lg">
            <Members />
            <Invitations />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="compliance">
          <FirmCompliance />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
