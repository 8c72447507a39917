import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { DataKeyService } from '../../infra/crypto/data-key.service';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { EncryptionService } from '../../infra/crypto/encryption.service';
import { registerEncryptedColumn } from '../../infra/crypto/encrypted-columns';
import { DomainEventMap, DomainEvents } from '../../infra/events/domain-events';
import { AppError } from '../../infra/http/app-error';
import { RealtimeService } from '../../infra/realtime/realtime.service';
import { ProviderError } from '../../infra/resilience/provider-error';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { GoogleAccountsService } from '../auth/google-accounts.service';
import { ProfileService } from '../auth/profile.service';
import { ClientMeeting, MeetingAttendee } from './client-meeting.entity';
import { ListMeetingsQueryDto, MeetingDto, SyncRequestedDto, TranscriptDto } from './dto/meetings.dto';
import { detectMeetingLink, normaliseMeetingUrl, Platform } from './meeting-link';
import { MEETINGS_QUEUE, MeetingsJob, MeetingsJobPayloads, syncJobId } from './meetings.jobs';
import { MeetingsErrors } from './meetings.errors';
import { MeetingListRow, MeetingsRepository } from './meetings.repository';
import { CalendarEvent, CalendarProvider, SyncTokenExpired } from './providers/calendar.port';
import { TranscriptionProvider } from './providers/transcription.port';
import { formatOf, parseRecallTranscript, parseTranscriptFile } from './transcripts/transcript-parsers';
import { TranscriptFormatError, TranscriptSegment } from './transcripts/transcript.types';

registerEncryptedColumn({ table: 'client_meeting', idColumn: 'id', column: 'transcript_enc', aad: { column: 'id' } });

const DAY = 86_400_000;
/** Full-sync window (issue 5): the past week and the next four weeks. */
export const SYNC_PAST_MS = 7 * DAY;
export const SYNC_AHEAD_MS = 28 * DAY;
const AUDIO_EXTENSIONS = ['flac', 'mp3', 'mp4', 'mpeg', 'mpga', 'm4a', 'ogg', 'wav', 'webm'];

/** What Bots needs to know about a meeting (Bots never sees the entity). */
export interface MeetingForBot {
  id: string;
  firmId: string;
  advisorId: string;
  title: string;
  status: ClientMeeting['status'];
  startsAt: Date;
  endsAt: Date;
  meetingUrl: string | null;
  platform: Platform | null;
  notetakerEnabled: boolean;
  doNotRecord: boolean;
  version: number;
  createdAt: Date;
  /** Same advisor, same link (normalised), same start: one meeting in several calendars. */
  dedupeKey: string | null;
}

export interface SyncResult {
  mode: 'full' | 'incremental' | 'skipped';
  events: number;
  changed: number;
}

type ChangeEvent = DomainEventMap['meeting.changed'];

export interface MeetingExport {
  meeting: { id: string; title: string; startsAt: string; endsAt: string; platform: string | null; meetingUrl: string | null; attendees: unknown[]; transcriptState: string; transcriptNote: string | null };
  segments: TranscriptSegment[] | null;
}

/** What drafting needs: the meeting, its attendees and the decrypted transcript. */
export interface MeetingForDrafting {
  meeting: { id: string; firmId: string; advisorId: string; title: string; startsAt: Date; attendees: { email: string; name: string | null; self?: boolean; organizer?: boolean }[] };
  segments: TranscriptSegment[];
}

/** Meetings: calendar sync, the notetaker choice, consent marks and transcripts (stored encrypted). */
@Injectable()
export class MeetingsService {
  private readonly logger = new Logger(MeetingsService.name);

  constructor(
    private readonly dataKeys: DataKeyService,
    private readonly repo: MeetingsRepository,
    private readonly calendar: CalendarProvider,
    private readonly transcription: TranscriptionProvider,
    private readonly accounts: GoogleAccountsService,
    private readonly profiles: ProfileService,
    private readonly crypto: EncryptionService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly realtime: RealtimeService,
    @InjectQueue(MEETINGS_QUEUE) private readonly queue: Queue,
  ) {}

