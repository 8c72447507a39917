import { sha256 } from '../../infra/crypto/sha256';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EncryptionService } from '../../infra/crypto/encryption.service';
import { registerEncryptedColumn } from '../../infra/crypto/encrypted-columns';
import { DomainEvents } from '../../infra/events/domain-events';
import { AppError } from '../../infra/http/app-error';
import { RequestContext, Role } from '../../infra/http/request-context';
import { RealtimeService } from '../../infra/realtime/realtime.service';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { ProfileService } from '../auth/profile.service';
import { ComplianceEngine, FirmComplianceSettings, RuleDefinition, ValidationResult } from './compliance-engine';
import { ComplianceRepository, QueueFilter } from './compliance.repository';
import { DecisionDto, ReviewDetailDto, ReviewItemDto, SubmissionDto, ValidateRequestDto } from './dto/compliance.dto';
import { PostSubmission } from './entities/post-submission.entity';
import { DecisionKind, ReviewDecision } from './entities/review-decision.entity';
import { ReviewItem, ReviewStatus } from './entities/review-item.entity';

registerEncryptedColumn({ table: 'review_decision', idColumn: 'id', column: 'suggested_edit_enc', aad: { column: 'content_id', prefix: 'post:' }, appendOnly: true });
registerEncryptedColumn({ table: 'post_submission', idColumn: 'id', column: 'text_enc', aad: { column: 'content_id', prefix: 'post:' }, appendOnly: true });
registerEncryptedColumn({ table: 'post_submission', idColumn: 'id', column: 'validated_text_enc', aad: { column: 'content_id', prefix: 'post:' }, appendOnly: true });

/** How stale firm settings may be for the stateless check (never for stored validations). */
const SETTINGS_CACHE_MS = 10_000;

const aad = (contentId: string) => `post:${contentId}`;

export interface SubmitPostInput {
  contentId: string;
  firmId: string;
  advisorId: string;
  platform: 'linkedin' | 'facebook';
  text: string;
  authorType: PostSubmission['authorType'];
  authorUserId: string | null;
  meetingId?: string | null;
  generation?: Record<string, unknown>;
  /** Names of the meeting's clients and attendees: a post must not identify them. */
  clientNames?: string[];
}

export interface SubmissionOutcome {
  submissionId: string;
  version: number;
  status: ReviewStatus;
  validation: ValidationResult;
}

export interface PublishableVersion {
  contentId: string;
  submissionId: string;
  version: number;
  platform: 'linkedin' | 'facebook';
  advisorId: string;
  firmId: string;
  /** The exact approved text, disclosures included. */
  text: string;
  sha256: string;
}

