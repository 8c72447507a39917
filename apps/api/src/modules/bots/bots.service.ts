import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { RealtimeService } from '../../infra/realtime/realtime.service';
import { ProviderError } from '../../infra/resilience/provider-error';
import { LimitSpec, RateLimited, RateLimitService } from '../../infra/resilience/rate-limit.service';
import { AuditService } from '../audit/audit.service';
import { ProfileService } from '../auth/profile.service';
import { MeetingForBot, MeetingsService } from '../meetings/meetings.service';
import { BotsRepository } from './bots.repository';
import { BotBusy, BotCreationDeferred, BotsErrors } from './bots.errors';
import { BOTS_QUEUE, BotsJob, BotsJobPayloads, reconcileJobId, syncJobId, transcriptJobId } from './bots.jobs';
import { BotDto, BotRequestDto } from './dto/bots.dto';
import { BotStatusChange, NotetakerProvider } from './providers/notetaker.port';
import { BotState, RecallBot } from './recall-bot.entity';
import { RecallBotStatus } from './recall-bot-status.entity';

const CLAIM_MS = 60_000;
/** Poll bots from a little before they join: waiting rooms need an answer while there is time. */
const POLL_LEAD_MS = 10 * 60_000;
/** Bots that joined more than two days ago are no longer polled (Recall keeps media 7 days). */
const POLL_GIVE_UP_MS = 2 * 86_400_000;
const WAITING_ROOM_CODES = new Set(['in_waiting_room']);
const REFUSED_SUBCODES = new Set(['bot_kicked_from_waiting_room', 'timeout_exceeded_waiting_room', 'bot_kicked_from_call', 'recording_permission_denied']);
const ACTIVE_CODES = new Set(['joining_call', 'in_waiting_room', 'in_call_not_recording', 'in_call_recording', 'recording_permission_allowed', 'recording_permission_denied']);

export type ReconcileOutcome = 'created' | 'rescheduled' | 'removed' | 'unchanged' | 'busy' | 'gone' | 'failed';

/** Bots: one Recall.ai notetaker per meeting that wants one, its status timeline, and the transcript when it is done. */

/** How far ahead of a meeting its bot is created. */
const CREATE_HORIZON_MS = 24 * 3600_000;
@Injectable()
export class BotsService {
  private readonly logger = new Logger(BotsService.name);

