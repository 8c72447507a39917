import { sha256 } from '../../infra/crypto/sha256';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { DataKeyService } from '../../infra/crypto/data-key.service';
import { registerEncryptedColumn } from '../../infra/crypto/encrypted-columns';
import { DomainEvents } from '../../infra/events/domain-events';
import { RealtimeService } from '../../infra/realtime/realtime.service';
import { REDIS, RedisFactory } from '../../infra/redis/redis.module';
import { backoffDelay } from '../../infra/resilience/backoff';
import { ProviderError } from '../../infra/resilience/provider-error';
import { RateLimitService } from '../../infra/resilience/rate-limit.service';
import { AuditService } from '../audit/audit.service';
import { ProfileService } from '../auth/profile.service';
import { ComplianceEngine } from '../compliance/compliance-engine';
import type { NlpPlugin } from '../../../../../libs/compliance/src';
import { ComplianceService } from '../compliance/compliance.service';
import { AutomationsService } from './automations.service';
import { ContentRepository } from './content.repository';
import { GenerateDraftsPayload } from './content.jobs';
import { DraftsOutput, draftsJsonSchema, EvidencedSentence, parseDrafts } from './drafting/drafts.schema';
import { fallbackDrafts } from './drafting/fallback-drafter';
import { buildPseudonyms, Pseudonyms } from './drafting/pseudonymize';
import { ContentVersion } from './entities/content-version.entity';
import { EvidenceLink, GeneratedContent } from './entities/generated-content.entity';
import { GenerationRun } from './entities/generation-run.entity';
import { DRAFTS_PROMPT_VERSION, DraftPromptVars, renderSystemPrompt, renderUserPrompt } from './prompts/drafts.v1.prompt';
import { LLM, LlmPort } from './providers/llm.port';
import { TRANSCRIPT_SOURCE, TranscriptForDrafting, TranscriptSource } from './transcript-source';

registerEncryptedColumn({ table: 'generated_content', idColumn: 'id', column: 'text_enc', aad: { column: 'id', prefix: 'content:' } });
registerEncryptedColumn({ table: 'content_version', idColumn: 'id', column: 'text_enc', aad: { column: 'content_id', prefix: 'content:' }, appendOnly: true });

/** How often a drafting job waits out an LLM outage before writing fallback drafts. */
const LLM_OUTAGE_RETRIES = 3;

export class LlmUnavailable extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'LlmUnavailable';
  }
}

const PLACEHOLDER = /\[(NAME|ACCOUNT|PHONE|EMAIL|SSN|DOB|ADDRESS|CARD|ROUTING|ID|CREDENTIAL)\]/;

export const LLM_LIMIT = { name: 'openai:calls', points: 10, durationSec: 60 };
const PLATFORM_LIMITS = { linkedin: 3000, facebook: 63206 } as const;
const SCHEMA_ATTEMPTS = 3;
const CACHE_TTL_SECONDS = 24 * 3600;
const PARAMETERS = { temperature: 0.3, maxTokens: 4000 };

export const contentAad = (id: string) => `content:${id}`;

