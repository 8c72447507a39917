import type { TimerHandle } from '../core/clock';
import type { SandboxContext } from '../core/context';
import { hashInt, randomToken, randomUUID } from '../core/http';
import { TRANSCRIPTS } from '../transcripts/library';
import type { SandboxTranscript } from '../transcripts/types';
import type { MeetingUrlObject } from './recall.meeting-url';
import type { WebhookSender } from './recall.webhooks';

export const SCENARIOS = ['normal', 'waiting_room', 'refused', 'recording_denied', 'ends_early', 'meeting_not_found', 'noone_joined'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface StatusChange {
  code: string;
  message: string | null;
  sub_code: string | null;
  created_at: string;
}

export interface TranscriptArtifact {
  id: string;
  /** Provider key: recallai_streaming, meeting_captions, recallai_async, ... */
  provider: string;
  status: 'processing' | 'done';
  createdMs: number;
  updatedMs: number;
  downloadToken: string;
  /** Created through POST /recording/{id}/create_transcript/ (async, after the call). */
  async: boolean;
}

export interface Recording {
  id: string;
  startedMs: number;
  completedMs?: number;
  expiresMs?: number;
  /** Simulated seconds of meeting captured (transcript is cut there). */
  recordedSec: number;
  /** [0] is the real-time transcript from recording_config (if any), then async ones. */
  transcripts: TranscriptArtifact[];
  status: 'processing' | 'done';
  updatedMs: number;
}

interface Step {
  /** Simulated delay after the previous step. */
  delayMs: number;
  code: string;
  subCode?: string | null;
  startRecording?: boolean;
  /** Stop recording; `recordSec` = planned seconds captured. */
  stopRecording?: boolean;
  recordSec?: number;
  finalize?: boolean;
}

export interface Bot {
  id: string;
  apiKey: string;
  meetingUrlRaw: string;
  meetingUrl: MeetingUrlObject;
  botName: string;
  joinAt: string | null;
  scheduled: boolean;
  request: Record<string, unknown>;
  metadata: Record<string, string>;
  scenario: Scenario;
  transcript: SandboxTranscript;
  /** Transcript provider key from recording_config (or v1.10 transcription_options); null = no transcript. */
  transcriptProvider: string | null;
  createdMs: number;
  statusChanges: StatusChange[];
  recordings: Recording[];
  phase: 'scheduled' | 'running' | 'ended';
  steps: Step[];
  timer?: TimerHandle;
  /** Timeline: sandbox ms at joining_call and the clock's simulated ms then. */
  baseMs?: number;
  simJoin?: number;
  lastOffset: number;
  recordingSimStart?: number;
  chatSent?: boolean;
}

const TERMINAL = new Set(['call_ended', 'done', 'fatal']);

export class BotEngine {
  bots = new Map<string, Bot>();
  settings = { defaultScenario: 'normal' as Scenario, adHocPoolEmpty: false, processingDelayMs: 0, retentionHours: 168 };

  constructor(
    private readonly ctx: SandboxContext,
    private readonly webhooks: WebhookSender,
  ) {}

  reset(): void {
    for (const b of this.bots.values()) b.timer?.cancel();
    this.bots.clear();
    this.settings = { defaultScenario: 'normal', adHocPoolEmpty: false, processingDelayMs: 0, retentionHours: 168 };
  }

  pickTranscript(meetingUrl: string, transcriptId?: string): SandboxTranscript | undefined {
    if (transcriptId) return TRANSCRIPTS.find((t) => t.id === transcriptId);
    return TRANSCRIPTS[hashInt(meetingUrl) % TRANSCRIPTS.length];
  }

  create(input: Omit<Bot, 'id' | 'createdMs' | 'statusChanges' | 'recordings' | 'phase' | 'steps' | 'lastOffset'>): Bot {
    const bot: Bot = { ...input, id: randomUUID(), createdMs: this.ctx.clock.nowMs(), statusChanges: [], recordings: [], phase: 'scheduled', steps: [], lastOffset: 0 };
    this.bots.set(bot.id, bot);
    const joinMs = bot.joinAt ? Date.parse(bot.joinAt) : this.ctx.clock.nowMs();
    bot.timer = this.ctx.clock.at(joinMs, () => this.start(bot));
    this.ctx.inspector.record('recall', 'bot_created', { id: bot.id, meeting_url: bot.meetingUrlRaw, join_at: bot.joinAt, scenario: bot.scenario, transcript_id: bot.transcript.id, metadata: bot.metadata });
    return bot;
  }

  currentCode(bot: Bot): string | null {
    return bot.statusChanges.at(-1)?.code ?? null;
  }

  meetingSeconds(bot: Bot): number {
    const override = Number(bot.metadata.sandbox_meeting_seconds);
    if (Number.isFinite(override) && override > 0) return override;
    return Math.max(bot.transcript.durationMinutes * 60, bot.transcript.segments.at(-1)?.endSec ?? 0);
  }

  private plan(bot: Bot): Step[] {
    const meeting = this.meetingSeconds(bot);
    const leave = (bot.request.automatic_leave ?? {}) as Record<string, unknown>;
    const waitingRoomTimeout = Number(leave.waiting_room_timeout ?? 1200);
    const nooneTimeout = Number(leave.noone_joined_timeout ?? 1200);
    const joined: Step[] = [
      { delayMs: 4_000, code: 'in_call_recording', startRecording: true },
      { delayMs: meeting * 1000, code: 'call_ended', subCode: 'call_ended_by_host', stopRecording: true, recordSec: meeting },
      { delayMs: 20_000, code: 'done', finalize: true },
    ];
    switch (bot.scenario) {
      case 'waiting_room': {
        const hold = 90_000;
        if (waitingRoomTimeout * 1000 < hold)
          return [
            { delayMs: 0, code: 'joining_call' },
            { delayMs: 6_000, code: 'in_waiting_room' },
            { delayMs: waitingRoomTimeout * 1000, code: 'call_ended', subCode: 'timeout_exceeded_waiting_room' },
            { delayMs: 5_000, code: 'done', finalize: true },
          ];
        return [{ delayMs: 0, code: 'joining_call' }, { delayMs: 6_000, code: 'in_waiting_room' }, { delayMs: hold, code: 'in_call_not_recording' }, ...joined];
      }
      case 'refused':
        return [
          { delayMs: 0, code: 'joining_call' },
          { delayMs: 6_000, code: 'in_waiting_room' },
          { delayMs: 45_000, code: 'call_ended', subCode: 'bot_kicked_from_waiting_room' },
          { delayMs: 5_000, code: 'done', finalize: true },
        ];
      case 'recording_denied':
        return [
          { delayMs: 0, code: 'joining_call' },
          { delayMs: 8_000, code: 'in_call_not_recording' },
          { delayMs: 15_000, code: 'recording_permission_denied' },
          { delayMs: 30_000, code: 'call_ended', subCode: 'recording_permission_denied' },
          { delayMs: 5_000, code: 'done', finalize: true },
        ];
      case 'ends_early': {
        const early = Math.max(60, Math.round(meeting * 0.3));
        return [
          { delayMs: 0, code: 'joining_call' },
          { delayMs: 8_000, code: 'in_call_not_recording' },
          { delayMs: 4_000, code: 'in_call_recording', startRecording: true },
          { delayMs: early * 1000, code: 'call_ended', subCode: 'timeout_exceeded_everyone_left', stopRecording: true, recordSec: early },
          { delayMs: 20_000, code: 'done', finalize: true },
        ];
      }
      case 'meeting_not_found':
        return [
          { delayMs: 0, code: 'joining_call' },
          { delayMs: 10_000, code: 'fatal', subCode: 'meeting_not_found' },
        ];
      case 'noone_joined':
        return [
          { delayMs: 0, code: 'joining_call' },
          { delayMs: 8_000, code: 'in_call_not_recording' },
          { delayMs: nooneTimeout * 1000, code: 'call_ended', subCode: 'timeout_exceeded_noone_joined' },
          { delayMs: 5_000, code: 'done', finalize: true },
        ];
      default:
        return [{ delayMs: 0, code: 'joining_call' }, { delayMs: 8_000, code: 'in_call_not_recording' }, ...joined];
    }
  }

  /** Joins now (called by the join_at timer). */
  start(bot: Bot): void {
    if (bot.phase !== 'scheduled') return;
    bot.phase = 'running';
    bot.steps = this.plan(bot);
    bot.baseMs = this.ctx.clock.logicalNowMs();
    bot.simJoin = this.ctx.clock.simNowMs();
    this.runNext(bot);
  }

  private runNext(bot: Bot): void {
    const step = bot.steps[0];
    if (!step) return;
    bot.timer = this.ctx.clock.after(step.delayMs, () => {
      bot.steps.shift();
      const offset = Math.max(bot.lastOffset, this.ctx.clock.simNowMs() - (bot.simJoin ?? 0));
      this.apply(bot, step, offset);
      this.runNext(bot);
    });
  }

  /** Applies one step at `offset` simulated ms after joining_call. */
  private apply(bot: Bot, step: Step, offset: number): void {
    bot.lastOffset = offset;
    const at = (bot.baseMs ?? this.ctx.clock.nowMs()) + offset;
    const iso = new Date(at).toISOString();
    if (step.code === 'joining_call') bot.joinAt = null;
    if (step.startRecording) {
      bot.recordingSimStart = offset;
      bot.recordings.push({
        id: randomUUID(),
        startedMs: at,
        recordedSec: 0,
        transcripts: bot.transcriptProvider ? [{ id: randomUUID(), provider: bot.transcriptProvider, status: 'processing', createdMs: at, updatedMs: at, downloadToken: randomToken(32), async: false }] : [],
        status: 'processing',
        updatedMs: at,
      });
    }
    const rec = bot.recordings.at(-1);
    if (step.stopRecording && rec && rec.completedMs === undefined) {
      const elapsedSec = (offset - (bot.recordingSimStart ?? offset)) / 1000;
      rec.recordedSec = step.recordSec ?? elapsedSec;
      rec.completedMs = at;
      rec.updatedMs = at;
    }
    const change: StatusChange = { code: step.code, message: null, sub_code: step.subCode ?? null, created_at: iso };
    bot.statusChanges.push(change);
    if (TERMINAL.has(step.code) && step.code !== 'call_ended') bot.phase = 'ended';
    if (step.code === 'call_ended') bot.phase = 'ended';
    this.ctx.inspector.record('recall', 'bot_status', { id: bot.id, code: step.code, sub_code: change.sub_code, at: iso });
    if (step.code === 'in_call_recording' || step.code === 'in_call_not_recording') this.sendChat(bot);
    this.notify(bot, change);
    if (step.finalize) {
      for (const r of bot.recordings) {
        if (r.completedMs === undefined) r.completedMs = at;
        r.status = 'done';
        r.updatedMs = at;
        r.expiresMs = at + this.settings.retentionHours * 3_600_000;
        this.webhooks.send('recording.done', bot.id, { event: 'recording.done', data: { data: { code: 'done', sub_code: null, updated_at: iso }, recording: { id: r.id, metadata: {} }, bot: { id: bot.id, metadata: bot.metadata } } });
        for (const t of r.transcripts) {
          t.status = 'done';
          t.updatedMs = at;
          this.transcriptDone(bot, r, t, iso);
        }
      }
    }
  }

  private transcriptDone(bot: Bot, r: Recording, t: TranscriptArtifact, iso: string): void {
    this.webhooks.send('transcript.done', bot.id, {
      event: 'transcript.done',
      data: { data: { code: 'done', sub_code: null, updated_at: iso }, transcript: { id: t.id, metadata: {} }, recording: { id: r.id, metadata: {} }, bot: { id: bot.id, metadata: bot.metadata } },
    });
  }

  /** POST /recording/{id}/create_transcript/: an async transcript, done after ~10 % of the recording length (at least 30 s), simulated. */
  createAsyncTranscript(bot: Bot, r: Recording, provider: string): TranscriptArtifact {
    const now = this.ctx.clock.nowMs();
    const t: TranscriptArtifact = { id: randomUUID(), provider, status: 'processing', createdMs: now, updatedMs: now, downloadToken: randomToken(32), async: true };
    r.transcripts.push(t);
    this.ctx.inspector.record('recall', 'transcript_requested', { bot_id: bot.id, recording_id: r.id, transcript_id: t.id, provider });
    this.ctx.clock.after(Math.max(30_000, r.recordedSec * 100), () => {
      t.status = 'done';
      t.updatedMs = this.ctx.clock.logicalNowMs();
      this.transcriptDone(bot, r, t, new Date(t.updatedMs).toISOString());
    });
    return t;
  }

  /** The transcript artifact (with its bot and recording) for an id or a download token. */
  findTranscript(pred: (t: TranscriptArtifact) => boolean): { bot: Bot; rec: Recording; t: TranscriptArtifact } | undefined {
    for (const bot of this.bots.values()) for (const rec of bot.recordings) for (const t of rec.transcripts) if (pred(t)) return { bot, rec, t };
    return undefined;
  }

  private sendChat(bot: Bot): void {
    if (bot.chatSent) return;
    const chat = bot.request.chat as { on_bot_join?: { send_to?: string; message?: string } } | undefined;
    if (!chat?.on_bot_join?.message) return;
    bot.chatSent = true;
    this.ctx.inspector.record('recall', 'chat_message_sent', { id: bot.id, send_to: chat.on_bot_join.send_to ?? 'everyone', message: chat.on_bot_join.message });
  }

  private notify(bot: Bot, change: StatusChange): void {
    const payload = this.webhooks.settings.legacyPayload
      ? { event: 'bot.status_change', data: { bot_id: bot.id, status: { code: change.code, sub_code: change.sub_code, message: change.message, created_at: change.created_at } } }
      : { event: `bot.${change.code}`, data: { data: { code: change.code, sub_code: change.sub_code, updated_at: change.created_at }, bot: { id: bot.id, metadata: bot.metadata } } };
    this.webhooks.send(payload.event, bot.id, payload);
  }

  /** Runs every remaining step now (admin finish); a scheduled bot joins first. */
  finish(bot: Bot): void {
    if (bot.phase === 'scheduled') {
      bot.timer?.cancel();
      bot.phase = 'running';
      bot.steps = this.plan(bot);
      bot.baseMs = this.ctx.clock.nowMs();
      bot.simJoin = this.ctx.clock.simNowMs();
    }
    bot.timer?.cancel();
    let offset = Math.max(bot.lastOffset, this.ctx.clock.simNowMs() - (bot.simJoin ?? 0));
    let first = true;
    while (bot.steps.length) {
      const step = bot.steps.shift() as Step;
      offset = first ? Math.max(offset, bot.lastOffset + step.delayMs) : offset + step.delayMs;
      first = false;
      this.apply(bot, step, offset);
    }
  }

  /** leave_call: the bot leaves now; recording (if any) stops at the elapsed simulated time. */
  leave(bot: Bot): 'ok' | 'unstarted' | 'completed' {
    if (bot.phase === 'scheduled') return 'unstarted';
    const code = this.currentCode(bot);
    if (bot.phase === 'ended' || (code && TERMINAL.has(code))) return 'completed';
    bot.timer?.cancel();
    const recording = bot.recordings.length > 0 && bot.recordings.at(-1)?.completedMs === undefined;
    bot.steps = [{ delayMs: 0, code: 'call_ended', subCode: 'bot_received_leave_call', stopRecording: recording }, { delayMs: 10_000, code: 'done', finalize: true }];
    const step = bot.steps.shift() as Step;
    const offset = Math.max(bot.lastOffset, this.ctx.clock.simNowMs() - (bot.simJoin ?? 0));
    this.apply(bot, step, offset);
    this.runNext(bot);
    return 'ok';
  }

  remove(bot: Bot): void {
    bot.timer?.cancel();
    this.bots.delete(bot.id);
    this.ctx.inspector.record('recall', 'bot_deleted', { id: bot.id });
  }

  /** Recall download shape: utterances with participant and words (relative to in_call_recording, absolute ISO). */
  transcriptDownload(bot: Bot, rec: Recording, provider = bot.transcriptProvider): unknown[] {
    const t = bot.transcript;
    const participants = new Map(
      t.participants.map((p, i) => [p.name, { id: 100 + i, name: p.name, is_host: p.role === 'advisor', platform: bot.meetingUrl.platform === 'zoom' ? 'desktop' : 'unknown', extra_data: {}, email: null }]),
    );
    const captions = provider === 'meeting_captions';
    const out: unknown[] = [];
    const ts = (sec: number) => ({ relative: Math.round(sec * 1000) / 1000, absolute: new Date(rec.startedMs + sec * 1000).toISOString() });
    for (const seg of t.segments) {
      if (seg.startSec >= rec.recordedSec) break;
      const participant = participants.get(seg.speaker) ?? { id: 199, name: seg.speaker, is_host: false, platform: 'unknown', extra_data: {}, email: null };
      const end = Math.min(seg.endSec, rec.recordedSec);
      let words: unknown[];
      if (captions) words = [{ text: seg.text, start_timestamp: ts(seg.startSec), end_timestamp: ts(end) }];
      else {
        const tokens = seg.text.split(/\s+/).filter(Boolean);
        const per = (end - seg.startSec) / Math.max(1, tokens.length);
        words = tokens.map((w, i) => ({ text: w, start_timestamp: ts(seg.startSec + i * per), end_timestamp: ts(seg.startSec + (i + 1) * per) }));
      }
      const last = out.at(-1) as { participant: { id: number }; words: unknown[] } | undefined;
      if (last && last.participant.id === participant.id) last.words.push(...words);
      else out.push({ participant, words });
    }
    return out;
  }
}