  // ---------- reads for the SPA and integrators ----------

  async list(query: ListMeetingsQueryDto): Promise<{ items: MeetingDto[]; page: { total: number; limit: number; offset: number } }> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const { items, total } = await this.repo.getPageForScope({
      when: query.when,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      platform: query.platform,
      hasBot: query.hasBot,
      q: query.q,
      limit,
      offset,
    });
    return { items: await this.toResponses(items), page: { total, limit, offset } };
  }

  async get(id: string): Promise<MeetingDto> {
    const m = await this.repo.getVisible(id, 'Meeting');
    return (await this.toResponses([m]))[0];
  }

  async getTranscript(id: string, q?: string): Promise<TranscriptDto> {
    const m = await this.repo.findVisibleWithTranscript(id);
    if (!m) throw AppError.notFound('Meeting');
    const segments = m.transcriptEnc ? await this.readSegments(m.transcriptEnc, m.id) : [];
    const needle = q?.trim().toLowerCase();
    const shown = needle ? segments.filter((s) => s.text.toLowerCase().includes(needle) || (s.speaker ?? '').toLowerCase().includes(needle)) : segments;
    return {
      meetingId: m.id,
      state: m.transcriptState,
      source: m.transcriptSource,
      storedAt: m.transcriptStoredAt?.toISOString() ?? null,
      note: m.transcriptNote,
      total: segments.length,
      segments: shown,
    };
  }

  // ---------- the advisor's choices ----------

  async setNotetaker(id: string, enabled: boolean): Promise<MeetingDto> {
    const scope = currentScope();
    const visible = await this.repo.getVisible(id, 'Meeting', scope);
    const change = await this.repo.transaction(async (tx) => {
      const m = (await this.repo.lockById(tx, visible.id))!;
      if (enabled) {
        if (m.status === 'cancelled') throw MeetingsErrors.cancelled();
        if (!m.meetingUrl) throw MeetingsErrors.noLink();
        if (m.endsAt.getTime() <= Date.now()) throw MeetingsErrors.ended();
      }
      const before = m.notetakerEnabled;
      m.notetakerEnabled = enabled;
      m.notetakerChoice = 'user';
      m.version++;
      await this.repo.save(tx, m);
      await this.audit.record({ action: 'meeting.notetaker_toggled', subjectType: 'client_meeting', subjectId: m.id, firmId: m.firmId, data: { before, after: enabled } }, tx);
      return this.changeOf(m, 'toggle');
    });
    this.announce(change);
    return this.get(visible.id);
  }

  async setConsent(id: string, doNotRecord: boolean): Promise<MeetingDto> {
    const visible = await this.repo.getVisible(id, 'Meeting');
    const consentRequired = (await this.profiles.effectiveCompliance(visible.advisorId)).requireRecordingConsent;
    const change = await this.repo.transaction(async (tx) => {
      const m = (await this.repo.lockById(tx, visible.id))!;
      const before = m.doNotRecord;
      m.doNotRecord = doNotRecord;
      m.version++;
      await this.repo.save(tx, m);
      let purged = false;
      if (doNotRecord && consentRequired && m.transcriptState === 'stored') {
        // A participant asked not to be recorded and the firm requires consent: no content is kept.
        await this.repo.storeTranscript(tx, m.id, {
          transcriptEnc: null,
          transcriptState: 'withheld',
          transcriptSource: m.transcriptSource,
          transcriptNote: 'A participant asked not to be recorded; your firm requires consent, so the transcript was deleted.',
          transcriptStoredAt: null,
        });
        purged = true;
      }
      await this.audit.record({ action: 'meeting.consent_marked', subjectType: 'client_meeting', subjectId: m.id, firmId: m.firmId, data: { before, after: doNotRecord, consentRequired, transcriptPurged: purged } }, tx);
      return this.changeOf(m, 'consent');
    });
    this.announce(change);
    return this.get(visible.id);
  }

  // ---------- uploads ----------

  async uploadTranscript(id: string, file: Express.Multer.File | undefined): Promise<TranscriptDto> {
    if (!file) throw MeetingsErrors.fileMissing();
    const m = await this.repo.getVisible(id, 'Meeting');
    const format = formatOf(file.originalname);
    if (!format && AUDIO_EXTENSIONS.includes(file.originalname.toLowerCase().split('.').pop() ?? '')) return this.uploadAudio(id, file);
    if (!format) throw MeetingsErrors.unsupported(file.originalname, `.vtt, .srt, .txt, Recall .json, or a recording (${AUDIO_EXTENSIONS.map((e) => `.${e}`).join(', ')})`);
    let segments: TranscriptSegment[];
    try {
      segments = parseTranscriptFile(format, file.buffer);
    } catch (err) {
      if (err instanceof TranscriptFormatError) throw MeetingsErrors.invalidTranscript(file.originalname, err.message);
      throw err;
    }
    await this.storeTranscript(m.id, segments, 'upload', { participantsNotified: true, fileName: file.originalname, format });
    return this.getTranscript(m.id);
  }

  async uploadAudio(id: string, file: Express.Multer.File | undefined): Promise<TranscriptDto> {
    if (!file) throw MeetingsErrors.fileMissing();
    const m = await this.repo.getVisible(id, 'Meeting');
    const ext = file.originalname.toLowerCase().split('.').pop() ?? '';
    if (!AUDIO_EXTENSIONS.includes(ext)) throw MeetingsErrors.unsupported(file.originalname, AUDIO_EXTENSIONS.map((e) => `.${e}`).join(', '));
    let segments: TranscriptSegment[];
    try {
      segments = await this.transcription.transcribe({ buffer: file.buffer, filename: file.originalname, mimeType: file.mimetype });
    } catch (err) {
      if (err instanceof ProviderError) throw MeetingsErrors.transcriptionFailed(err.kind === 'permanent' ? err.message : 'the transcription service is unavailable, try again later');
      throw err;
    }
    if (!segments.length) throw MeetingsErrors.invalidTranscript(file.originalname, 'no speech was recognised');
    await this.storeTranscript(m.id, segments, 'audio', { participantsNotified: true, fileName: file.originalname, format: ext });
    return this.getTranscript(m.id);
  }

  // ---------- calendar sync ----------

  /** Queues a sync of each of the caller's connected calendars (POST /api/calendar/events). */
  async requestSync(): Promise<SyncRequestedDto> {
    const s = currentScope();
    const sources = (await this.accounts.activeSources()).filter((a) => a.userId === s.userId && a.firmId === s.firmId);
    if (!sources.length) throw MeetingsErrors.noCalendar();
    for (const a of sources) await this.enqueueSync(a.id, 'request');
    return { accounts: sources.map((a) => a.email) };
  }

  enqueueSync(googleAccountId: string, reason: MeetingsJobPayloads[MeetingsJob.SyncCalendar]['reason']): Promise<unknown> {
    const data: MeetingsJobPayloads[MeetingsJob.SyncCalendar] = { googleAccountId, reason };
    // One queued sync per account at a time; a finished one is removed so the next request queues again.
    return this.queue.add(MeetingsJob.SyncCalendar, data, { jobId: syncJobId(googleAccountId), removeOnComplete: true, removeOnFail: 100 });
  }

  /** Syncs one account's primary calendar: incremental with the stored syncToken, full on first run or 410. */
  async syncAccount(googleAccountId: string): Promise<SyncResult> {
    const source = await this.accounts.source(googleAccountId);
    if (!source || (source as { status?: string }).status !== 'active') return { mode: 'skipped', events: 0, changed: 0 };
    return this.repo.withAccountLock(googleAccountId, async () => {
      const state = await this.repo.getSyncState(googleAccountId);
      const settings = await this.profiles.notetakerSettings(source.userId);
      const ctx = { source, settings };
      try {
        if (state?.syncToken) {
          try {
            return await this.runSync(ctx, { syncToken: state.syncToken });
          } catch (err) {
            if (!(err instanceof SyncTokenExpired)) throw err;
            this.logger.log({ googleAccountId }, 'sync token expired (410): full resync');
            await this.repo.saveSyncState({ googleAccountId, firmId: source.firmId, userId: source.userId, syncToken: null });
          }
        }
        return await this.runSync(ctx, null);
      } catch (err) {
        await this.repo.saveSyncState({ googleAccountId, firmId: source.firmId, userId: source.userId, lastError: (err as Error).message.slice(0, 500) });
        throw err;
      }
    });
  }

  private async runSync(
    ctx: { source: { id: string; userId: string; firmId: string }; settings: Awaited<ReturnType<ProfileService['notetakerSettings']>> },
    incremental: { syncToken: string } | null,
  ): Promise<SyncResult> {
    const now = Date.now();
    const window = { timeMin: new Date(now - SYNC_PAST_MS), timeMax: new Date(now + SYNC_AHEAD_MS) };
    const seen = new Set<string>();
    const changes: ChangeEvent[] = [];
    let pageToken: string | undefined;
    let nextSyncToken: string | undefined;
    let count = 0;
    do {
      const page = await this.calendar.listEvents(ctx.source.id, incremental ? { ...incremental, pageToken } : { ...window, pageToken });
      for (const event of page.items ?? []) {
        count++;
        seen.add(event.id);
        const change = await this.applyEvent(ctx, event, window);
        if (change) changes.push(change);
      }
      pageToken = page.nextPageToken;
      nextSyncToken = page.nextSyncToken ?? nextSyncToken;
    } while (pageToken);

    if (!incremental) {
      // A full sync is the truth for its window: what we hold and Google no longer lists was deleted.
      for (const m of await this.repo.getLiveForAccountBetween(ctx.source.id, window.timeMin, window.timeMax)) {
        if (seen.has(m.eventId)) continue;
        const change = await this.applyEvent(ctx, { id: m.eventId, status: 'cancelled' }, window);
        if (change) changes.push(change);
      }
    }
    await this.repo.saveSyncState({
      googleAccountId: ctx.source.id,
      firmId: ctx.source.firmId,
      userId: ctx.source.userId,
      syncToken: nextSyncToken ?? null,
      lastSyncedAt: new Date(),
      lastError: null,
      ...(incremental ? {} : { lastFullSyncAt: new Date() }),
    });
    for (const c of changes) this.announce(c);
    return { mode: incremental ? 'incremental' : 'full', events: count, changed: changes.length };
  }

  /** Upserts one event; returns the change to announce when something a bot depends on changed. */
  private async applyEvent(
    ctx: { source: { id: string; userId: string; firmId: string }; settings: Awaited<ReturnType<ProfileService['notetakerSettings']>> },
    event: CalendarEvent,
    window: { timeMin: Date; timeMax: Date },
  ): Promise<ChangeEvent | null> {
    const timed = Boolean(event.start?.dateTime && event.end?.dateTime);
    const usable = event.status !== 'cancelled' && timed && (event.eventType ?? 'default') === 'default';
    return this.repo.transaction(async (tx) => {
      const existing = await this.repo.lockByEvent(tx, ctx.source.id, event.id);
      if (!usable) {
        // Cancelled, all-day or not a meeting (out of office, focus time…): drop what we hold.
        if (!existing || existing.status === 'cancelled') return null;
        existing.status = 'cancelled';
        existing.version++;
        await this.repo.save(tx, existing);
        await this.audit.record({ action: 'meeting.cancelled', subjectType: 'client_meeting', subjectId: existing.id, firmId: existing.firmId, actor: { type: 'system', id: 'calendar-sync' }, data: { eventId: event.id } }, tx);
        return this.changeOf(existing, 'sync');
      }
      const fields = this.fieldsOf(event);
      if (!existing) {
        if (fields.endsAt < window.timeMin || fields.startsAt >= window.timeMax) return null;
        const excludedReason = exclusionOf(event, ctx.settings.exclusionKeywords);
        const inserted = await this.repo.insertIfAbsent(tx, {
          ...fields,
          firmId: ctx.source.firmId,
          advisorId: ctx.source.userId,
          googleAccountId: ctx.source.id,
          eventId: event.id,
          notetakerEnabled: Boolean(fields.meetingUrl) && ctx.settings.notetakerDefault && !excludedReason && fields.endsAt.getTime() > Date.now(),
          notetakerChoice: 'default',
          excludedReason,
          doNotRecord: false,
          transcriptState: 'none',
          version: 1,
        });
        if (!inserted) return this.applyEvent(ctx, event, window);
        return inserted.meetingUrl ? this.changeOf(inserted, 'sync') : null;
      }
      const before = { start: existing.startsAt.getTime(), url: existing.meetingUrl, status: existing.status, enabled: existing.notetakerEnabled, end: existing.endsAt.getTime() };
      Object.assign(existing, fields);
      if (existing.notetakerChoice === 'default') {
        existing.excludedReason = exclusionOf(event, ctx.settings.exclusionKeywords);
        existing.notetakerEnabled = Boolean(existing.meetingUrl) && ctx.settings.notetakerDefault && !existing.excludedReason && existing.endsAt.getTime() > Date.now();
      }
      const botRelevant =
        before.start !== existing.startsAt.getTime() || before.end !== existing.endsAt.getTime() || before.url !== existing.meetingUrl || before.status !== existing.status || before.enabled !== existing.notetakerEnabled;
      const changed = botRelevant || existing.calendarUpdatedAt?.getTime() !== fields.calendarUpdatedAt?.getTime();
      if (!changed) return null;
      existing.version++;
      await this.repo.save(tx, existing);
      if (before.start !== existing.startsAt.getTime())
        await this.audit.record({ action: 'meeting.moved', subjectType: 'client_meeting', subjectId: existing.id, firmId: existing.firmId, actor: { type: 'system', id: 'calendar-sync' }, data: { from: new Date(before.start).toISOString(), to: existing.startsAt.toISOString() } }, tx);
      return botRelevant ? this.changeOf(existing, 'sync') : null;
    });
  }

  private fieldsOf(event: CalendarEvent) {
    const link = detectMeetingLink(event);
    const attendees: MeetingAttendee[] = (event.attendees ?? [])
      .filter((a) => a.email && !a.resource)
      .map((a) => ({ email: a.email!, name: a.displayName ?? null, responseStatus: (a.responseStatus as MeetingAttendee['responseStatus']) ?? null, organizer: Boolean(a.organizer), self: Boolean(a.self) }));
    return {
      status: (event.status === 'tentative' ? 'tentative' : 'confirmed') as ClientMeeting['status'],
      title: (event.summary ?? '(no title)').slice(0, 500),
      location: event.location?.slice(0, 1000) ?? null,
      startsAt: new Date(event.start!.dateTime!),
      endsAt: new Date(event.end!.dateTime!),
      meetingUrl: link?.url ?? null,
      platform: link?.platform ?? null,
      visibility: event.visibility ?? 'default',
      organizerEmail: event.organizer?.email ?? null,
      attendees,
      calendarUpdatedAt: event.updated ? new Date(event.updated) : null,
    };
  }

  // ---------- for Bots (Bots → Meetings; never the reverse) ----------

  async getForBot(id: string): Promise<MeetingForBot | null> {
    const m = await this.repo.getById(id);
    return m ? toBotView(m) : null;
  }

  /** The meeting and its copies in the advisor's other calendars (same link, same start), oldest first. */
  async sameMeetingGroup(id: string): Promise<MeetingForBot[]> {
    const m = await this.repo.getById(id);
    if (!m) return [];
    const self = toBotView(m);
    if (!self.dedupeKey) return [self];
    const all = await this.repo.getLiveForAdvisorAt(m.advisorId, m.startsAt);
    const group = all.map(toBotView).filter((x) => x.dedupeKey === self.dedupeKey);
    return group.some((x) => x.id === m.id) ? group : [self, ...group];
  }

  /** Meetings that want a notetaker starting in [from, until), for Bots' sweep. */
  async wantingNotetakerBetween(from: Date, until: Date): Promise<MeetingForBot[]> {
    return (await this.repo.getWantingNotetakerBetween(from, until)).map(toBotView);
  }

  /** Bots reports the live bot status; lists show it without reaching into Bots. */
  async setBotStatus(meetingIds: string[], status: string | null, detail: string | null, advisorId?: string): Promise<void> {
    await this.repo.setBotStatus(meetingIds, status, detail);
    if (advisorId) for (const meetingId of meetingIds) await this.realtime.publish({ type: 'meeting.updated', payload: { meetingId, botStatus: status, botStatusDetail: detail }, to: { userIds: [advisorId] } });
  }

  /** POST/DELETE /api/recall/bots turn the meeting's notetaker on or off (the toggle is Meetings' state). */
  setNotetakerFromBots(meetingId: string, enabled: boolean): Promise<MeetingDto> {
    return this.setNotetaker(meetingId, enabled);
  }

  async consentRequired(advisorId: string): Promise<boolean> {
    return (await this.profiles.effectiveCompliance(advisorId)).requireRecordingConsent;
  }

  /** Stores a transcript downloaded from Recall (either shape). Returns false when it was withheld for consent. */
  async storeRecallTranscript(meetingId: string, raw: unknown, opts: { participantsNotified: boolean; botId: string }): Promise<'stored' | 'withheld' | 'already_stored'> {
    const m = await this.repo.getById(meetingId);
    if (!m) throw AppError.notFound('Meeting');
    if (m.transcriptState === 'stored' && m.transcriptSource === 'recall') return 'already_stored';
    const segments = parseRecallTranscript(raw);
    return this.storeTranscript(meetingId, segments, 'recall', { participantsNotified: opts.participantsNotified, botId: opts.botId });
  }

  /**
   * Encrypts and stores a transcript (AAD = meeting id), audits it and emits transcript.ready — unless
   * the firm requires consent and participants were not notified or one asked not to be recorded:
   * then nothing of the content is kept and the meeting says why.
   */
  private async storeTranscript(
    meetingId: string,
    segments: TranscriptSegment[],
    source: 'recall' | 'upload' | 'audio',
    opts: { participantsNotified: boolean; botId?: string; fileName?: string; format?: string },
  ): Promise<'stored' | 'withheld'> {
    const m0 = (await this.repo.getById(meetingId))!;
    const consentRequired = await this.consentRequired(m0.advisorId);
    const outcome = await this.repo.transaction(async (tx: EntityManager) => {
      const m = (await this.repo.lockById(tx, meetingId))!;
      const reason = consentRequired && m.doNotRecord ? 'a participant asked not to be recorded' : consentRequired && !opts.participantsNotified ? 'participants were not notified of the recording' : null;
      if (reason) {
        await this.repo.storeTranscript(tx, m.id, {
          transcriptEnc: null,
          transcriptState: 'withheld',
          transcriptSource: source,
          transcriptNote: `No transcript was kept: ${reason}, and your firm requires recording consent.`,
          transcriptStoredAt: null,
        });
        await this.audit.record({ action: 'transcript.withheld', subjectType: 'client_meeting', subjectId: m.id, firmId: m.firmId, data: { source, reason, botId: opts.botId ?? null } }, tx);
        return { outcome: 'withheld' as const, m };
      }
      // Under the meeting's own data key, so a deletion request can shred it (and every backup copy).
      const enc = await this.dataKeys.encrypt('meeting', m.id, m.firmId, JSON.stringify({ segments }), m.id, tx);
      await this.repo.storeTranscript(tx, m.id, {
        transcriptEnc: enc,
        transcriptState: 'stored',
        transcriptSource: source,
        transcriptNote: source === 'recall' ? 'Recorded by the notetaker' : `Uploaded ${source === 'audio' ? 'recording' : 'file'} ${opts.fileName ?? ''}`.trim(),
        transcriptStoredAt: new Date(),
      });
      const speakers = new Set(segments.map((s) => s.speaker).filter(Boolean)).size;
      await this.audit.record(
        { action: source === 'recall' ? 'transcript.stored' : 'transcript.uploaded', subjectType: 'client_meeting', subjectId: m.id, firmId: m.firmId, data: { source, segments: segments.length, speakers, format: opts.format ?? null, botId: opts.botId ?? null } },
        tx,
      );
      return { outcome: 'stored' as const, m };
    });
    const { m } = outcome;
    if (outcome.outcome === 'stored') {
      this.events.emit('transcript.ready', { meetingId: m.id, firmId: m.firmId, advisorId: m.advisorId, source });
      await this.realtime.publish({ type: 'transcript.ready', payload: { meetingId: m.id, source }, to: { userIds: [m.advisorId] } });
    } else {
      await this.realtime.publish({ type: 'meeting.updated', payload: { meetingId: m.id, transcriptState: 'withheld' }, to: { userIds: [m.advisorId] } });
    }
    return outcome.outcome;
  }

  // ---------- for Content (Content → Meetings; never the reverse) ----------

  /** The meeting and its decrypted transcript for drafting (system context: the job names the meeting). */
  async transcriptForDrafting(meetingId: string): Promise<MeetingForDrafting | null> {
    const m0 = await this.repo.getById(meetingId);
    if (!m0) return null;
    const m = await this.repo.findVisibleWithTranscript(meetingId, { firmId: m0.firmId, userId: m0.advisorId, role: 'admin' });
    if (!m?.transcriptEnc || m.transcriptState !== 'stored') return null;
    const segments = await this.readSegments(m.transcriptEnc, m.id);
    return {
      meeting: { id: m.id, firmId: m.firmId, advisorId: m.advisorId, title: m.title, startsAt: m.startsAt, attendees: m.attendees.map((a) => ({ email: a.email, name: a.name, self: a.self, organizer: a.organizer })) },
      segments,
    };
  }

  private async readSegments(enc: string, meetingId: string): Promise<TranscriptSegment[]> {
    return (JSON.parse(await this.dataKeys.decrypt(enc, meetingId)) as { segments: TranscriptSegment[] }).segments;
  }

  // ---------- for Privacy (the latest stage; it asks, Meetings answers) ----------

  private async toExport(rows: ClientMeeting[]): Promise<MeetingExport[]> {
    return Promise.all(
      rows.map(async (m) => ({
        meeting: { id: m.id, title: m.title, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString(), platform: m.platform, meetingUrl: m.meetingUrl, attendees: m.attendees, transcriptState: m.transcriptState, transcriptNote: m.transcriptNote },
        segments: m.transcriptEnc && m.transcriptState === 'stored' ? await this.readSegments(m.transcriptEnc, m.id).catch(() => null) : null,
      })),
    );
  }

  async exportForAdvisor(advisorId: string, firmId: string): Promise<MeetingExport[]> {
    return this.toExport(await this.repo.getForPrivacy(firmId, { advisorId }));
  }

  async exportForAttendee(email: string, firmId: string): Promise<MeetingExport[]> {
    return this.toExport(await this.repo.getForPrivacy(firmId, { attendeeEmail: email }));
  }

  async meetingIdsWithAttendee(email: string, firmId: string): Promise<string[]> {
    return (await this.repo.getForPrivacy(firmId, { attendeeEmail: email })).map((m) => m.id);
  }

  async meetingIdsEndedBefore(firmId: string, cutoff: Date): Promise<string[]> {
    return this.repo.getIdsWithTranscriptEndedBefore(firmId, cutoff);
  }

  /** After the data keys were destroyed: the meeting row says why its transcript is gone. */
  async markShredded(ids: string[], reason: string): Promise<void> {
    await this.repo.markTranscriptDeleted(ids, `Transcript and drafts were deleted: ${reason}.`);
  }

  transcriptsStoredSince(since: Date): Promise<{ id: string; firmId: string; advisorId: string }[]> {
    return this.repo.getTranscriptStoredSince(since);
  }

  // ---------- helpers ----------

  private changeOf(m: ClientMeeting, reason: ChangeEvent['reason']): ChangeEvent {
    return { meetingId: m.id, firmId: m.firmId, advisorId: m.advisorId, version: m.version, reason };
  }

  private announce(change: ChangeEvent): void {
    this.events.emit('meeting.changed', change);
    void this.realtime.publish({ type: 'meeting.updated', payload: { meetingId: change.meetingId, reason: change.reason }, to: { userIds: [change.advisorId] } });
  }

  private async toResponses(rows: MeetingListRow[]): Promise<MeetingDto[]> {
    const sources = await this.accounts.sources([...new Set(rows.map((r) => r.googleAccountId))]);
    const emails = new Map(sources.map((s) => [s.id, s.email]));
    return rows.map((m) => toMeetingResponse(m, emails.get(m.googleAccountId) ?? null));
  }
}

