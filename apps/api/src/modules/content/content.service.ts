import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { sha256 } from '../../infra/crypto/sha256';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DataKeyService, DataShreddedError } from '../../infra/crypto/data-key.service';
import { AppError } from '../../infra/http/app-error';
import { RealtimeService } from '../../infra/realtime/realtime.service';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { ComplianceService } from '../compliance/compliance.service';
import { CONTENT_QUEUE, ContentJob, GenerateDraftsPayload, generateJobId } from './content.jobs';
import { ContentRepository } from './content.repository';
import { TRANSCRIPT_SOURCE, TranscriptSource } from './transcript-source';
import { contentAad } from './drafting.service';
import { ContentDto, ContentVersionDto, GenerationAcceptedDto } from './dto/content.dto';
import { ContentVersion } from './entities/content-version.entity';
import { EvidenceLink, GeneratedContent } from './entities/generated-content.entity';

const SHREDDED_TEXT = '(This draft was deleted at the client’s request.)';

/** Drafts as the advisor and reviewers see them: read, edit (re-validated), regenerate, history. */
@Injectable()
export class ContentService {
  constructor(
    private readonly repo: ContentRepository,
    private readonly compliance: ComplianceService,
    private readonly dataKeys: DataKeyService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly realtime: RealtimeService,
    @InjectQueue(CONTENT_QUEUE) private readonly queue: Queue,
    @Inject(TRANSCRIPT_SOURCE) private readonly meetings: TranscriptSource,
  ) {}

  async enqueue(payload: GenerateDraftsPayload): Promise<GenerationAcceptedDto> {
    const jobId = generateJobId(payload);
    await this.queue.add(ContentJob.GenerateDrafts, payload, { jobId, attempts: 8 });
    return { jobId, meetingId: payload.meetingId, status: 'queued' };
  }

  /** POST /api/generate-posts: the meeting must be the caller's to see (Meetings answers 404 otherwise). */
  async requestGeneration(meetingId: string, instruction: string | undefined): Promise<GenerationAcceptedDto> {
    const s = currentScope();
    await this.meetings.get(meetingId);
    await this.audit.record({ action: 'drafts.requested', subjectType: 'meeting', subjectId: meetingId, data: { instruction: instruction ?? null } });
    return this.enqueue({ meetingId, trigger: 'manual', instruction: instruction ?? null, requestedBy: s.userId });
  }

  async listForMeeting(meetingId: string): Promise<ContentDto[]> {
    const rows = await this.repo.forMeeting(meetingId);
    return this.toDtos(rows);
  }

  async get(id: string): Promise<ContentDto> {
    const row = await this.repo.getVisible(id, 'Draft');
    return (await this.toDtos([row]))[0];
  }

  async versions(id: string): Promise<ContentVersionDto[]> {
    const row = await this.repo.getVisible(id, 'Draft');
    const versions = await this.repo.versionsOf(row.id);
    return Promise.all(versions.map(async (v) => ({ version: v.version, text: await this.readText(v.textEnc, row.id), change: v.change, actorType: v.actorType, actorUserId: v.actorUserId, actorName: v.actorName, instruction: v.instruction, createdAt: v.createdAt.toISOString() })));
  }

  /** Decrypts a draft; data deleted on a client's request reads as a notice, not an error. */
  private async readText(token: string, contentId: string): Promise<string> {
    try {
      return await this.dataKeys.decrypt(token, contentAad(contentId));
    } catch (err) {
      if (err instanceof DataShreddedError) return SHREDDED_TEXT;
      throw err;
    }
  }

  /** For the privacy export: the drafts of these meetings, decrypted, with their history. */
  async exportForMeetings(meetingIds: string[]): Promise<ContentDto[]> {
    const out: ContentDto[] = [];
    for (const id of meetingIds) out.push(...(await this.toDtos(await this.repo.forMeetingSystem(id))));
    return out;
  }

