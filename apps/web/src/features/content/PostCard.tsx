import { Alert, Badge, Button, Card, Collapse, Divider, Group, Loader, Progress, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { IconEdit, IconHistory, IconRefresh, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { ComplianceBadge, riskColor } from '../../components/ComplianceBadge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FlaggedText, FlagList } from '../../components/FlaggedText';
import { PlatformLogo } from '../../components/PlatformLogo';
import { fmtDateTime, humanize } from '../../lib/format';
import { useAcceptSuggestion, useContentVersions, useEditContent, useRegenerate, type Content } from './api';
import { PublishControls } from './PublishControls';
import { useLiveLint } from './use-live-lint';

const LIMIT = { linkedin: 3000, facebook: 63206 } as const;

function History({ post }: { post: Content }) {
  const versions = useContentVersions(post.id, true);
  if (versions.isPending) return <Loader size="sm" />;
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => versions.refetch()} />;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={0}>
      {versions.data.map((v) => (
        <Timeline.Item key={v.version} title={`v${v.version} · ${humanize(v.change)}`}>
          <Text size="xs" c="dimmed">
            {v.actorName ?? (v.actorType === 'llm' ? 'AI draft' : v.actorType === 'fallback' ? 'Extractive fallback' : 'User')} · {fmtDateTime(v.createdAt)}
            {v.instruction ? ` · “${v.instruction}”` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** One drafted post: compliance status, flags in the text, edit with live linting, regenerate, publish. */
export function PostCard({ post, clientNames }: { post: Content; clientNames: string[] }) {
  const platform = post.platform ?? 'linkedin';
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(post.text);
  const [regenOpen, setRegenOpen] = useState(false);
  const [instruction, setInstruction] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const edit = useEditContent();
  const regenerate = useRegenerate();
  const accept = useAcceptSuggestion();
  const text = editing ? draft : post.text;
  const lint = useLiveLint(text, platform, { clientNames });
  const flags = lint.result?.flags ?? [];
  const limit = LIMIT[platform];

  const save = () => edit.mutate({ id: post.id, text: draft }, { onSuccess: () => setEditing(false) });

  return (
    <Card data-testid="post-card" data-content-id={post.id} data-platform={platform}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <PlatformLogo platform={platform} size={26} />
            <div>
              <Text fw={600} size="sm">
                {post.automationName ?? post.title ?? `${humanize(platform)} post`}
              </Text>
              <Text size="xs" c="dimmed">
                Version {post.version} · updated {fmtDateTime(post.updatedAt)}
                {post.generation.model ? ` · ${post.generation.model}` : ''}
              </Text>
            </div>
          </Group>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {post.origin === 'fallback' && (
              <Badge color="yellow" variant="outline" data-testid="fallback-badge">
                Fallback draft
              </Badge>
            )}
            {post.compliance && <ComplianceBadge status={post.compliance.status} riskScore={post.compliance.riskScore} />}
          </Group>
        </Group>

        {post.origin === 'fallback' && post.generation.fallbackReason && (
          <Alert color="yellow" variant="light" py={6}>
            Drafted from transcript sentences because {post.generation.fallbackReason}. Regenerate when the AI service is back.
          </Alert>
        )}
        {post.compliance?.status === 'changes_requested' && (
          <Alert color="orange" variant="light" py={8} title="A reviewer asked for changes">
            <Group justify="space-between">
              <Text size="sm">Edit the post, or accept the reviewer’s suggested edit if they left one.</Text>
              <Button size="xs" variant="white" color="orange" loading={accept.isPending} onClick={() => accept.mutate(post.id)} data-testid="post-accept-suggestion">
                Accept suggested edit
              </Button>
            </Group>
            {accept.isError && <ErrorAlert error={accept.error} />}
          </Alert>
        )}

        {editing ? (
          <Stack gap={6}>
            <Textarea value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autosize minRows={5} maxRows={18} data-testid="post-editor" aria-label="Post text" />
            <Group justify="space-between">
              <Text size="xs" c={draft.length > limit ? 'red' : 'dimmed'}>
                {draft.length.toLocaleString()} / {limit.toLocaleString()} characters
              </Text>
              <Group gap={6}>
                {lint.checking && <Loader size={12} />}
                {lint.result && (
                  <Text size="xs" c="dimmed" data-testid="live-lint-score">
                    Live check: risk {lint.result.riskScore} · {flags.length} flag{flags.length === 1 ? '' : 's'}
                  </Text>
                )}
              </Group>
            </Group>
            {lint.result && <Progress value={lint.result.riskScore} color={riskColor(lint.result.riskScore)} size="xs" />}
            {flags.length > 0 && (
              <Card withBorder={false} bg="gray.0" p="sm">
                <Text size="xs" fw={600} mb={6}>
                  Flagged as you type
                </Text>
                <FlaggedText text={draft} flags={flags} />
              </Card>
            )}
          </Stack>
        ) : (
          <FlaggedText text={post.text} flags={flags} testId="post-text" />
        )}

        {post.hashtags.length > 0 && (
          <Group gap={4}>
            {post.hashtags.map((h) => (
              <Badge key={h} variant="dot" color="gray" tt="none">
                {h.startsWith('#') ? h : `#${h}`}
              </Badge>
            ))}
          </Group>
        )}
        <FlagList flags={flags} />
        {lint.result && lint.result.injectedDisclaimers.length > 0 && (
          <Text size="xs" c="dimmed">
            Disclosures added when published: {lint.result.injectedDisclaimers.map((d) => d.text).join(' · ')}
          </Text>
        )}
        {lint.error && (
          <Text size="xs" c="dimmed">
            Live checking is unavailable ({lint.error}); the server still checks on save.
          </Text>
        )}
        {edit.isError && <ErrorAlert error={edit.error} />}

        <Collapse expanded={regenOpen}>
          <Group align="flex-end" gap="xs">
            <TextInput style={{ flex: 1 }} label="What should change? (optional)" placeholder="Shorter, and focus on the retirement-income theme" value={instruction} onChange={(e) => setInstruction(e.currentTarget.value)} />
            <Button
              size="sm"
              leftSection={<IconSparkles size={14} />}
              loading={regenerate.isPending}
              onClick={() => regenerate.mutate({ id: post.id, instruction, meetingId: post.meetingId }, { onSuccess: () => { setRegenOpen(false); setInstruction(''); } })}
              data-testid="post-regenerate-confirm"
            >
              Regenerate
            </Button>
          </Group>
        </Collapse>
        <Collapse expanded={showHistory}>{showHistory && <History post={post} />}</Collapse>

        <Divider />
        <Group justify="space-between">
          {editing ? (
            <Group gap="xs">
              <Button size="xs" onClick={save} loading={edit.isPending} disabled={draft.trim() === '' || draft === post.text || draft.length > limit} data-testid="post-save">
                Save and re-check
              </Button>
              <Button size="xs" variant="default" onClick={() => { setEditing(false); setDraft(post.text); }}>
                Cancel
              </Button>
              {(post.compliance?.status === 'approved' || post.compliance?.status === 'auto_approved') && (
                <Text size="xs" c="orange">
                  Saving changes sends the post back to review.
                </Text>
              )}
            </Group>
          ) : (
            <Group gap="xs">
              <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={() => { setDraft(post.text); setEditing(true); }} data-testid="post-edit">
                Edit
              </Button>
              <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => setRegenOpen((o) => !o)} data-testid="post-regenerate">
                Regenerate
              </Button>
              <Button size="xs" variant="subtle" color="gray" leftSection={<IconHistory size={14} />} onClick={() => setShowHistory((o) => !o)} data-testid="post-history">
                History
              </Button>
            </Group>
          )}
          {!editing && <PublishControls post={post} copyText={lint.result?.validatedContent || undefined} />}
        </Group>
      </Stack>
    </Card>
  );
}