/**
 * Checks every post at birth and on every edit, keeps the review queue, records every version and
 * decision append-only, and tells Publishing what may go out. Never calls an earlier stage.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly engine: ComplianceEngine,
    private readonly repo: ComplianceRepository,
    private readonly profiles: ProfileService,
    private readonly crypto: EncryptionService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly realtime: RealtimeService,
    private readonly events: DomainEvents,
  ) {
    this.events.on('compliance.settings_changed', ({ firmId }) => this.invalidateSettings(firmId));
  }

  /** Settings the engine uses for an advisor: firm defaults, allowed overrides, the firm's own rules. */
  async engineSettings(advisorId: string, firmId: string): Promise<FirmComplianceSettings> {
    const [eff, rules] = await Promise.all([this.profiles.effectiveCompliance(advisorId), this.repo.activeRules(firmId)]);
    const customRules: RuleDefinition[] = rules.map((r) => ({
      id: r.ruleId,
      category: r.category as RuleDefinition['category'],
      severity: r.severity,
      rationale: r.rationale,
      phrases: r.phrases,
    }));
    return {
      autoApprovalThreshold: eff.autoApprovalThreshold,
      riskTolerance: eff.riskTolerance,
      requiredDisclosures: eff.requiredDisclosures,
      restrictedTopics: eff.restrictedTopics,
      disabledRuleIds: eff.disabledRuleIds,
      facebookInvestmentAlwaysReview: eff.facebookInvestmentAlwaysReview,
      customRules,
    };
  }

  private readonly settingsCache = new Map<string, { at: number; settings: Promise<FirmComplianceSettings> }>();

  /**
   * The live-linting path (every keystroke pause in the editor) reads settings through a short
   * cache; what is stored and what is published is always validated with fresh settings.
   */
  private cachedSettings(userId: string, firmId: string): Promise<FirmComplianceSettings> {
    const key = `${firmId}:${userId}`;
    const hit = this.settingsCache.get(key);
    if (hit && Date.now() - hit.at < SETTINGS_CACHE_MS) return hit.settings;
    const settings = this.engineSettings(userId, firmId);
    settings.catch(() => this.settingsCache.delete(key));
    if (this.settingsCache.size > 5000) this.settingsCache.clear();
    this.settingsCache.set(key, { at: Date.now(), settings });
    return settings;
  }

  /** Firm settings, profile overrides or firm rules changed: the next check reads them fresh. */
  invalidateSettings(firmId: string): void {
    for (const key of this.settingsCache.keys()) if (key.startsWith(`${firmId}:`)) this.settingsCache.delete(key);
  }

  /** Stateless check for integrators and the editor: nothing is stored. */
  async validate(dto: ValidateRequestDto): Promise<ValidationResult> {
    const s = currentScope();
    const firm = await this.cachedSettings(s.userId, s.firmId);
    const result = this.engine.validate({
      content: dto.content,
      platform: dto.platform,
      context: { clientNames: dto.context?.clientNames, restrictedTopics: dto.context?.restrictedTopics, firm },
    });
    RequestContext.markComplianceChecked();
    return result;
  }

  /** Validates a new version of a post, records it, and moves it through the workflow. */
  async submit(input: SubmitPostInput): Promise<SubmissionOutcome> {
    const settings = await this.engineSettings(input.advisorId, input.firmId);
    const validation = this.engine.validate({ content: input.text, platform: input.platform, context: { clientNames: input.clientNames, firm: settings } });
    const { validatedContent, ...stored } = validation;
    const outcome = await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`post:${input.contentId}`]);
      const item = await this.repo.itemForFirm(input.contentId, input.firmId, tx, true);
      const version = (item?.latestVersion ?? 0) + 1;
      const submission = await tx.getRepository(PostSubmission).save(
        tx.getRepository(PostSubmission).create({
          firmId: input.firmId,
          advisorId: input.advisorId,
          contentId: input.contentId,
          version,
          platform: input.platform,
          textEnc: this.crypto.encrypt(input.text, aad(input.contentId)),
          validatedTextEnc: this.crypto.encrypt(validatedContent, aad(input.contentId)),
          validatedTextSha256: sha256(validatedContent),
          authorType: input.authorType,
          authorUserId: input.authorUserId,
          meetingId: input.meetingId ?? null,
          generation: input.generation ?? {},
          validation: stored as unknown as Record<string, unknown>,
          riskScore: validation.riskScore,
          outcome: validation.decision.outcome,
          settings: settings as unknown as Record<string, unknown>,
        }),
      );
      // A change to content a person approved is new content: it needs a person again (FINRA 2210).
      let status: ReviewStatus = validation.decision.outcome === 'blocked' ? 'blocked' : validation.decision.outcome === 'auto_approved' && !item?.everHumanApproved ? 'auto_approved' : 'needs_review';
      const decisions: DecisionKind[] = [];
      if (item && (item.status === 'approved' || item.status === 'auto_approved')) decisions.push('reopened');
      if (status === 'auto_approved') decisions.push('auto_approved');
      if (status === 'blocked') decisions.push('blocked');
      for (const d of decisions) {
        await tx.getRepository(ReviewDecision).insert({
          firmId: input.firmId,
          contentId: input.contentId,
          submissionId: submission.id,
          decision: d,
          reasonCode: d === 'blocked' ? 'critical_flag' : d === 'reopened' ? 'edited_after_approval' : null,
          comment: d === 'auto_approved' ? validation.decision.reason : null,
          approvedTextSha256: d === 'auto_approved' ? submission.validatedTextSha256 : null,
        });
      }
      const next: Partial<ReviewItem> = {
        contentId: input.contentId,
        firmId: input.firmId,
        advisorId: input.advisorId,
        platform: input.platform,
        latestSubmissionId: submission.id,
        latestVersion: version,
        status,
        riskScore: validation.riskScore,
        categories: [...new Set(validation.flags.map((f) => f.category))],
        approvedSubmissionId: status === 'auto_approved' ? submission.id : null,
        everHumanApproved: item?.everHumanApproved ?? false,
      };
      await tx.getRepository(ReviewItem).save(next);
      await this.audit.record(
        {
          action: 'post.validated',
          subjectType: 'post',
          subjectId: input.contentId,
          firmId: input.firmId,
          data: {
            version,
            submissionId: submission.id,
            authorType: input.authorType,
            textSha256: sha256(input.text),
            validatedTextSha256: submission.validatedTextSha256,
            riskScore: validation.riskScore,
            outcome: validation.decision.outcome,
            status,
            flags: validation.flags.map((f) => ({ category: f.category, severity: f.severity, ruleId: f.ruleId, start: f.start, end: f.end })),
            disclaimers: validation.injectedDisclaimers.map((d) => d.id),
            engineVersion: validation.engineVersion,
            rulePackVersions: validation.rulePackVersions,
            generation: input.generation ?? {},
          },
        },
        tx,
      );
      status = next.status as ReviewStatus;
      return { submissionId: submission.id, version, status };
    });
    await this.afterChange(input.contentId, input.firmId, input.advisorId, outcome.status, outcome.submissionId);
    return { ...outcome, validation };
  }

  async queue(filter: QueueFilter): Promise<{ items: ReviewItemDto[]; page: { total: number; limit: number; offset: number } }> {
    // Each item's latest text comes with the page (one query, only the column the preview needs).
    const { items, total } = await this.repo.queue(filter);
    const withPreview = await Promise.all(items.map(async (i) => this.toItemDto(i, i.advisorName, i.latestTextEnc)));
    return { items: withPreview, page: { total, limit: filter.limit, offset: filter.offset } };
  }

  async detail(contentId: string): Promise<ReviewDetailDto> {
    const item = await this.repo.visibleItem(contentId);
    if (!item) throw AppError.notFound('Post');
    const [versions, decisions] = await Promise.all([this.repo.versions(contentId, item.firmId), this.repo.decisionsFor(contentId, item.firmId)]);
    const versionDtos = versions.map((v) => this.toSubmissionDto(v));
    return {
      item: await this.toItemDto(item, ''),
      latest: versionDtos[0],
      versions: versionDtos,
      decisions: decisions.map((d) => this.toDecisionDto(d, d.reviewerName)),
    };
  }

  /** Review state of posts, for the Content module's lists and pages. */
  async statuses(contentIds: string[]): Promise<Map<string, { status: ReviewStatus; riskScore: number; latestSubmissionId: string; categories: string[] }>> {
    const items = await this.repo.statusesFor(contentIds);
    return new Map(items.map((i) => [i.contentId, { status: i.status, riskScore: i.riskScore, latestSubmissionId: i.latestSubmissionId, categories: i.categories }]));
  }

  /** For Content's resumable drafting: the last version of each post compliance has recorded (system context). */
  async submittedVersions(contentIds: string[], firmId: string): Promise<Map<string, number>> {
    const items = await this.repo.itemsForFirm(contentIds, firmId);
    return new Map(items.map((i) => [i.contentId, i.latestVersion]));
  }

  /** The latest validation of a post and the reviewer's latest word (with a suggested edit, if any). */
  async latestReview(contentId: string): Promise<{ submission: SubmissionDto; decision: DecisionDto | null; status: ReviewStatus } | null> {
    const item = await this.repo.visibleItem(contentId);
    if (!item) return null;
    const submission = await this.repo.submission(item.latestSubmissionId);
    const decision = await this.repo.latestDecision(contentId, item.firmId);
    return { submission: this.toSubmissionDto(submission!), decision: decision ? this.toDecisionDto(decision, null) : null, status: item.status };
  }

  async approve(contentId: string, submissionId: string, comment?: string): Promise<ReviewDetailDto> {
    await this.decide(contentId, submissionId, 'approved', { comment });
    return this.detail(contentId);
  }

  async requestChanges(contentId: string, submissionId: string, reasonCode: string, comment: string, suggestedEdit?: string): Promise<ReviewDetailDto> {
    await this.decide(contentId, submissionId, 'changes_requested', { reasonCode, comment, suggestedEdit });
    return this.detail(contentId);
  }

  async reject(contentId: string, submissionId: string, reasonCode: string, comment: string): Promise<ReviewDetailDto> {
    await this.decide(contentId, submissionId, 'rejected', { reasonCode, comment });
    return this.detail(contentId);
  }

  private async decide(contentId: string, submissionId: string, decision: 'approved' | 'changes_requested' | 'rejected', opts: { reasonCode?: string; comment?: string; suggestedEdit?: string }): Promise<void> {
    const s = currentScope();
    const visible = await this.repo.visibleItem(contentId);
    if (!visible) throw AppError.notFound('Post');
    const result = await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`post:${contentId}`]);
      const item = (await this.repo.itemForFirm(contentId, s.firmId, tx, true))!;
      const submission = (await this.repo.submission(item.latestSubmissionId, tx))!;
      if (item.latestSubmissionId !== submissionId)
        throw AppError.conflict('STALE_VERSION', `The post changed (now version ${item.latestVersion}) since you opened it; review the current version`);
      if (item.advisorId === s.userId || submission.authorUserId === s.userId)
        throw new AppError('SELF_APPROVAL', 'You cannot review your own post; another principal must decide', HttpStatus.FORBIDDEN);
      if (decision === 'approved') {
        const critical = ((submission.validation.flags as { severity: string }[]) ?? []).some((f) => f.severity === 'critical');
        if (item.status === 'blocked' || critical)
          throw AppError.conflict('BLOCKED_BY_CRITICAL_FLAG', 'A critical flag blocks this post whoever approves; request changes instead');
        if (item.status === 'approved') return { item, changed: false };
      }
      if (item.status === 'rejected') throw AppError.conflict('ALREADY_REJECTED', 'This post was rejected; the advisor must write a new version');
      await tx.getRepository(ReviewDecision).insert({
        firmId: s.firmId,
        contentId,
        submissionId,
        decision,
        reviewerId: s.userId,
        reviewerRole: s.role,
        reasonCode: opts.reasonCode ?? null,
        comment: opts.comment ?? null,
        suggestedEditEnc: opts.suggestedEdit ? this.crypto.encrypt(opts.suggestedEdit, aad(contentId)) : null,
        approvedTextSha256: decision === 'approved' ? submission.validatedTextSha256 : null,
      });
      const status: ReviewStatus = decision;
      await tx.getRepository(ReviewItem).update(
        { contentId },
        { status, approvedSubmissionId: decision === 'approved' ? submission.id : null, everHumanApproved: item.everHumanApproved || decision === 'approved' },
      );
      await this.audit.record(
        {
          action: `post.${decision}`,
          subjectType: 'post',
          subjectId: contentId,
          data: { version: submission.version, submissionId, reviewerRole: s.role, reasonCode: opts.reasonCode ?? null, comment: opts.comment ?? null, approvedTextSha256: decision === 'approved' ? submission.validatedTextSha256 : null, suggestedEdit: Boolean(opts.suggestedEdit) },
        },
        tx,
      );
      return { item: { ...item, status }, changed: true };
    });
    if (result.changed) await this.afterChange(contentId, visible.firmId, visible.advisorId, result.item.status, submissionId);
  }

  /**
   * For Publishing: the exact approved text, only when the latest version is the approved one and
   * every locked disclosure is still in it. Otherwise a 409 that says why.
   */
  async publishable(contentId: string, firmId: string): Promise<PublishableVersion> {
    const item = await this.repo.itemForFirm(contentId, firmId);
    if (!item) throw AppError.notFound('Post');
    if (item.status !== 'approved' && item.status !== 'auto_approved')
      throw AppError.conflict('NOT_APPROVED', `This post is ${item.status.replace('_', ' ')}; only approved posts can be published`);
    if (!item.approvedSubmissionId || item.approvedSubmissionId !== item.latestSubmissionId)
      throw AppError.conflict('CHANGED_SINCE_APPROVAL', 'This post was edited after approval; it must be approved again');
    const submission = (await this.repo.submission(item.approvedSubmissionId))!;
    const text = this.crypto.decrypt(submission.validatedTextEnc, aad(contentId));
    if (sha256(text) !== submission.validatedTextSha256) throw AppError.conflict('INTEGRITY', 'The approved text does not match its record; publishing refused');
    const locked = this.engine.lockedDisclosuresPresent(text, { requiredDisclosures: (submission.settings.requiredDisclosures as string[]) ?? [] });
    if (!locked.ok) throw AppError.conflict('LOCKED_DISCLOSURE_MISSING', `A required disclosure is missing: ${locked.missing[0]}`);
    return { contentId, submissionId: submission.id, version: submission.version, platform: submission.platform, advisorId: item.advisorId, firmId, text, sha256: submission.validatedTextSha256 };
  }

  private async afterChange(contentId: string, firmId: string, advisorId: string, status: ReviewStatus, submissionId: string): Promise<void> {
    const payload = { contentId, status };
    await this.realtime.publish({ type: 'review.updated', payload, to: { firmId, roles: ['compliance_officer', 'admin'] as Role[] } });
    await this.realtime.publish({ type: 'post.updated', payload, to: { userIds: [advisorId] } });
    if (status === 'approved' || status === 'auto_approved') this.events.emit('post.approved', { contentId, versionId: submissionId, firmId, advisorId });
  }

  /** `latestTextEnc`: the latest submission's text when already read (null: none), else it is read here. */
  private async toItemDto(i: ReviewItem, advisorName: string, latestTextEnc?: string | null): Promise<ReviewItemDto> {
    const textEnc = latestTextEnc !== undefined ? latestTextEnc : ((await this.repo.submission(i.latestSubmissionId))?.textEnc ?? null);
    const text = textEnc ? this.crypto.decrypt(textEnc, aad(i.contentId)) : '';
    return {
      contentId: i.contentId,
      advisorId: i.advisorId,
      advisorName,
      platform: i.platform,
      status: i.status,
      riskScore: i.riskScore,
      categories: i.categories,
      latestVersion: i.latestVersion,
      latestSubmissionId: i.latestSubmissionId,
      preview: text.slice(0, 280),
      updatedAt: i.updatedAt.toISOString(),
    };
  }

  private toSubmissionDto(v: PostSubmission): SubmissionDto {
    const validatedText = this.crypto.decrypt(v.validatedTextEnc, aad(v.contentId));
    return {
      id: v.id,
      version: v.version,
      authorType: v.authorType,
      authorUserId: v.authorUserId,
      text: this.crypto.decrypt(v.textEnc, aad(v.contentId)),
      validatedText,
      validatedTextSha256: v.validatedTextSha256,
      validation: { ...(v.validation as unknown as ValidationResult), validatedContent: validatedText },
      createdAt: v.createdAt.toISOString(),
    };
  }

  private toDecisionDto(d: ReviewDecision, reviewerName: string | null): DecisionDto {
    return {
      id: d.id,
      submissionId: d.submissionId,
      decision: d.decision,
      reviewerId: d.reviewerId,
      reviewerName,
      reviewerRole: d.reviewerRole,
      reasonCode: d.reasonCode,
      comment: d.comment,
      suggestedEdit: d.suggestedEditEnc ? this.crypto.decrypt(d.suggestedEditEnc, aad(d.contentId)) : null,
      approvedTextSha256: d.approvedTextSha256,
      createdAt: d.createdAt.toISOString(),
    };
  }

  /** For the records export: the decrypted text of a stored version. */
  textsOf(s: PostSubmission): { text: string; validatedText: string } {
    return { text: this.crypto.decrypt(s.textEnc, aad(s.contentId)), validatedText: this.crypto.decrypt(s.validatedTextEnc, aad(s.contentId)) };
  }

}
