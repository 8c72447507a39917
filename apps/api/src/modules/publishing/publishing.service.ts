import { sha256 } from '../../infra/crypto/sha256';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { hostname } from 'node:os';
import { DataSource, QueryFailedError } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { registerEncryptedColumn } from '../../infra/crypto/encrypted-columns';
import { EncryptionService } from '../../infra/crypto/encryption.service';
import { AppError } from '../../infra/http/app-error';
import { RealtimeService } from '../../infra/realtime/realtime.service';
import { ProviderError } from '../../infra/resilience/provider-error';
import { ResilienceService } from '../../infra/resilience/resilience.service';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { ProfileService } from '../auth/profile.service';
import { ComplianceService, PublishableVersion } from '../compliance/compliance.service';
import { ConnectionsService } from './connections.service';
import { PublicationDetailDto, PublicationDto, PublicationsQueryDto, PublishRequestDto, ResolveNeedsCheckDto } from './dto/publishing.dto';
import { Publication, PublicationStatus } from './entities/publication.entity';
import { PublishAttempt } from './entities/publish-attempt.entity';
import { SocialAccount } from './entities/social-account.entity';
import { DuplicatePostError, PublishTarget, SocialPublisher } from './providers/social-publisher.port';
import { SocialPublisherRegistry } from './providers/social-publisher.registry';
import { PublishingErrors } from './publishing.errors';
import { PublishingJob, PublishingJobData, PUBLISHING_QUEUE, publishJobId, verifyJobId } from './publishing.jobs';
import { PublishingRepository, PublicationWithAccount } from './publishing.repository';
import { PublishQuota } from './publish-quota';
import { resolveScheduledAt } from './schedule';

registerEncryptedColumn({ table: 'publication_record', idColumn: 'id', column: 'sent_text_enc', aad: { column: 'publication_id', prefix: 'publication:' }, appendOnly: true });

const recordAad = (publicationId: string) => `publication:${publicationId}`;
const WORKER = `${hostname()}:${process.pid}`;
const OPEN: PublicationStatus[] = ['scheduled', 'queued', 'publishing'];

/** What the processor should do after a step: nothing (done), or wait until a time without using an attempt. */
export type StepResult = { done: true } | { delayUntil: number; reason: string };

/** Thrown to make BullMQ retry with backoff (Retry-After honoured through `retryAfterMs`). */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/**
 * Publishes approved posts exactly once. The ledger (publish_attempt) is written before every
 * provider call; a job that finds an attempt whose outcome is unknown never sends again blindly:
 * it looks for the post on the platform, or hands it to a person (needs_check). Accepted posts are
 * read back before they count as published; then the text is archived in books and records.
 */