  /** An edit is a new version; a post is validated again at once (and goes back to review if it had been approved). */
  async edit(id: string, text: string, title: string | undefined, change: 'edited' | 'suggestion_accepted' = 'edited'): Promise<ContentDto> {
    const s = currentScope();
    const row = await this.repo.getVisible(id, 'Draft');
    if (row.advisorId !== s.userId && s.role === 'advisor') throw AppError.notFound('Draft');
    if (row.kind === 'post' && row.platform === 'linkedin' && text.length > 3000) throw AppError.validation(`LinkedIn posts are limited to 3,000 characters; this one has ${text.length}`, [{ field: 'text', messages: ['too long for LinkedIn'] }]);
    const previous = await this.readText(row.textEnc, row.id);
    if (previous === SHREDDED_TEXT) throw AppError.conflict('DATA_DELETED', 'This draft was deleted on request and cannot be edited');
    if (previous === text && (title === undefined || title === row.title)) return this.get(id);
    const evidence = keepEvidence(row.evidence, text);
    await this.dataSource.transaction(async (tx) => {
      const locked = (await tx.getRepository(GeneratedContent).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }))!;
      const version = locked.version + 1;
      const enc = await this.dataKeys.encrypt('meeting', row.meetingId, row.firmId, text, contentAad(id), tx);
      await tx.getRepository(GeneratedContent).update(id, { textEnc: enc, version, evidence, ...(title !== undefined ? { title } : {}) });
      await tx.getRepository(ContentVersion).insert({ firmId: row.firmId, contentId: id, version, textEnc: enc, change, actorType: 'user', actorUserId: s.userId });
      await this.audit.record({ action: change === 'edited' ? 'draft.edited' : 'draft.suggestion_accepted', subjectType: 'content', subjectId: id, data: { kind: row.kind, version, before: sha256(previous), after: sha256(text), lengthBefore: previous.length, lengthAfter: text.length } }, tx);
    });
    if (row.kind === 'post') {
      await this.compliance.submit({ contentId: id, firmId: row.firmId, advisorId: row.advisorId, platform: row.platform!, text, authorType: change === 'edited' ? 'user' : 'suggestion', authorUserId: s.userId, meetingId: row.meetingId });
    }
    await this.realtime.publish({ type: 'post.updated', payload: { contentId: id }, to: { userIds: [row.advisorId] } });
    return this.get(id);
  }

  async acceptSuggestion(id: string): Promise<ContentDto> {
    await this.repo.getVisible(id, 'Draft');
    const review = await this.compliance.latestReview(id);
    const suggestion = review?.decision?.decision === 'changes_requested' ? review.decision.suggestedEdit : null;
    if (!suggestion) throw AppError.conflict('NO_SUGGESTION', 'There is no suggested edit waiting on this post');
    return this.edit(id, suggestion, undefined, 'suggestion_accepted');
  }

  async regenerate(id: string, instruction?: string): Promise<GenerationAcceptedDto> {
    const s = currentScope();
    const row = await this.repo.getVisible(id, 'Draft');
    await this.audit.record({ action: 'draft.regenerate_requested', subjectType: 'content', subjectId: id, data: { instruction: instruction ?? null } });
    return this.enqueue({ meetingId: row.meetingId, trigger: 'regenerate', contentId: id, instruction: instruction ?? null, requestedBy: s.userId });
  }

  private async toDtos(rows: GeneratedContent[]): Promise<ContentDto[]> {
    const [statuses, runs, automations] = await Promise.all([
      this.compliance.statuses(rows.filter((r) => r.kind === 'post').map((r) => r.id)),
      this.repo.runsByIds([...new Set(rows.map((r) => r.runId))]),
      this.repo.automationNames([...new Set(rows.map((r) => r.automationId).filter((x): x is string => Boolean(x)))]),
    ]);
    return Promise.all(rows.map(async (r) => {
      const text = await this.readText(r.textEnc, r.id);
      const run = runs.find((x) => x.id === r.runId);
      const st = statuses.get(r.id);
      return {
        id: r.id,
        meetingId: r.meetingId,
        kind: r.kind,
        platform: r.platform,
        automationId: r.automationId,
        automationName: automations.find((a) => a.id === r.automationId)?.name ?? null,
        title: r.title,
        text,
        hashtags: r.hashtags,
        actionItems: r.actionItems,
        evidence: r.evidence,
        origin: r.origin,
        version: r.version,
        compliance: st ? { status: st.status, riskScore: st.riskScore, categories: st.categories, latestSubmissionId: st.latestSubmissionId } : null,
        generation: {
          runId: r.runId,
          mode: run?.mode ?? null,
          model: run?.model ?? null,
          promptVersion: run?.promptVersion ?? '',
          parameters: run?.parameters ?? {},
          usage: run?.usage ?? {},
          fallbackReason: run?.fallbackReason ?? null,
          createdAt: (run?.createdAt ?? r.createdAt).toISOString(),
        },
        mailto: r.kind === 'email' ? `mailto:?subject=${encodeURIComponent(r.title ?? '')}&body=${encodeURIComponent(text)}` : null,
        updatedAt: r.updatedAt.toISOString(),
      };
    }));
  }
}


/** Evidence survives an edit for every sentence kept word for word. */
function keepEvidence(evidence: EvidenceLink[], text: string): EvidenceLink[] {
  return evidence.filter((e) => text.includes(e.text.trim()));
}