function clock(sec: number | null): string {
  const t = Math.max(0, Math.floor(sec ?? 0));
  return `${String(Math.floor(t / 3600)).padStart(2, '0')}:${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

interface Prepared {
  t: TranscriptForDrafting;
  pseudonyms: Pseudonyms;
  clientNames: string[];
  lines: { index: number; speaker: string | null; start: number | null; end: number | null; text: string }[];
  vars: DraftPromptVars;
  automations: Awaited<ReturnType<AutomationsService['forAdvisor']>>;
  digest: string;
}

export type DraftingOutcome = { kind: 'skipped'; reason: string } | { kind: 'done'; runId: string; mode: 'llm' | 'fallback' | 'cache'; contentIds: string[] };

/**
 * Transcript → redacted prompt → LLM (or cache, or the extractive fallback) → drafts, each post
 * validated by Compliance at birth. The transcript is data: PII is gone before the call and every
 * output is checked after it, so the defence does not depend on the model behaving.
 */
@Injectable()
export class DraftingService {
  private readonly logger = new Logger(DraftingService.name);

  constructor(
    private readonly repo: ContentRepository,
    private readonly automations: AutomationsService,
    private readonly compliance: ComplianceService,
    private readonly engine: ComplianceEngine,
    private readonly profiles: ProfileService,
    @Inject(LLM) private readonly llm: LlmPort,
    private readonly rateLimit: RateLimitService,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly redisFactory: RedisFactory,
    private readonly dataKeys: DataKeyService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly realtime: RealtimeService,
    private readonly events: DomainEvents,
    @Inject(TRANSCRIPT_SOURCE) private readonly transcripts: TranscriptSource,
  ) {}

  /**
   * Runs one drafting job. `onRun` lets the job remember its run, so a job delayed by a rate limit
   * or an LLM outage resumes it; `llmRetries` counts how often it already waited for the LLM.
   */
  async draft(p: GenerateDraftsPayload, onRun: (runId: string) => Promise<void>, llmRetries = 0): Promise<DraftingOutcome> {
    const t = await this.transcripts.transcriptForDrafting(p.meetingId);
    if (!t || t.segments.length === 0) return { kind: 'skipped', reason: 'no transcript stored for this meeting' };
    const target = p.contentId ? await this.repo.contentById(p.contentId) : null;
    const prepared = await this.prepare(t, p, target);

    let run: GenerationRun;
    if (p.runId) {
      run = (await this.repo.run(p.runId))!;
      if (run.status !== 'running') return { kind: 'skipped', reason: `run ${run.id} already ${run.status}` };
    } else {
      const started = await this.repo.startRun({
        firmId: t.meeting.firmId,
        advisorId: t.meeting.advisorId,
        meetingId: t.meeting.id,
        inputDigest: prepared.digest,
        trigger: p.trigger,
        status: 'running',
        promptVersion: DRAFTS_PROMPT_VERSION,
        model: this.llm.model,
        parameters: { ...PARAMETERS, instruction: p.instruction ?? null, automations: prepared.automations.map((a) => a.id) },
      });
      if (!started.created) return { kind: 'skipped', reason: `drafts for this meeting are ${started.run.status === 'done' ? 'already made' : 'being made'} (run ${started.run.id})` };
      run = started.run;
      await onRun(run.id);
    }

    // Drafts stored but not all submitted to compliance (a crash in between): finish, never redo.
    const stored = await this.repo.contentForRun(run.id);
    if (stored.length) {
      const contentIds = await this.finish(run, stored, t.meeting, prepared.clientNames);
      return { kind: 'done', runId: run.id, mode: run.mode ?? 'llm', contentIds };
    }
    const produced = await this.produce(prepared, t.meeting.firmId, run, llmRetries);
    const saved = await this.persist(prepared, produced, run, p, target);
    const contentIds = await this.finish({ ...run, mode: produced.mode, model: produced.model }, saved, t.meeting, prepared.clientNames);
    return { kind: 'done', runId: run.id, mode: produced.mode, contentIds };
  }

  /**
   * Submits every post of the run that compliance has not seen in its current version, then marks
   * the run done. Safe to repeat: a resumed job submits only what is missing.
   */
  private async finish(run: GenerationRun, rows: GeneratedContent[], m: TranscriptForDrafting['meeting'], clientNames: string[]): Promise<string[]> {
    const posts = rows.filter((r) => r.kind === 'post');
    const submitted = await this.compliance.submittedVersions(posts.map((r) => r.id), m.firmId);
    for (const post of posts) {
      if ((submitted.get(post.id) ?? 0) >= post.version) continue;
      await this.compliance.submit({
        contentId: post.id,
        firmId: m.firmId,
        advisorId: m.advisorId,
        platform: post.platform!,
        text: await this.dataKeys.decrypt(post.textEnc, contentAad(post.id)),
        authorType: post.origin,
        authorUserId: null,
        meetingId: m.id,
        generation: { runId: run.id, mode: run.mode, model: run.model, promptVersion: DRAFTS_PROMPT_VERSION },
        clientNames,
      });
    }
    await this.repo.finishRun(run.id, { status: 'done' });
    const contentIds = rows.map((r) => r.id);
    await this.realtime.publish({ type: 'drafts.ready', payload: { meetingId: m.id, contentIds, mode: run.mode }, to: { userIds: [m.advisorId] } });
    this.events.emit('drafts.ready', { meetingId: m.id, firmId: m.firmId, advisorId: m.advisorId, contentIds });
    return contentIds;
  }

  private async prepare(t: TranscriptForDrafting, p: GenerateDraftsPayload, target: GeneratedContent | null): Promise<Prepared> {
    const profile = await this.profiles.effectiveCompliance(t.meeting.advisorId);
    const advisor = await this.profiles.get(t.meeting.advisorId);
    const advisorFirst = advisor.name.split(/\s+/)[0]?.toLowerCase();
    const speakers = [...new Set(t.segments.map((s) => s.speaker).filter((s): s is string => Boolean(s)))];
    const advisorSpeaker = speakers.find((s) => s.toLowerCase().includes(advisorFirst ?? '\u0000')) ?? t.segments.find((s) => s.speaker)?.speaker ?? null;
    const attendeeNames = t.meeting.attendees.filter((a) => !a.self && !a.organizer).map((a) => a.name ?? '').filter(Boolean);
    const clientNames = [...new Set([...speakers.filter((s) => s !== advisorSpeaker), ...attendeeNames])];
    const pseudonyms = buildPseudonyms(clientNames);
    const nlp = this.transcriptNlp(t.segments.map((s) => s.text));
    const lines = t.segments.map((s, index) => {
      const named = pseudonyms.apply(s.text);
      const redacted = this.engine.redact(named, clientNames, nlp).text;
      const speaker = s.speaker === advisorSpeaker ? `${advisor.name} (advisor)` : s.speaker ? pseudonyms.apply(s.speaker) : null;
      return { index, speaker, start: s.start, end: s.end, text: redacted };
    });
    let automations = (await this.automations.forAdvisor(t.meeting.firmId, t.meeting.advisorId)).filter((a) => a.enabled);
    if (target?.kind === 'post') automations = automations.filter((a) => a.id === target.automationId);
    const vars: DraftPromptVars = {
      advisorName: advisor.name,
      firmName: profile.firmName,
      crdNumber: profile.crdNumber,
      restrictedTopics: profile.restrictedTopics,
      meetingTitle: pseudonyms.apply(t.meeting.title),
      meetingDate: t.meeting.startsAt.toISOString().slice(0, 10),
      automations: automations.map((a) => ({
        automationId: a.id,
        name: a.name,
        platform: a.platform,
        instructions: a.instructions,
        tone: a.tone,
        hashtags: a.hashtagPolicy === 'none' ? 'no hashtags' : `${a.hashtagPolicy === 'few' ? 'up to 3' : 'up to 6'} hashtags${a.fixedHashtags.length ? `, always including ${a.fixedHashtags.map((h) => `#${h}`).join(' ')}` : ''}`,
        example: a.examplePost,
        maxLength: PLATFORM_LIMITS[a.platform] - 600,
      })),
      transcriptLines: lines.map((l) => `[${l.index}] [${clock(l.start)}] ${l.speaker ?? 'Unknown'}: ${l.text}`).join('\n'),
      extraInstruction: p.instruction ?? null,
    };
    const digest = sha256(JSON.stringify({ v: DRAFTS_PROMPT_VERSION, model: this.llm.model, lines: vars.transcriptLines, automations: vars.automations, instruction: vars.extraInstruction, advisor: vars.advisorName, firm: vars.firmName, restricted: vars.restrictedTopics }));
    return { t, pseudonyms, clientNames, lines, vars, automations, digest };
  }

  /**
   * The recogniser, tuned for speech: a capitalised word at the start of a sentence ("Returns",
   * "Good") is a name only if the same word also appears capitalised mid-sentence somewhere in the
   * meeting; our own [Client n] labels are never names.
   */
  private transcriptNlp(texts: string[]): NlpPlugin {
    const inner = this.engine.nlpPlugin;
    const midCaps = new Set<string>();
    for (const t of texts) for (const m of t.matchAll(/[^.!?:\s]\s+([A-Z][a-z'’]+)/g)) midCaps.add(m[1]);
    return {
      name: `${inner.name}/transcript`,
      findPersons: (text) =>
        inner.findPersons(text).filter((span) => {
          const words = span.text.split(/\s+/);
          if (words.some((w) => /^\[?Client$/.test(w))) return false;
          if (words.length > 1) return true;
          const atSentenceStart = /(^|[.!?:]\s*)$/.test(text.slice(0, span.start).trimEnd()) || text.slice(0, span.start).trim() === '';
          return !atSentenceStart || midCaps.has(words[0]);
        }),
    };
  }

  private async produce(pr: Prepared, firmId: string, run: GenerationRun, llmRetries: number): Promise<{ out: DraftsOutput; mode: 'llm' | 'fallback' | 'cache'; usage: Record<string, unknown>; attempts: number; fallbackReason: string | null; model: string | null }> {
    const cacheKey = `${this.redisFactory.prefix}:content:cache:${pr.digest}`;
    const cached = await this.redis.get(cacheKey).catch(() => null);
    if (cached) {
      const parsed = parseDrafts(cached, pr.lines.length, pr.automations.map((a) => a.id));
      if (parsed.ok) return { out: parsed.value, mode: 'cache', usage: {}, attempts: 0, fallbackReason: null, model: this.llm.model };
    }
    const system = renderSystemPrompt(pr.vars);
    const user = renderUserPrompt(pr.vars);
    let reason = '';
    let attempts = run.attempts;
    const usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
    while (attempts < SCHEMA_ATTEMPTS) {
      // Throws RateLimited: the job waits for the next slot (10 calls per minute per firm) instead of failing.
      await this.rateLimit.take(LLM_LIMIT, firmId);
      try {
        const answer = await this.llm.complete({ system, user, schemaName: 'meeting_drafts', schema: draftsJsonSchema(), temperature: PARAMETERS.temperature, maxTokens: PARAMETERS.maxTokens });
        // Only answers count as attempts: a rate limit or an outage must not use them up.
        attempts++;
        await this.repo.updateRun(run.id, { attempts });
        usage.promptTokens += answer.usage.promptTokens;
        usage.completionTokens += answer.usage.completionTokens;
        usage.totalTokens += answer.usage.totalTokens;
        const parsed = answer.finishReason === 'length' ? ({ ok: false, reason: 'answer was cut off (finish_reason length)' } as const) : parseDrafts(answer.content, pr.lines.length, pr.automations.map((a) => a.id));
        if (parsed.ok) {
          await this.redis.set(cacheKey, JSON.stringify(parsed.value), 'EX', CACHE_TTL_SECONDS).catch(() => undefined);
          return { out: parsed.value, mode: 'llm', usage, attempts, fallbackReason: null, model: answer.model };
        }
        reason = parsed.reason;
        this.logger.warn({ runId: run.id, attempt: attempts, reason }, 'LLM answer rejected');
      } catch (err) {
        if (err instanceof ProviderError && err.kind === 'rate_limited') throw err;
        // A call that failed produced nothing: its slot goes back to the firm's budget.
        await this.rateLimit.refund(LLM_LIMIT, firmId).catch(() => undefined);
        reason = err instanceof ProviderError ? err.message : `LLM call failed: ${(err as Error).message}`;
        // A short outage is waited out (the job comes back with backoff); a long one gets fallback drafts.
        if (llmRetries < LLM_OUTAGE_RETRIES) {
          // An open breaker says when it will probe again: wait for that rather than fail fast.
          const breakerWait = err instanceof ProviderError && err.details.breakerOpen ? Math.min(err.retryAfterMs ?? 30_000, 60_000) : 0;
          throw new LlmUnavailable(reason, Math.max(breakerWait, backoffDelay(llmRetries + 1, { minMs: 2000, maxMs: 30_000 })));
        }
        break;
      }
    }
    const out = fallbackDrafts({
      advisorName: pr.vars.advisorName,
      meetingTitle: pr.vars.meetingTitle,
      clientLabels: pr.pseudonyms.labels.map((l) => l.label),
      segments: pr.lines.map((l) => ({ index: l.index, speaker: l.speaker, text: l.text })),
      automations: pr.automations.map((a) => ({ automationId: a.id, platform: a.platform, hashtagPolicy: a.hashtagPolicy, fixedHashtags: a.fixedHashtags, maxLength: PLATFORM_LIMITS[a.platform] })),
    });
    return { out, mode: 'fallback', usage, attempts, fallbackReason: reason || 'LLM unavailable', model: null };
  }

  /** Output checks that do not trust the model: no client label or name, no PII, within the platform limit. */
  private cleanPost(sentences: EvidencedSentence[], pr: Prepared, limit: number, hashtags: string[]): { text: string; kept: EvidencedSentence[] } {
    const firstNames = pr.clientNames.map((n) => n.split(/\s+/)[0]).filter((n) => n.length >= 3).map((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'));
    const kept = sentences.filter((s) => {
      if (/\[?\bClient \d+\b\]?/.test(s.text)) return false;
      if (PLACEHOLDER.test(s.text)) return false;
      if (firstNames.some((re) => re.test(s.text))) return false;
      // Identifiers and known names are removed here; anything subtler is the compliance check's to flag.
      return this.engine.redact(s.text, pr.clientNames, null).redactions.length === 0;
    });
    const tags = hashtags.map((h) => `#${h.replace(/^#/, '').replace(/[^\p{L}\p{N}_]/gu, '')}`).filter((h) => h.length > 1);
    let text = kept.map((s) => s.text.trim()).join(' ');
    const suffix = tags.length ? `\n\n${tags.join(' ')}` : '';
    if (text.length + suffix.length > limit - 400) text = text.slice(0, Math.max(0, limit - 400 - suffix.length)).replace(/\s+\S*$/, '…');
    return { text: text + suffix, kept };
  }

  private evidence(sentences: EvidencedSentence[], pr: Prepared): EvidenceLink[] {
    return sentences.map((s, i) => ({
      sentence: i,
      text: s.text,
      segments: [...new Set(s.evidence)].filter((ix) => ix < pr.lines.length).map((ix) => ({ index: ix, speaker: pr.t.segments[ix].speaker, start: pr.t.segments[ix].start, end: pr.t.segments[ix].end })),
    }));
  }

  private async persist(pr: Prepared, produced: Awaited<ReturnType<DraftingService['produce']>>, run: GenerationRun, p: GenerateDraftsPayload, target: GeneratedContent | null): Promise<GeneratedContent[]> {
    const { out } = produced;
    const m = pr.t.meeting;
    const origin: 'llm' | 'fallback' = produced.mode === 'fallback' ? 'fallback' : 'llm';
    type Draft = { kind: GeneratedContent['kind']; platform: GeneratedContent['platform']; automationId: string | null; title: string | null; text: string; hashtags: string[]; evidence: EvidenceLink[]; actionItems: GeneratedContent['actionItems'] };
    const drafts: Draft[] = [];
    // The summary is the advisor's own record: names come back, identifiers stay out.
    const summarySentences = out.summary.sentences.map((s) => ({ ...s, text: pr.pseudonyms.restoreFirstNames(this.engine.redact(s.text, [], null).text) }));
    drafts.push({
      kind: 'summary',
      platform: null,
      automationId: null,
      title: pr.vars.meetingTitle,
      text: summarySentences.map((s) => s.text).join(' '),
      hashtags: [],
      evidence: this.evidence(summarySentences, pr),
      actionItems: out.actionItems.map((a) => ({ text: pr.pseudonyms.restoreFirstNames(this.engine.redact(a.text, [], null).text), owner: a.owner ? pr.pseudonyms.restoreFirstNames(a.owner) : null, evidence: a.evidence })),
    });
    // The email is private to the advisor and the client: first names come back, identifiers stay out.
    const greetingText = out.followUpEmail.greeting.trim();
    const bodySentences = out.followUpEmail.sentences.filter((s, i) => !(i === 0 && greetingText && s.text.trim().startsWith(greetingText)));
    const emailSentences = bodySentences.map((s) => ({ ...s, text: pr.pseudonyms.restoreFirstNames(this.engine.redact(s.text, [], null).text) }));
    drafts.push({
      kind: 'email',
      platform: null,
      automationId: null,
      title: pr.pseudonyms.restoreFirstNames(out.followUpEmail.subject),
      text: [pr.pseudonyms.restoreFirstNames(out.followUpEmail.greeting), emailSentences.map((s) => s.text).join(' '), out.followUpEmail.signoff].filter(Boolean).join('\n\n'),
      hashtags: [],
      evidence: this.evidence(emailSentences, pr),
      actionItems: [],
    });
    for (const post of out.posts) {
      const automation = pr.automations.find((a) => a.id === post.automationId);
      if (!automation) continue;
      const { text, kept } = this.cleanPost(post.sentences, pr, PLATFORM_LIMITS[automation.platform], post.hashtags);
      drafts.push({ kind: 'post', platform: automation.platform, automationId: automation.id, title: automation.name, text, hashtags: post.hashtags, evidence: this.evidence(kept, pr), actionItems: [] });
    }

    const wanted = target ? drafts.filter((d) => d.kind === target.kind && (d.kind !== 'post' || d.automationId === target.automationId)) : drafts;
    const saved: GeneratedContent[] = [];
    await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`drafts:${m.id}`]);
      const contentRepo = tx.getRepository(GeneratedContent);
      if (target) {
        const current = (await contentRepo.findOne({ where: { id: target.id }, lock: { mode: 'pessimistic_write' } }))!;
        const d = wanted[0];
        if (d) {
          const version = current.version + 1;
          const enc = await this.dataKeys.encrypt('meeting', m.id, m.firmId, d.text, contentAad(current.id), tx);
          await contentRepo.update(current.id, { textEnc: enc, title: d.title, hashtags: d.hashtags, evidence: d.evidence, actionItems: d.actionItems, origin, version, runId: run.id });
          await tx.getRepository(ContentVersion).insert({ firmId: m.firmId, contentId: current.id, version, textEnc: enc, change: 'regenerated', actorType: origin, actorUserId: p.requestedBy ?? null, instruction: p.instruction ?? null, runId: run.id });
          saved.push({ ...current, ...d, textEnc: enc, version, origin, runId: run.id });
        }
      } else {
        if (p.trigger !== 'transcript') await contentRepo.update({ meetingId: m.id, superseded: false }, { superseded: true });
        for (const d of wanted) {
          const row = contentRepo.create({ firmId: m.firmId, advisorId: m.advisorId, meetingId: m.id, runId: run.id, kind: d.kind, platform: d.platform, automationId: d.automationId, title: d.title, textEnc: 'pending', hashtags: d.hashtags, evidence: d.evidence, actionItems: d.actionItems, origin, version: 1 });
          const inserted = await contentRepo.save(row);
          // Drafts are encrypted under the meeting's data key: deleting the client's data shreds them too.
          const enc = await this.dataKeys.encrypt('meeting', m.id, m.firmId, d.text, contentAad(inserted.id), tx);
          await contentRepo.update(inserted.id, { textEnc: enc });
          await tx.getRepository(ContentVersion).insert({ firmId: m.firmId, contentId: inserted.id, version: 1, textEnc: enc, change: 'generated', actorType: origin, actorUserId: null, instruction: p.instruction ?? null, runId: run.id });
          saved.push({ ...inserted, textEnc: enc, ...d });
        }
      }
      // The run stays 'running' until every post is submitted to compliance (finish()).
      await tx.getRepository(GenerationRun).update(run.id, { mode: produced.mode, model: produced.model, usage: produced.usage, attempts: produced.attempts, fallbackReason: produced.fallbackReason } as never);
      await this.audit.record(
        {
          action: 'drafts.generated',
          subjectType: 'meeting',
          subjectId: m.id,
          firmId: m.firmId,
          data: { runId: run.id, trigger: p.trigger, mode: produced.mode, model: produced.model, promptVersion: DRAFTS_PROMPT_VERSION, usage: produced.usage, fallbackReason: produced.fallbackReason, contentIds: saved.map((s) => s.id), instruction: p.instruction ?? null },
        },
        tx,
      );
    });

    return saved;
  }

  /** Marks a run that cannot finish, so the meeting can be drafted again. */
  async failRun(runId: string, error: string): Promise<void> {
    await this.repo.finishRun(runId, { status: 'failed', error: error.slice(0, 500) });
  }
}