/** 'private' for private/confidential events, 'declined' when the advisor declined, `keyword:<k>` for the first exclusion keyword in the title or description. */
export function exclusionOf(event: Pick<CalendarEvent, 'visibility' | 'summary' | 'description' | 'attendees'>, keywords: string[]): string | null {
  if (event.visibility === 'private' || event.visibility === 'confidential') return 'private';
  if (event.attendees?.some((a) => a.self && a.responseStatus === 'declined')) return 'declined';
  const text = `${event.summary ?? ''}\n${event.description ?? ''}`.toLowerCase();
  for (const k of keywords) {
    const kw = k.trim().toLowerCase();
    if (kw && new RegExp(`\\b${kw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text)) return `keyword:${kw}`;
  }
  return null;
}

function toBotView(m: ClientMeeting): MeetingForBot {
  return {
    id: m.id,
    firmId: m.firmId,
    advisorId: m.advisorId,
    title: m.title,
    status: m.status,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    meetingUrl: m.meetingUrl,
    platform: m.platform,
    notetakerEnabled: m.notetakerEnabled,
    doNotRecord: m.doNotRecord,
    version: m.version,
    createdAt: m.createdAt,
    dedupeKey: m.meetingUrl ? `${m.advisorId}|${normaliseMeetingUrl(m.meetingUrl)}|${m.startsAt.toISOString()}` : null,
  };
}

export function toMeetingResponse(m: MeetingListRow, sourceAccountEmail: string | null): MeetingDto {
  return {
    id: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    status: m.status,
    platform: m.platform,
    meetingUrl: m.meetingUrl,
    attendees: m.attendees,
    sourceAccountEmail,
    notetakerEnabled: m.notetakerEnabled,
    notetakerChoice: m.notetakerChoice,
    excludedReason: m.excludedReason,
    doNotRecord: m.doNotRecord,
    botStatus: m.botStatus,
    botStatusDetail: m.botStatusDetail,
    transcriptAvailable: m.transcriptState === 'stored',
    transcriptState: m.transcriptState,
    transcriptNote: m.transcriptNote,
  };
}