@Injectable()
export class PublishingService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PublishingService.name);

  constructor(
    private readonly repo: PublishingRepository,
    private readonly connections: ConnectionsService,
    private readonly publishers: SocialPublisherRegistry,
    private readonly compliance: ComplianceService,
    private readonly profiles: ProfileService,
    private readonly quota: PublishQuota,
    private readonly crypto: EncryptionService,
    private readonly resilience: ResilienceService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
    private readonly dataSource: DataSource,
    @InjectQueue(PUBLISHING_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The repeatable maintenance job is registered here, once, by worker processes. */
  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.publishing.connectionCheckSec;
    if (!this.config.runsWorkers) return;
    if (every > 0) await this.queue.upsertJobScheduler('publishing-maintenance', { every: every * 1000 }, { name: PublishingJob.Maintenance, data: {} });
    else await this.queue.removeJobScheduler('publishing-maintenance');
  }

  // ---------- HTTP ----------

  async publish(dto: PublishRequestDto): Promise<PublicationDto> {
    const s = currentScope();
    const account = await this.repo.ownAccount(dto.connectionId);
    if (!account) throw AppError.notFound('Connection');
    if (account.status !== 'active' && account.status !== 'expiring') throw PublishingErrors.connectionNotReady(account.status);
    // The gate: only what Compliance says is approved and unchanged since approval (409 otherwise).
    const version = await this.compliance.publishable(dto.contentId, s.firmId);
    if (version.advisorId !== account.advisorId) throw PublishingErrors.wrongAccount();
    if (version.platform !== account.platform) throw PublishingErrors.platformMismatch(version.platform, account.platform);
    const publisher = this.publishers.get(account.platform);
    const body = publisher.format(version.text);
    if (body.length > publisher.maxLength) throw PublishingErrors.tooLong(account.platform, body.length, publisher.maxLength);
    const scheduledAt = await this.scheduleOf(dto.scheduledAt, account.advisorId);

    const key = `${version.submissionId}:${account.id}`;
    let created: Publication;
    try {
      created = await this.dataSource.transaction(async (tx) => {
        const existing = await this.repo.liveByKey(key, tx);
        if (existing) return existing;
        const p = await this.repo.insertPublication(
          {
            firmId: s.firmId,
            advisorId: account.advisorId,
            socialAccountId: account.id,
            contentId: version.contentId,
            submissionId: version.submissionId,
            version: version.version,
            platform: account.platform,
            idempotencyKey: key,
            status: scheduledAt ? 'scheduled' : 'queued',
            scheduledAt,
            textSha256: version.sha256,
            requestedBy: s.userId,
          },
          tx,
        );
        await this.audit.record(
          {
            action: scheduledAt ? 'publication.scheduled' : 'publication.requested',
            subjectType: 'publication',
            subjectId: p.id,
            data: { contentId: version.contentId, submissionId: version.submissionId, version: version.version, platform: account.platform, accountId: account.id, accountExternalId: account.externalId, scheduledAt: scheduledAt?.toISOString() ?? null, approvedTextSha256: version.sha256 },
          },
          tx,
        );
        return p;
      });
    } catch (err) {
      // Two identical requests at once: the unique idempotency key lets one in; the other gets its result.
      if (!(err instanceof QueryFailedError) || !/publication_idempotency/.test(err.message)) throw err;
      created = (await this.repo.liveByKey(key))!;
    }
    // Posting again after a failure (say, once the account is re-connected) sends the same publication again.
    if (created.status === 'failed') return this.requeue(created);
    await this.enqueue(created);
    await this.pushStatus(created);
    return this.toDto({ ...created, accountName: account.displayName });
  }

  async list(q: PublicationsQueryDto): Promise<{ items: PublicationDto[]; page: { total: number; limit: number; offset: number } }> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const { items, total } = await this.repo.list({ status: q.status, platform: q.platform, contentId: q.contentId, limit, offset });
    return { items: items.map((p) => this.toDto(p)), page: { total, limit, offset } };
  }

  async detail(id: string): Promise<PublicationDetailDto> {
    const p = await this.repo.getVisible(id, 'Publication');
    const [account, attempts, record] = await Promise.all([this.repo.account(p.socialAccountId, p.firmId), this.repo.attemptsOf(p.id), this.repo.record(p.id)]);
    return {
      ...this.toDto({ ...p, accountName: account?.displayName ?? '' }),
      attempts: attempts.map((a) => ({ attemptNo: a.attemptNo, state: a.state, externalId: a.externalId, error: a.error, startedAt: a.startedAt.toISOString(), finishedAt: a.finishedAt?.toISOString() ?? null })),
      archivedText: record ? this.crypto.decrypt(record.sentTextEnc, recordAad(p.id)) : null,
    };
  }

  async cancel(id: string): Promise<PublicationDto> {
    const p = await this.repo.getVisible(id, 'Publication');
    const moved = await this.dataSource.transaction(async (tx) => {
      const ok = await this.repo.transition(p.id, ['scheduled'], { status: 'cancelled' }, tx);
      if (ok) await this.audit.record({ action: 'publication.cancelled', subjectType: 'publication', subjectId: p.id, data: { contentId: p.contentId, scheduledAt: p.scheduledAt?.toISOString() ?? null } }, tx);
      return ok;
    });
    if (!moved) throw PublishingErrors.notCancellable((await this.repo.publication(p.id))?.status ?? p.status);
    // The job may already be running; it reads the cancelled state before any side effect.
    await this.queue.remove(publishJobId(p.submissionId, p.socialAccountId)).catch(() => undefined);
    return this.detailDto(p.id);
  }

  /** Dead letters: publications that failed for good (last attempt used, or a permanent error). */
  async deadLetters(q: PublicationsQueryDto) {
    return this.list({ ...q, status: 'failed' });
  }

  /** An admin sends a dead letter again, through the same gate: it must still be approved and unchanged. */
  async retry(id: string): Promise<PublicationDto> {
    return this.requeue(await this.repo.getVisible(id, 'Publication'));
  }

  private async requeue(p: Publication): Promise<PublicationDto> {
    if (p.status !== 'failed') throw PublishingErrors.notRetryable(p.status);
    const version = await this.compliance.publishable(p.contentId, p.firmId);
    if (version.submissionId !== p.submissionId) throw AppError.conflict('CHANGED_SINCE_APPROVAL', 'A newer version of this post was approved; publish that one instead');
    const account = await this.repo.account(p.socialAccountId, p.firmId);
    if (!account || (account.status !== 'active' && account.status !== 'expiring')) throw PublishingErrors.connectionNotReady(account?.status ?? 'disconnected');
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.repo.transition(p.id, ['failed'], { status: 'queued', lastError: null }, tx))) throw PublishingErrors.notRetryable('changing');
      await this.audit.record({ action: 'publication.retried', subjectType: 'publication', subjectId: p.id, data: { contentId: p.contentId } }, tx);
    });
    const jobId = publishJobId(p.submissionId, p.socialAccountId);
    const job = await this.queue.getJob(jobId);
    if (job && (await job.isFailed())) await job.retry('failed');
    else {
      if (job) await job.remove().catch(() => undefined);
      await this.enqueue({ ...p, status: 'queued', scheduledAt: null });
    }
    const fresh = (await this.repo.publication(p.id))!;
    await this.pushStatus(fresh);
    return this.detailDto(p.id);
  }

  /**
   * A person settles a needs-check publication: "it is on the platform" (we read it back, then
   * record it as published) or "it is not there" (it goes back to the queue, through the gate again).
   */
  async resolve(id: string, dto: ResolveNeedsCheckDto): Promise<PublicationDetailDto> {
    const p = await this.repo.getVisible(id, 'Publication');
    if (p.status !== 'needs_check') throw PublishingErrors.notNeedsCheck(p.status);
    const last = await this.repo.lastAttempt(p.id);
    if (dto.outcome === 'published') {
      const externalId = dto.externalId ?? p.externalId ?? last?.externalId;
      if (!externalId) throw AppError.validation('externalId is required: the id of the post on the platform', [{ field: 'externalId', messages: ['required when we do not know the post'] }]);
      const account = (await this.repo.account(p.socialAccountId, p.firmId))!;
      const publisher = this.publishers.get(p.platform);
      const target = { externalId: account.externalId, accessToken: await this.connections.accessToken(account) };
      const rb = await this.resilience.call(p.platform, (signal) => publisher.readBack(target, externalId, signal), { operation: 'post.read', retries: 1 });
      if (!rb.found) throw PublishingErrors.notOnPlatform(p.platform, externalId, 'not found');
      const approved = await this.compliance.publishable(p.contentId, p.firmId).catch(() => null);
      if (approved && rb.text !== publisher.format(approved.text)) throw PublishingErrors.notOnPlatform(p.platform, externalId, 'its text differs from the approved text');
      await this.dataSource.transaction(async (tx) => {
        if (last && last.state !== 'accepted') await this.repo.updateAttempt(last.id, { state: 'accepted', externalId, finishedAt: last.finishedAt ?? new Date(), error: 'confirmed on the platform by a person' }, tx);
        await this.repo.transition(p.id, ['needs_check'], { status: 'verifying', externalId, liveUrl: rb.liveUrl }, tx);
        await this.audit.record({ action: 'publication.resolved', subjectType: 'publication', subjectId: p.id, data: { outcome: 'published', externalId, reason: p.needsCheckReason } }, tx);
      });
      const fresh = (await this.repo.publication(p.id))!;
      await this.finalize(fresh, account, (await this.repo.lastAttempt(p.id))!, rb.text, rb.liveUrl);
    } else {
      await this.dataSource.transaction(async (tx) => {
        if (last && last.state !== 'failed' && last.state !== 'reconciled')
          await this.repo.updateAttempt(last.id, { state: 'reconciled', finishedAt: last.finishedAt ?? new Date(), error: 'confirmed not on the platform by a person' }, tx);
        if (!(await this.repo.transition(p.id, ['needs_check'], { status: 'queued', needsCheckReason: null, externalId: null, liveUrl: null }, tx))) throw PublishingErrors.notNeedsCheck('changing');
        await this.audit.record({ action: 'publication.resolved', subjectType: 'publication', subjectId: p.id, data: { outcome: 'not_published', reason: p.needsCheckReason } }, tx);
      });
      const job = await this.queue.getJob(publishJobId(p.submissionId, p.socialAccountId));
      if (job) await job.remove().catch(() => undefined);
      await this.enqueue({ ...p, status: 'queued' });
      await this.pushStatus({ ...p, status: 'queued' });
    }
    return this.detail(p.id);
  }

  // ---------- jobs ----------

  /**
   * One step of a publication, resumable from the ledger whatever happened before (a crash, a
   * retry, a duplicate job): send, reconcile an unknown outcome, or verify an accepted post.
   */
  async advance(publicationId: string, opts: { finalAttempt: boolean }): Promise<StepResult> {
    const p = await this.repo.publication(publicationId);
    if (!p) return { done: true };
    if (p.status === 'verifying') return this.verify(p);
    if (!OPEN.includes(p.status)) return { done: true };
    if (p.status === 'scheduled' && p.scheduledAt && p.scheduledAt.getTime() > Date.now() + 1000) return { delayUntil: p.scheduledAt.getTime(), reason: 'scheduled' };

    const account = await this.repo.account(p.socialAccountId, p.firmId);
    if (!account || (account.status !== 'active' && account.status !== 'expiring'))
      return this.fail(p, `The ${p.platform} connection is ${account?.status.replace('_', ' ') ?? 'gone'}; re-connect it and retry`);
    // The server re-checks the gate right before the provider call: an edit after approval stops it here.
    let version: PublishableVersion;
    try {
      version = await this.compliance.publishable(p.contentId, p.firmId);
    } catch (err) {
      if (err instanceof AppError) return this.fail(p, err.message);
      throw err;
    }
    if (version.submissionId !== p.submissionId || version.sha256 !== p.textSha256) return this.fail(p, 'The post changed since this publication was requested; publish the approved version');

    const publisher = this.publishers.get(p.platform);
    const body = publisher.format(version.text);
    let accessToken: string;
    try {
      accessToken = await this.connections.accessToken(account);
    } catch (err) {
      if (!(err instanceof ProviderError) || err.kind !== 'auth_expired') throw err;
      await this.connections.markReconnectRequired(account, err.message);
      return this.fail(p, `${err.message}. Re-connect the account, then retry`);
    }
    const target: PublishTarget = { externalId: account.externalId, accessToken };

    const last = await this.repo.lastAttempt(p.id);
    if (last?.state === 'accepted' && last.externalId) return this.accepted(p, last, last.externalId, publisher.liveUrl(last.externalId), body, target);
    if (last && (last.state === 'sending' || last.state === 'unknown')) {
      const settled = await this.reconcile(p, last, publisher, target, body);
      if (settled) return settled;
    }

    const slot = await this.quota.take(p.platform, p.advisorId);
    if (!slot.ok) return { delayUntil: Date.now() + slot.waitMs, reason: `quota ${slot.limit}` };

    const attempt = await this.dataSource.transaction(async (tx) => {
      const locked = await this.repo.publication(p.id, tx, true);
      if (!locked || !OPEN.includes(locked.status)) return null;
      const current = await this.repo.lastAttempt(p.id, tx);
      if ((current?.id ?? null) !== (last?.id ?? null)) throw new RetryLater('another worker is sending this publication');
      await this.repo.transition(p.id, OPEN, { status: 'publishing' }, tx);
      return this.repo.insertAttempt({ firmId: p.firmId, publicationId: p.id, attemptNo: (last?.attemptNo ?? 0) + 1, state: 'sending', worker: WORKER }, tx);
    });
    if (!attempt) return { done: true };
    await this.pushStatus({ ...p, status: 'publishing' });

    try {
      const created = await this.resilience.call(p.platform, (signal) => publisher.publish(target, body, signal), { operation: 'post.create', retries: 0 });
      return this.accepted(p, attempt, created.externalId, created.liveUrl, body, target);
    } catch (err) {
      return this.afterSendError(p, account, attempt, err, publisher, target, body, opts.finalAttempt);
    }
  }

  /** The platform accepted the post: remember its id first, then read it back. */
  private async accepted(p: Publication, attempt: PublishAttempt, externalId: string, liveUrl: string, body: string, target: PublishTarget): Promise<StepResult> {
    await this.dataSource.transaction(async (tx) => {
      if (attempt.state !== 'accepted') await this.repo.updateAttempt(attempt.id, { state: 'accepted', externalId, finishedAt: new Date() }, tx);
      await this.repo.transition(p.id, ['scheduled', 'queued', 'publishing', 'needs_check'], { status: 'verifying', externalId, liveUrl }, tx);
    });
    const fresh = (await this.repo.publication(p.id))!;
    return this.verify(fresh, { body, target });
  }

  /** Verify, don't trust: published only when the platform shows the post with the text we sent. */
  private async verify(p: Publication, known?: { body: string; target: PublishTarget }): Promise<StepResult> {
    if (p.status !== 'verifying' || !p.externalId) return { done: true };
    const publisher = this.publishers.get(p.platform);
    const account = (await this.repo.account(p.socialAccountId, p.firmId))!;
    const target = known?.target ?? { externalId: account.externalId, accessToken: await this.connections.accessToken(account) };
    const attempt = (await this.repo.lastAttempt(p.id))!;
    const body = known?.body ?? publisher.format((await this.compliance.publishable(p.contentId, p.firmId).catch(() => null))?.text ?? '');
    const rb = await this.resilience.call(p.platform, (signal) => publisher.readBack(target, p.externalId!, signal), { operation: 'post.read', retries: 1 });
    if (rb.found) {
      if (body && rb.text !== body) return this.needsCheck(p, `The post on ${p.platform} does not show the approved text; check it now`);
      await this.finalize(p, account, attempt, body, rb.liveUrl);
      return { done: true };
    }
    const acceptedAt = attempt.finishedAt?.getTime() ?? Date.now();
    if (Date.now() - acceptedAt >= this.config.publishing.verifyGraceSec * 1000)
      return this.needsCheck(p, `${p.platform === 'linkedin' ? 'LinkedIn' : 'Facebook'} accepted the post but it is not visible after ${this.config.publishing.verifyGraceSec} s; check the account`);
    // One verify job per interval slot since acceptance: a re-run of this step never doubles the checks.
    const intervalMs = this.config.publishing.verifyIntervalSec * 1000;
    const slot = Math.floor((Date.now() - acceptedAt) / intervalMs) + 1;
    await this.queue.add(PublishingJob.Verify, { publicationId: p.id, firmId: p.firmId } satisfies PublishingJobData[PublishingJob.Verify], {
      jobId: verifyJobId(p.id, slot),
      delay: Math.max(0, acceptedAt + slot * intervalMs - Date.now()),
      attempts: 5,
    });
    return { done: true };
  }

  private async finalize(p: Publication, account: SocialAccount, attempt: PublishAttempt, body: string, liveUrl: string): Promise<void> {
    const firstUsedAt = attempt.finishedAt ?? new Date();
    const moved = await this.dataSource.transaction(async (tx) => {
      if (!(await this.repo.transition(p.id, ['verifying'], { status: 'published', liveUrl, publishedAt: firstUsedAt, lastError: null, needsCheckReason: null }, tx))) return false;
      await this.repo.insertRecord(
        {
          firmId: p.firmId,
          advisorId: p.advisorId,
          publicationId: p.id,
          contentId: p.contentId,
          submissionId: p.submissionId,
          version: p.version,
          platform: p.platform,
          accountExternalId: account.externalId,
          accountName: account.displayName,
          externalId: p.externalId!,
          liveUrl,
          sentTextEnc: this.crypto.encrypt(body, recordAad(p.id)),
          sentTextSha256: sha256(body),
          approvedTextSha256: p.textSha256,
          firstUsedAt,
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'publication.published',
          subjectType: 'publication',
          subjectId: p.id,
          firmId: p.firmId,
          data: { contentId: p.contentId, submissionId: p.submissionId, version: p.version, platform: p.platform, accountExternalId: account.externalId, externalId: p.externalId, liveUrl, sentTextSha256: sha256(body), approvedTextSha256: p.textSha256, firstUsedAt: firstUsedAt.toISOString(), attempts: attempt.attemptNo },
        },
        tx,
      );
      return true;
    });
    if (moved) await this.pushStatus({ ...p, status: 'published', liveUrl, publishedAt: firstUsedAt });
  }

  /** An attempt whose outcome we do not know: look for the post; never post again blindly. */
  private async reconcile(p: Publication, attempt: PublishAttempt, publisher: SocialPublisher, target: PublishTarget, body: string): Promise<StepResult | null> {
    const since = new Date(attempt.startedAt.getTime() - 60_000);
    const lookup = await this.resilience.call(p.platform, (signal) => publisher.findRecent(target, body, since, signal), { operation: 'post.lookup', retries: 1 });
    if ('found' in lookup) {
      const finishedAt = attempt.finishedAt ?? new Date();
      await this.repo.updateAttempt(attempt.id, { state: 'accepted', externalId: lookup.found.externalId, finishedAt, error: 'outcome was unknown; found on the platform' });
      return this.accepted(p, { ...attempt, state: 'accepted', finishedAt }, lookup.found.externalId, lookup.found.liveUrl, body, target);
    }
    if ('notFound' in lookup) {
      await this.repo.updateAttempt(attempt.id, { state: 'reconciled', finishedAt: new Date(), error: 'not on the platform after an unknown outcome: safe to send again' });
      return null;
    }
    return this.needsCheck(p, `Attempt ${attempt.attemptNo} may have reached ${p.platform} (${attempt.state === 'sending' ? 'the worker stopped during the call' : 'no answer'}) and ${lookup.unsupported}. Check the account, then mark it published or retry`);
  }

  private async afterSendError(p: Publication, account: SocialAccount, attempt: PublishAttempt, err: unknown, publisher: SocialPublisher, target: PublishTarget, body: string, finalAttempt: boolean): Promise<StepResult> {
    const e = err instanceof ProviderError ? err : new ProviderError(p.platform, 'retryable', String(err));
    if (e instanceof DuplicatePostError) {
      if (e.existingId) {
        await this.repo.updateAttempt(attempt.id, { state: 'accepted', externalId: e.existingId, finishedAt: new Date(), error: 'platform reported a duplicate of this post' });
        return this.accepted(p, { ...attempt, state: 'accepted', finishedAt: new Date() }, e.existingId, publisher.liveUrl(e.existingId), body, target);
      }
      await this.repo.updateAttempt(attempt.id, { state: 'unknown', finishedAt: new Date(), error: e.message });
      return (await this.reconcile(p, { ...attempt, state: 'unknown' }, publisher, target, body)) ?? this.needsCheck(p, `${e.message}, but it is not among the Page's recent posts; check the Page`);
    }
    // No answer at all (timeout, dropped connection): the post may exist, or still be on its way.
    // Never resend blindly: the next attempt (after the backoff) reconciles before anything else.
    const ambiguous = e.details.status === undefined && !e.details.breakerOpen;
    if (ambiguous) {
      await this.repo.updateAttempt(attempt.id, { state: 'unknown', finishedAt: new Date(), error: e.message });
      if (finalAttempt) return this.needsCheck(p, `The last attempt got no answer from ${p.platform} (${e.message}); check the account`);
      await this.repo.transition(p.id, ['publishing'], { status: 'queued', lastError: e.message });
      throw new RetryLater(`${e.message}; the next attempt looks for the post first`, e.retryAfterMs);
    }
    // The platform answered with an error: nothing was created.
    await this.repo.updateAttempt(attempt.id, { state: 'failed', finishedAt: new Date(), error: e.message });
    if (e.kind === 'auth_expired') {
      await this.connections.markReconnectRequired(account, e.message);
      return this.fail(p, `${e.message}. Re-connect the account, then retry`);
    }
    if (e.kind === 'permanent') return this.fail(p, e.message);
    if (finalAttempt) return this.fail(p, `Gave up after the last attempt: ${e.message}`);
    await this.repo.transition(p.id, ['publishing'], { status: 'queued', lastError: e.message });
    await this.pushStatus({ ...p, status: 'queued', lastError: e.message });
    throw new RetryLater(e.message, e.retryAfterMs);
  }

  private async fail(p: Publication, reason: string): Promise<StepResult> {
    const moved = await this.dataSource.transaction(async (tx) => {
      if (!(await this.repo.transition(p.id, [...OPEN, 'verifying'], { status: 'failed', lastError: reason }, tx))) return false;
      await this.audit.record({ action: 'publication.failed', subjectType: 'publication', subjectId: p.id, firmId: p.firmId, data: { contentId: p.contentId, platform: p.platform, reason } }, tx);
      return true;
    });
    if (moved) {
      await this.pushStatus({ ...p, status: 'failed', lastError: reason });
      await this.notify(p, 'publication.failed', `Your ${p.platform} post was not published: ${reason}`);
    }
    return { done: true };
  }

  private async needsCheck(p: Publication, reason: string): Promise<StepResult> {
    const moved = await this.dataSource.transaction(async (tx) => {
      if (!(await this.repo.transition(p.id, [...OPEN, 'verifying'], { status: 'needs_check', needsCheckReason: reason }, tx))) return false;
      await this.audit.record({ action: 'publication.needs_check', subjectType: 'publication', subjectId: p.id, firmId: p.firmId, data: { contentId: p.contentId, platform: p.platform, externalId: p.externalId, reason } }, tx);
      return true;
    });
    if (moved) {
      await this.pushStatus({ ...p, status: 'needs_check', needsCheckReason: reason });
      await this.notify(p, 'publication.needs_check', `Check your ${p.platform} post: ${reason}`);
    }
    return { done: true };
  }

  /**
   * The job used its last attempt on an error outside the provider call (database, read-back...).
   * Nothing is left half-done silently: an open attempt goes to a person, the rest to the dead letters.
   */
  async giveUp(publicationId: string, error: unknown): Promise<void> {
    const p = await this.repo.publication(publicationId);
    if (!p) return;
    const reason = `Gave up after the last attempt: ${error instanceof Error ? error.message : String(error)}`;
    const last = await this.repo.lastAttempt(p.id);
    if (p.status === 'verifying' || (last && (last.state === 'sending' || last.state === 'unknown'))) await this.needsCheck(p, reason);
    else await this.fail(p, reason);
  }

  /** Repeatable: token expiries, and publications whose job was lost (crash between commit and enqueue). */
  async maintenance(): Promise<void> {
    await this.connections.checkExpiries();
    for (const p of await this.repo.stalePublications(new Date(Date.now() - 10 * 60_000))) {
      const job = await this.queue.getJob(publishJobId(p.submissionId, p.socialAccountId));
      if (job && ((await job.isCompleted()) || (await job.isFailed()))) await job.remove().catch(() => undefined);
      await this.enqueue(p);
    }
  }

  // ---------- helpers ----------

  private async enqueue(p: Publication): Promise<void> {
    const delay = p.status === 'scheduled' && p.scheduledAt ? Math.max(0, p.scheduledAt.getTime() - Date.now()) : 0;
    await this.queue.add(PublishingJob.Publish, { publicationId: p.id, firmId: p.firmId } satisfies PublishingJobData[PublishingJob.Publish], {
      jobId: publishJobId(p.submissionId, p.socialAccountId),
      delay,
      attempts: this.config.publishing.attempts,
    });
  }

  private async scheduleOf(value: string | undefined, advisorId: string): Promise<Date | null> {
    if (!value) return null;
    const { timeZone } = await this.profiles.notetakerSettings(advisorId);
    const at = resolveScheduledAt(value, timeZone);
    if (Number.isNaN(at.getTime())) throw AppError.validation('scheduledAt is not a valid date-time', [{ field: 'scheduledAt', messages: ['not a valid date-time'] }]);
    if (at.getTime() < Date.now() - 60_000) throw PublishingErrors.scheduleInPast();
    return at.getTime() <= Date.now() + 1_000 ? null : at;
  }

  private async detailDto(id: string): Promise<PublicationDetailDto> {
    return this.detail(id);
  }

  private async pushStatus(p: Pick<Publication, 'id' | 'advisorId' | 'contentId' | 'platform' | 'status'> & Partial<Publication>): Promise<void> {
    await this.realtime.publish({
      type: 'publish.status',
      payload: { publicationId: p.id, contentId: p.contentId, platform: p.platform, status: p.status, liveUrl: p.liveUrl ?? null, error: p.lastError ?? p.needsCheckReason ?? null },
      to: { userIds: [p.advisorId] },
    });
  }

  private async notify(p: Publication, kind: string, message: string): Promise<void> {
    await this.realtime.publish({
      type: 'notification',
      payload: { kind, publicationId: p.id, contentId: p.contentId, message, link: `${this.config.webOrigin}/published?publication=${p.id}`, liveUrl: p.liveUrl ?? null },
      to: { userIds: [p.advisorId] },
    });
  }

  private toDto(p: Publication & { accountName?: string }): PublicationDto {
    return {
      id: p.id,
      contentId: p.contentId,
      version: p.version,
      platform: p.platform,
      connectionId: p.socialAccountId,
      accountName: (p as PublicationWithAccount).accountName ?? '',
      status: p.status,
      scheduledAt: p.scheduledAt?.toISOString() ?? null,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      externalId: p.externalId ?? null,
      liveUrl: p.liveUrl ?? null,
      lastError: p.lastError ?? null,
      needsCheckReason: p.needsCheckReason ?? null,
      createdAt: p.createdAt.toISOString(),
    };
  }
}
