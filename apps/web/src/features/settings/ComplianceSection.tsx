import { Badge, Button, Card, Group, List, NumberInput, Select, Stack, TagsInput, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSkeleton } from '../../components/Skeletons';
import type { Dto } from '../../lib/api/types';
import { useProfile, useUpdateProfile } from './api';

type Settings = Dto<'ComplianceSettingsDto'>;

function Locked() {
  return (
    <Tooltip label="Set by your firm">
      <IconLock size={14} color="var(--mantine-color-gray-6)" />
    </Tooltip>
  );
}

export function ComplianceSection() {
  const profile = useProfile();
  const update = useUpdateProfile();
  const [draft, setDraft] = useState<Settings | null>(null);
  useEffect(() => {
    if (profile.data) setDraft(profile.data.effectiveCompliance);
  }, [profile.data]);
  if (profile.isPending || !draft) return profile.isError ? <ErrorAlert error={profile.error} onRetry={() => profile.refetch()} /> : <Card><FormSkeleton /></Card>;
  const may = new Set(profile.data?.mayOverride ?? []);
  const save = () => {
    const overrides: Dto<'UpdateComplianceSettingsDto'> = {};
    if (may.has('riskTolerance')) overrides.riskTolerance = draft.riskTolerance;
    if (may.has('autoApprovalThreshold')) overrides.autoApprovalThreshold = draft.autoApprovalThreshold;
    if (may.has('restrictedTopics')) overrides.restrictedTopics = draft.restrictedTopics;
    if (may.has('requiredDisclosures')) overrides.requiredDisclosures = draft.requiredDisclosures;
    update.mutate({ complianceOverrides: overrides }, { onSuccess: () => notifications.show({ color: 'green', message: 'Compliance settings saved.' }) });
  };
  return (
    <Card data-testid="compliance-settings">
      <Stack gap="md" maw={680}>
        <div>
          <Title order={4}>Compliance settings</Title>
          <Text size="sm" c="dimmed">
            Your firm decides what you may change here; the rest is shown with a lock. Every post is checked with these settings.
          </Text>
        </div>
        <Group grow align="flex-start">
          <Select
            label={<Group gap={4}>Risk tolerance {!may.has('riskTolerance') && <Locked />}</Group>}
            data={[
              { value: 'conservative', label: 'Conservative' },
              { value: 'moderate', label: 'Moderate' },
              { value: 'aggressive', label: 'Aggressive' },
            ]}
            value={draft.riskTolerance}
            onChange={(v) => v && setDraft({ ...draft, riskTolerance: v as Settings['riskTolerance'] })}
            disabled={!may.has('riskTolerance')}
          />
          <NumberInput
            label={<Group gap={4}>Auto-approve below risk {!may.has('autoApprovalThreshold') && <Locked />}</Group>}
            description="0–100; higher scores go to review"
            min={0}
            max={100}
            value={draft.autoApprovalThreshold}
            onChange={(v) => setDraft({ ...draft, autoApprovalThreshold: typeof v === 'number' ? v : 0 })}
            disabled={!may.has('autoApprovalThreshold')}
          />
        </Group>
        <TagsInput
          label={<Group gap={4}>Restricted topics {!may.has('restrictedTopics') && <Locked />}</Group>}
          description="Posts that touch these topics are flagged."
          value={draft.restrictedTopics}
          onChange={(v) => setDraft({ ...draft, restrictedTopics: v })}
          disabled={!may.has('restrictedTopics')}
        />
        <Stack gap={4}>
          <Group gap={4}>
            <Text size="sm" fw={500}>
              Required disclosures
            </Text>
            {!may.has('requiredDisclosures') && <Locked />}
          </Group>
          {draft.requiredDisclosures.length === 0 ? (
            <Text size="sm" c="dimmed">
              None required by your firm.
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {draft.requiredDisclosures.map((d) => (
                <List.Item key={d}>{d}</List.Item>
              ))}
            </List>
          )}
          <Text size="xs" c="dimmed">
            Added to every post and cannot be edited out.
          </Text>
        </Stack>
        <Group gap="xs">
          {draft.facebookInvestmentAlwaysReview && <Badge color="blue">Facebook posts about investing always reviewed</Badge>}
          {draft.requireRecordingConsent && <Badge color="blue">Recording consent required</Badge>}
        </Group>
        {may.size > 0 && (
          <Group>
            <Button onClick={save} loading={update.isPending}>
              Save compliance settings
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