  constructor(
    private readonly repo: BotsRepository,
    private readonly notetaker: NotetakerProvider,
    private readonly meetings: MeetingsService,
    private readonly profiles: ProfileService,
    private readonly rateLimit: RateLimitService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
    @InjectQueue(BOTS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get createLimit(): LimitSpec {
    return { name: 'recall:bot-create', points: this.config.bots.perAdvisorPerHour, durationSec: 3600 };
  }

  // ---------- queueing ----------

  enqueueReconcile(meetingId: string, version: number, opts: { revive?: boolean } = {}): Promise<unknown> {
    const data: BotsJobPayloads[BotsJob.Reconcile] = { meetingId, version };
    return this.addOrRevive(BotsJob.Reconcile, data, reconcileJobId(meetingId, version), opts.revive ?? false);
  }

  private enqueueTranscript(botId: string): Promise<unknown> {
    const data: BotsJobPayloads[BotsJob.FetchTranscript] = { botId };
    return this.addOrRevive(BotsJob.FetchTranscript, data, transcriptJobId(botId), true);
  }

  /** Deterministic ids make adds idempotent; a job that used up its attempts (a long outage) is retried, not twinned. */
  private async addOrRevive<K extends BotsJob>(name: K, data: BotsJobPayloads[K], jobId: string, revive: boolean): Promise<unknown> {
    if (revive) {
      const existing = await this.queue.getJob(jobId);
      if (existing && (await existing.isFailed())) return existing.retry('failed');
    }
    return this.queue.add(name, data, { jobId });
  }

  private enqueueSync(botId: string): Promise<unknown> {
    const data: BotsJobPayloads[BotsJob.Sync] = { botId };
    return this.queue.add(BotsJob.Sync, data, { jobId: syncJobId(botId), removeOnComplete: true, removeOnFail: true, attempts: 1 });
  }

  // ---------- HTTP: /api/recall/bots ----------

  async list(opts: { limit?: number; offset?: number; meetingId?: string }): Promise<{ items: BotDto[]; page: { total: number; limit: number; offset: number } }> {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
    const offset = Math.max(opts.offset ?? 0, 0);
    const [rows, total] = await this.repo.getPageForScope({ limit, offset, meetingId: opts.meetingId });
    return { items: await this.toResponses(rows), page: { total, limit, offset } };
  }

  /** POST /api/recall/bots: turn the meeting's notetaker on and reconcile now (queued). */
  async request(meetingId: string): Promise<BotRequestDto> {
    const meeting = await this.meetings.setNotetakerFromBots(meetingId, true);
    const m = await this.meetings.getForBot(meeting.id);
    await this.enqueueReconcile(m!.id, m!.version);
    const { remaining, resetMs } = await this.rateLimit.remaining(this.createLimit, m!.advisorId);
    const bot = await this.repo.getLiveForMeeting(m!.id);
    const notice =
      remaining <= 0 && (!bot || bot.state === 'pending')
        ? `You have scheduled ${this.createLimit.points} notetakers in the last hour, the most allowed. This one will be created automatically at ${new Date(Date.now() + resetMs).toISOString()}; nothing else to do.`
        : null;
    return { meetingId: m!.id, bot: bot ? (await this.toResponses([bot]))[0] : null, notice };
  }

  /** DELETE /api/recall/bots/:id: turn the meeting's notetaker off; the reconcile job removes the bot at Recall. */
  async remove(id: string): Promise<BotDto> {
    const bot = await this.repo.findVisible(id);
    if (!bot) throw BotsErrors.notFound();
    await this.meetings.setNotetakerFromBots(bot.meetingId, false);
    return (await this.toResponses([(await this.repo.getById(bot.id))!]))[0];
  }

  // ---------- reconcile: make Recall match the meeting ----------

  async reconcile(meetingId: string): Promise<ReconcileOutcome> {
    const meeting = await this.meetings.getForBot(meetingId);
    if (!meeting) return 'gone';
    const group = await this.meetings.sameMeetingGroup(meetingId);
    const consentRequired = await this.meetings.consentRequired(meeting.advisorId);
    const now = Date.now();
    const wants = (m: MeetingForBot) => m.status !== 'cancelled' && m.notetakerEnabled && Boolean(m.meetingUrl) && m.endsAt.getTime() > now && !(consentRequired && m.doNotRecord);
    // One bot for the meeting however many calendars it sits in: the oldest copy that wants one owns it.
    const owner = group.filter(wants).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0] ?? null;
    let bot = await this.repo.getLiveForMeeting(meeting.id);

    if (!owner || owner.id !== meeting.id) {
      if (bot && owner && bot.dedupeKey === owner.dedupeKey) {
        await this.repo.update(bot.id, { meetingId: owner.id });
        await this.meetings.setBotStatus(group.map((g) => g.id), bot.statusCode ?? bot.state, null);
        return 'unchanged';
      }
      if (owner) {
        await this.enqueueReconcile(owner.id, owner.version);
        // This copy shows the bot of the copy that owns it.
        const ownerBot = await this.repo.getLiveForMeeting(owner.id);
        if (!bot && ownerBot) await this.meetings.setBotStatus([meeting.id], displayStatus(ownerBot), null, meeting.advisorId);
      }
      if (!bot) return 'unchanged';
      return this.removeBot(bot, meeting, meeting.status === 'cancelled' ? 'meeting_cancelled' : meeting.notetakerEnabled ? 'not_wanted' : 'notetaker_off');
    }

    const settings = await this.profiles.notetakerSettings(meeting.advisorId);
    const joinAt = new Date(meeting.startsAt.getTime() - settings.joinMinutesBefore * 60_000);
    const dedupeKey = meeting.dedupeKey!;
    // Bots are created a day ahead (Recall only needs 10 minutes), so the hourly creation limit
    // goes to the meetings that come first; the sweep creates the rest as they come within reach.
    if (!bot && this.config.bots.pollIntervalSec > 0 && meeting.startsAt.getTime() - now > CREATE_HORIZON_MS && !(await this.repo.getLiveByDedupeKey(dedupeKey))) {
      const at = new Date(meeting.startsAt.getTime() - CREATE_HORIZON_MS);
      await this.meetings.setBotStatus(group.map((g) => g.id), 'planned', `The notetaker will be booked on ${at.toISOString()}, a day before the meeting.`);
      return 'unchanged';
    }
    if (!bot) {
      const holder = await this.repo.getLiveByDedupeKey(dedupeKey);
      if (holder) {
        await this.repo.update(holder.id, { meetingId: meeting.id });
        bot = (await this.repo.getById(holder.id))!;
      }
    }
    if (!bot) {
      bot =
        (await this.repo.insertPendingIfAbsent({
          firmId: meeting.firmId,
          advisorId: meeting.advisorId,
          meetingId: meeting.id,
          dedupeKey,
          meetingUrl: meeting.meetingUrl!,
          joinAt,
          idempotencyKey: randomUUID(),
          chatAnnounced: this.config.bots.announceRecording,
        })) ??
        (await this.repo.getLiveForMeeting(meeting.id)) ??
        (await this.repo.getLiveByDedupeKey(dedupeKey));
      if (!bot) return 'busy';
      if (bot.state === 'pending' && !bot.externalId)
        await this.audit.record({ action: 'bot.requested', subjectType: 'recall_bot', subjectId: bot.id, firmId: bot.firmId, data: { meetingId: meeting.id, joinAt: joinAt.toISOString() } });
    }
    if (bot.state === 'pending') return this.createAtRecall(bot, meeting, group, joinAt, dedupeKey);
    if (bot.state === 'scheduled' && (bot.joinAt.getTime() !== joinAt.getTime() || bot.meetingUrl !== meeting.meetingUrl))
      return this.reschedule(bot, meeting, group, joinAt, dedupeKey);
    return 'unchanged';
  }

  private async createAtRecall(bot: RecallBot, meeting: MeetingForBot, group: MeetingForBot[], joinAt: Date, dedupeKey: string): Promise<ReconcileOutcome> {
    const claimed = await this.repo.claim(bot.id, CLAIM_MS);
    if (!claimed) throw new BotBusy();
    if (claimed.state !== 'pending') {
      await this.repo.update(bot.id, { claimedUntil: null });
      return 'unchanged';
    }
    const groupIds = group.map((g) => g.id);
    try {
      await this.rateLimit.take(this.createLimit, meeting.advisorId);
    } catch (err) {
      if (!(err instanceof RateLimited)) {
        await this.repo.update(bot.id, { claimedUntil: null });
        throw err;
      }
      // A refused take still counts in the limiter; give it back so waiting does not push the window.
      await this.rateLimit.refund(this.createLimit, meeting.advisorId).catch(() => undefined);
      const until = new Date(Date.now() + err.retryAfterMs);
      await this.repo.update(bot.id, { claimedUntil: null, waitingUntil: until });
      await this.meetings.setBotStatus(
        groupIds,
        'waiting_rate_limit',
        `Hourly limit of ${this.createLimit.points} notetakers reached; this one will be scheduled automatically at ${until.toISOString()}.`,
        meeting.advisorId,
      );
      throw new BotCreationDeferred(err.retryAfterMs);
    }
    const profile = await this.profiles.get(meeting.advisorId);
    const advisor = profile.name || 'Your advisor';
    const announcement = claimed.chatAnnounced
      ? `Hi, this is ${advisor}'s notetaker. This meeting is being recorded and transcribed for ${advisor}'s notes. If you prefer not to be recorded, please say so now.`
      : null;
    const effectiveJoin = joinAt.getTime() - Date.now() > 60_000 ? joinAt : null;
    try {
      const created = await this.notetaker.createBot(
        { meetingUrl: meeting.meetingUrl!, botName: `${advisor}'s Notetaker`, joinAt: effectiveJoin, metadata: { meeting_id: meeting.id, firm_id: meeting.firmId }, announcement },
        claimed.idempotencyKey,
      );
      await this.repo.transaction(async (tx) => {
        await this.repo.update(bot.id, { externalId: created.id, state: 'scheduled', joinAt, meetingUrl: meeting.meetingUrl!, dedupeKey, claimedUntil: null, waitingUntil: null, lastError: null }, tx);
        await this.audit.record({ action: 'bot.created', subjectType: 'recall_bot', subjectId: bot.id, firmId: bot.firmId, data: { meetingId: meeting.id, externalId: created.id, joinAt: joinAt.toISOString(), chatAnnounced: claimed.chatAnnounced } }, tx);
      });
      await this.meetings.setBotStatus(groupIds, 'scheduled', `Joins at ${joinAt.toISOString()}`, meeting.advisorId);
      await this.realtime.publish({ type: 'bot.status', payload: { botId: bot.id, meetingId: meeting.id, state: 'scheduled', code: null }, to: { userIds: [meeting.advisorId] } });
      return 'created';
    } catch (err) {
      await this.rateLimit.refund(this.createLimit, meeting.advisorId).catch(() => undefined);
      const e = err instanceof ProviderError ? err : new ProviderError('recall', 'retryable', String(err));
      if (e.kind === 'permanent' || e.kind === 'auth_expired') {
        await this.repo.update(bot.id, { state: 'failed', claimedUntil: null, lastError: e.message.slice(0, 500) });
        await this.audit.record({ action: 'bot.failed', subjectType: 'recall_bot', subjectId: bot.id, firmId: bot.firmId, data: { meetingId: meeting.id, error: e.message.slice(0, 300) } });
        await this.meetings.setBotStatus(groupIds, 'failed', `The notetaker could not be scheduled: ${e.message}`, meeting.advisorId);
        await this.realtime.publish({ type: 'bot.alert', payload: { botId: bot.id, meetingId: meeting.id, level: 'error', message: `The notetaker for "${meeting.title}" could not be scheduled.` }, to: { userIds: [meeting.advisorId] } });
        if (e.kind === 'auth_expired') throw e;
        return 'failed';
      }
      // Recall is down, slow or the breaker is open: keep the pending row; the job retries with backoff.
      // A 507 asks for a new idempotency key on the next try (§2.1).
      await this.repo.update(bot.id, { claimedUntil: null, lastError: e.message.slice(0, 500), ...(e.details.status === 507 ? { idempotencyKey: randomUUID() } : {}) });
      await this.meetings.setBotStatus(groupIds, 'retrying', 'Recall.ai is not reachable right now; the notetaker will be scheduled automatically when it recovers.', meeting.advisorId);
      throw e;
    }
  }

  private async reschedule(bot: RecallBot, meeting: MeetingForBot, group: MeetingForBot[], joinAt: Date, dedupeKey: string): Promise<ReconcileOutcome> {
    const claimed = await this.repo.claim(bot.id, CLAIM_MS);
    if (!claimed) throw new BotBusy();
    try {
      await this.notetaker.rescheduleBot(claimed.externalId!, { joinAt: joinAt.getTime() - Date.now() > 60_000 ? joinAt : null, meetingUrl: meeting.meetingUrl! }, randomUUID());
      await this.repo.transaction(async (tx) => {
        await this.repo.update(bot.id, { joinAt, meetingUrl: meeting.meetingUrl!, dedupeKey, claimedUntil: null, lastError: null }, tx);
        await this.audit.record({ action: 'bot.rescheduled', subjectType: 'recall_bot', subjectId: bot.id, firmId: bot.firmId, data: { meetingId: meeting.id, from: bot.joinAt.toISOString(), to: joinAt.toISOString() } }, tx);
      });
      await this.meetings.setBotStatus(group.map((g) => g.id), 'scheduled', `Joins at ${joinAt.toISOString()}`, meeting.advisorId);
      return 'rescheduled';
    } catch (err) {
      if (err instanceof ProviderError && err.kind === 'permanent') {
        // Too late to move it (or it is gone at Recall): replace it with a new bot.
        await this.repo.update(bot.id, { claimedUntil: null });
        await this.removeBot((await this.repo.getById(bot.id))!, meeting, 'replaced');
        const fresh = await this.repo.insertPendingIfAbsent({
          firmId: meeting.firmId,
          advisorId: meeting.advisorId,
          meetingId: meeting.id,
          dedupeKey,
          meetingUrl: meeting.meetingUrl!,
          joinAt,
          idempotencyKey: randomUUID(),
          chatAnnounced: this.config.bots.announceRecording,
        });
        if (!fresh) return 'busy';
        return this.createAtRecall(fresh, meeting, group, joinAt, dedupeKey);
      }
      await this.repo.update(bot.id, { claimedUntil: null, lastError: (err as Error).message.slice(0, 500) });
      throw err;
    }
  }

  private async removeBot(bot: RecallBot, meeting: MeetingForBot, reason: string): Promise<ReconcileOutcome> {
    const claimed = await this.repo.claim(bot.id, CLAIM_MS);
    if (!claimed) throw new BotBusy();
    try {
      if (claimed.externalId && ['scheduled', 'active', 'pending'].includes(claimed.state)) {
        const result = await this.notetaker.deleteBot(claimed.externalId);
        if (result === 'dispatched') await this.notetaker.leaveCall(claimed.externalId);
      }
      await this.repo.transaction(async (tx) => {
        await this.repo.update(bot.id, { state: 'cancelled', claimedUntil: null }, tx);
        await this.audit.record({ action: 'bot.cancelled', subjectType: 'recall_bot', subjectId: bot.id, firmId: bot.firmId, data: { meetingId: meeting.id, reason, externalId: claimed.externalId } }, tx);
      });
      if (reason !== 'replaced') await this.meetings.setBotStatus([meeting.id], 'cancelled', null, meeting.advisorId);
      return 'removed';
    } catch (err) {
      await this.repo.update(bot.id, { claimedUntil: null, lastError: (err as Error).message.slice(0, 500) });
      throw err;
    }
  }

  // ---------- status timeline (webhooks and polling) ----------

  /**
   * Adds status changes to a bot's timeline (duplicates ignored) and moves its state to what the
   * latest change by time says, so late or reordered events never move it backwards.
   */
  async recordStatuses(tx: EntityManager, botId: string, changes: BotStatusChange[], source: RecallBotStatus['source']): Promise<{ bot: RecallBot; added: BotStatusChange[] }> {
    const bot = (await this.repo.lockById(tx, botId))!;
    const added: BotStatusChange[] = [];
    for (const c of changes) {
      if (await this.repo.addStatus(tx, { botId, firmId: bot.firmId, code: c.code, subCode: c.subCode, message: c.message, occurredAt: c.at, source })) added.push(c);
    }
    const latest = await this.repo.latestStatus(tx, botId);
    if (latest) {
      const patch: Partial<RecallBot> = { statusCode: latest.code, statusSubCode: latest.subCode, statusAt: latest.occurredAt };
      const next = stateFor(latest.code);
      if (next && !['cancelled', 'completed'].includes(bot.state) && !(bot.state === 'failed' && next !== 'failed')) patch.state = next;
      await this.repo.update(botId, patch, tx);
      Object.assign(bot, patch);
    }
    for (const c of added) {
      if (['in_call_recording', 'call_ended', 'done', 'fatal'].includes(c.code))
        await this.audit.record({ action: `bot.${c.code}`, subjectType: 'recall_bot', subjectId: botId, firmId: bot.firmId, actor: { type: 'system', id: 'recall' }, data: { subCode: c.subCode, at: c.at.toISOString(), source } }, tx);
    }
    return { bot, added };
  }

  /** After the timeline commit: tell the advisor, mirror the status on the meeting, fetch the transcript when done. */
  async afterStatuses(bot: RecallBot, added: BotStatusChange[], transcriptReady = false): Promise<void> {
    const meeting = await this.meetings.getForBot(bot.meetingId);
    if (!meeting) return;
    // Once the transcript is handled, the meeting keeps the final word ("Transcript ready", "Nothing was recorded").
    if (added.length && bot.state !== 'completed') {
      const group = await this.meetings.sameMeetingGroup(meeting.id);
      await this.meetings.setBotStatus(group.map((g) => g.id), bot.state === 'cancelled' ? 'cancelled' : (bot.statusCode ?? bot.state), bot.statusSubCode, meeting.advisorId);
    }
    for (const c of added) {
      await this.realtime.publish({ type: 'bot.status', payload: { botId: bot.id, meetingId: meeting.id, code: c.code, subCode: c.subCode, at: c.at.toISOString() }, to: { userIds: [meeting.advisorId] } });
      if (WAITING_ROOM_CODES.has(c.code))
        await this.realtime.publish({
          type: 'bot.alert',
          payload: { botId: bot.id, meetingId: meeting.id, level: 'warning', code: c.code, message: `Your notetaker is waiting to be admitted to "${meeting.title}". Admit it from the meeting's waiting room.` },
          to: { userIds: [meeting.advisorId] },
        });
      else if (c.code === 'fatal' || (c.subCode && REFUSED_SUBCODES.has(c.subCode)) || c.code === 'recording_permission_denied')
        await this.realtime.publish({
          type: 'bot.alert',
          payload: { botId: bot.id, meetingId: meeting.id, level: 'error', code: c.code, subCode: c.subCode, message: `Your notetaker could not record "${meeting.title}" (${c.subCode ?? c.code}).` },
          to: { userIds: [meeting.advisorId] },
        });
    }
    const done = bot.statusCode === 'done' || added.some((c) => c.code === 'done');
    if ((done || transcriptReady) && !bot.transcriptFetchedAt && !['cancelled', 'failed'].includes(bot.state)) await this.enqueueTranscript(bot.id);
  }

  /** Polling fallback: read the bot at Recall and record what the webhooks may have missed. */
  async pollBot(botId: string): Promise<{ code: string | null; added: number }> {
    const row = await this.repo.getById(botId);
    if (!row?.externalId || ['completed', 'cancelled', 'failed'].includes(row.state)) return { code: row?.statusCode ?? null, added: 0 };
    const remote = await this.notetaker.getBot(row.externalId);
    const { bot, added } = await this.repo.transaction(async (tx) => {
      const r = await this.recordStatuses(tx, botId, remote.statusChanges, 'poll');
      await this.repo.update(botId, { lastPolledAt: new Date() }, tx);
      return r;
    });
    await this.afterStatuses(bot, added, remote.transcripts.some((t) => t.status === 'done' && t.downloadUrl));
    return { code: bot.statusCode, added: added.length };
  }

  // ---------- transcript ----------

  async fetchTranscript(botId: string): Promise<string> {
    const bot = await this.repo.getById(botId);
    if (!bot?.externalId) return 'no_bot';
    if (bot.transcriptFetchedAt || ['cancelled', 'completed'].includes(bot.state)) return 'already_done';
    const remote = await this.notetaker.getBot(bot.externalId);
    const codes = remote.statusChanges.map((s) => s.code);
    if (!codes.includes('done') && !remote.transcripts.some((t) => t.status === 'done')) {
      if (codes.includes('fatal')) return 'fatal';
      throw new ProviderError('recall', 'rate_limited', 'The bot is not done yet; the transcript will be fetched when it is', { retryAfterMs: 30_000 });
    }
    let outcome: 'stored' | 'withheld' | 'already_stored' | 'no_recording';
    if (remote.transcripts.length === 0 && !codes.includes('in_call_recording')) outcome = 'no_recording';
    else {
      if (remote.transcripts.some((t) => t.status !== 'done')) throw new ProviderError('recall', 'rate_limited', 'The transcript is still processing', { retryAfterMs: 30_000 });
      const raw = await this.notetaker.downloadTranscript(remote);
      outcome = raw.length === 0 ? 'no_recording' : await this.meetings.storeRecallTranscript(bot.meetingId, raw, { participantsNotified: bot.chatAnnounced, botId: bot.id });
    }
    await this.repo.transaction(async (tx) => {
      await this.repo.update(bot.id, { state: 'completed', transcriptFetchedAt: new Date() }, tx);
      await this.audit.record({ action: 'bot.completed', subjectType: 'recall_bot', subjectId: bot.id, firmId: bot.firmId, data: { meetingId: bot.meetingId, transcript: outcome } }, tx);
    });
    const detail = outcome === 'withheld' ? 'No transcript kept: recording consent' : outcome === 'no_recording' ? 'Nothing was recorded' : 'Transcript ready';
    await this.meetings.setBotStatus([bot.meetingId], 'done', detail, bot.advisorId);
    return outcome;
  }

  // ---------- sweep ----------

  /** Finds bots to poll and work an event failed to start (a crash between commit and emit). */
  async sweep(): Promise<{ polled: number; reconciled: number }> {
    const now = Date.now();
    const interval = Math.max(this.config.bots.pollIntervalSec, 1) * 1000;
    const due = await this.repo.getDueForPoll(new Date(now - POLL_GIVE_UP_MS), new Date(now + POLL_LEAD_MS), new Date(now - interval + 500));
    for (const b of due) await this.enqueueSync(b.id);
    let reconciled = 0;
    for (const b of await this.repo.getStalePending(new Date(now - 2 * 60_000))) {
      const m = await this.meetings.getForBot(b.meetingId);
      if (m) {
        await this.enqueueReconcile(m.id, m.version, { revive: true });
        reconciled++;
      }
    }
    // A change event lost between commit and enqueue (moved, cancelled, toggled off) still reaches the bot.
    for (const b of await this.repo.getNotYetJoined()) {
      const m = await this.meetings.getForBot(b.meetingId);
      if (m) await this.enqueueReconcile(m.id, m.version, { revive: true });
    }
    // Meetings entering the creation horizon get their bot; later ones wait their turn.
    const wanting = await this.meetings.wantingNotetakerBetween(new Date(now), new Date(now + CREATE_HORIZON_MS + 10 * 60_000));
    const live = await this.repo.liveMeetingIds(wanting.map((m) => m.id));
    for (const m of wanting) {
      if (live.has(m.id)) continue;
      const latest = await this.repo.getLatestForMeeting(m.id);
      if (latest && latest.state === 'failed') continue;
      await this.enqueueReconcile(m.id, m.version, { revive: true });
      reconciled++;
    }
    return { polled: due.length, reconciled };
  }

  // ---------- responses ----------

  private async toResponses(rows: RecallBot[]): Promise<BotDto[]> {
    const timeline = await this.repo.timelines(rows.map((r) => r.id));
    return rows.map((b) => ({
      id: b.id,
      meetingId: b.meetingId,
      externalId: b.externalId,
      state: b.state,
      statusCode: b.statusCode,
      statusSubCode: b.statusSubCode,
      joinAt: b.joinAt.toISOString(),
      meetingUrl: b.meetingUrl,
      chatAnnounced: b.chatAnnounced,
      waitingUntil: b.waitingUntil?.toISOString() ?? null,
      lastError: b.lastError,
      timeline: timeline.filter((t) => t.botId === b.id).map((t) => ({ code: t.code, subCode: t.subCode, at: t.occurredAt.toISOString(), source: t.source })),
      createdAt: b.createdAt.toISOString(),
    }));
  }
}

function displayStatus(bot: RecallBot): string {
  return bot.statusCode && !['pending', 'scheduled'].includes(bot.state) ? bot.statusCode : bot.state;
}

function stateFor(code: string): BotState | null {
  if (code === 'fatal') return 'failed';
  if (code === 'done' || code === 'call_ended' || code === 'recording_done') return 'ended';
  if (ACTIVE_CODES.has(code)) return 'active';
  return null;
}
