import { createHash } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { AdminError } from '../core/admin-error';
import type { SandboxContext } from '../core/context';
import type { FaultShape } from '../core/faults';
import { str } from '../core/http';
import { BotEngine, SCENARIOS, type Bot, type Recording, type Scenario, type TranscriptArtifact } from './recall.bots';
import { parseMeetingUrl } from './recall.meeting-url';
import { WebhookSender, type WebhookSettings } from './recall.webhooks';

export const recallFaultShape: FaultShape = (kind, status) => {
  if (kind === 'expired_token' || kind === 'revoked_token' || status === 401) return { status: 401, body: { detail: 'Invalid token.' } };
  if (kind === 'rate_limit' || status === 429) return { status, body: { detail: 'Request was throttled. Expected available in 1 second.' } };
  if (status === 403)
    return { status, body: null, raw: { contentType: 'text/html', text: '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center></body></html>' } };
  if (status === 507) return { status, headers: { 'Retry-After': '30' }, body: { detail: 'No bots available in the ad-hoc pool, please retry in 30 seconds.' } };
  if (status >= 500) return { status, body: { detail: status === 503 ? 'Service temporarily unavailable, try again later.' : 'A server error occurred.' } };
  return { status, body: { detail: 'Bad request.' } };
};

export interface RecallModule {
  router: Router;
  admin: Router;
  engine: BotEngine;
  webhooks: WebhookSender;
  reset(): void;
}

interface IdemEntry {
  state: 'pending' | 'done';
  status?: number;
  body?: unknown;
  fingerprint: string;
  expiresMs: number;
}

const PAGE_SIZE = 25;

export function createRecallModule(ctx: SandboxContext): RecallModule {
  const { config, clock, inspector } = ctx;
  ctx.faults.registerShape('recall', recallFaultShape);
  const webhooks = new WebhookSender(ctx);
  const engine = new BotEngine(ctx, webhooks);
  const idem = new Map<string, IdemEntry>();
  const base = () => `${config.publicUrl}/recall/api/v1`;
  const router = express.Router({ strict: false });
  router.use(express.json({ limit: '1mb' }));

  inspector.registerSnapshot('recall', () => ({
    bots: [...engine.bots.values()].map((b) => ({
      id: b.id,
      meeting_url: b.meetingUrlRaw,
      bot_name: b.botName,
      scenario: b.scenario,
      transcript_id: b.transcript.id,
      join_at: b.joinAt,
      status: engine.currentCode(b),
      sub_code: b.statusChanges.at(-1)?.sub_code ?? null,
      statuses: b.statusChanges.map((s) => s.code),
      metadata: b.metadata,
    })),
    webhooks: webhooks.deliveries.map((d) => ({ id: d.webhookId, event: d.event, bot_id: d.botId, state: d.state, statuses: d.attempts.map((a) => a.status) })),
    settings: { ...engine.settings, webhooks: webhooks.settings, webhookUrl: config.recallWebhookUrl || null },
  }));

  // ---------- helpers ----------
  const iso = (ms?: number) => (ms === undefined ? null : new Date(ms).toISOString());

  function transcriptJson(r: Recording, t: TranscriptArtifact): Record<string, unknown> {
    const done = t.status === 'done';
    const url = `${base()}/download/transcript?token=${t.downloadToken}`;
    return {
      id: t.id,
      created_at: iso(t.createdMs),
      status: { code: done ? 'done' : 'processing', sub_code: null, updated_at: iso(t.updatedMs) },
      provider: { [t.provider]: {} },
      metadata: {},
      data: done ? { download_url: url, provider_data_download_url: `${url}&provider_data=1` } : { download_url: null, provider_data_download_url: null },
      expires_at: iso(r.expiresMs),
    };
  }

  function recordingJson(bot: Bot, r: Recording): Record<string, unknown> {
    const done = r.status === 'done';
    const live = r.transcripts.find((t) => !t.async);
    return {
      id: r.id,
      created_at: iso(r.startedMs),
      started_at: iso(r.startedMs),
      completed_at: iso(r.completedMs),
      expires_at: iso(r.expiresMs),
      status: { code: done ? 'done' : 'processing', sub_code: null, updated_at: iso(r.updatedMs) },
      media_shortcuts: {
        transcript: live ? transcriptJson(r, live) : null,
        video_mixed: null,
        participant_events: done ? { id: r.id, status: { code: 'done' }, data: { participants_download_url: null, participant_events_download_url: null } } : null,
        meeting_metadata: done ? { id: r.id, status: { code: 'done' }, data: { title: bot.transcript.title } } : null,
      },
    };
  }

  function botJson(b: Bot): Record<string, unknown> {
    const req = b.request;
    return {
      id: b.id,
      meeting_url: b.meetingUrl,
      bot_name: b.botName,
      join_at: b.joinAt,
      recording_config: req.recording_config ?? null,
      ...(req.transcription_options !== undefined ? { transcription_options: req.transcription_options } : {}),
      automatic_leave: req.automatic_leave ?? { waiting_room_timeout: 1200, noone_joined_timeout: 1200, everyone_left_timeout: { timeout: 2, activate_after: null } },
      chat: req.chat ?? null,
      output_media: null,
      recordings: b.recordings.map((r) => recordingJson(b, r)),
      status_changes: b.statusChanges,
      metadata: b.metadata,
      created_at: new Date(b.createdMs).toISOString(),
    };
  }

  function auth(req: Request, res: Response): string | undefined {
    const h = req.header('authorization');
    if (!h) {
      res.status(401).json({ detail: 'Authentication credentials were not provided.' });
      return undefined;
    }
    const key = h.replace(/^Token\s+/i, '').trim();
    if (!config.recallApiKeys.includes(key)) {
      res.status(401).json({ detail: 'Invalid token.' });
      return undefined;
    }
    return key;
  }

  function findBot(req: Request, res: Response): Bot | undefined {
    const b = engine.bots.get(String(req.params.id));
    if (!b) res.status(404).json({ detail: 'Not found.' });
    return b;
  }

  /** Validates create/update fields; returns field errors in DRF style. */
  function validate(body: Record<string, unknown>, partial: boolean): Record<string, string[]> {
    const errors: Record<string, string[]> = {};
    if (!partial || body.meeting_url !== undefined) {
      if (typeof body.meeting_url !== 'string' || !body.meeting_url) errors.meeting_url = ['This field is required.'];
      else if (!parseMeetingUrl(body.meeting_url)) errors.meeting_url = ['Invalid meeting URL. Supported platforms: Zoom, Google Meet, Microsoft Teams, Webex, GoTo Meeting.'];
    }
    if (body.join_at !== undefined && body.join_at !== null && (typeof body.join_at !== 'string' || Number.isNaN(Date.parse(body.join_at))))
      errors.join_at = ['Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].'];
    if (body.bot_name !== undefined && (typeof body.bot_name !== 'string' || body.bot_name.length > 100)) errors.bot_name = ['Ensure this field is a string of at most 100 characters.'];
    if (body.metadata !== undefined && (typeof body.metadata !== 'object' || body.metadata === null || Array.isArray(body.metadata) || Object.values(body.metadata).some((v) => typeof v !== 'string' && v !== null)))
      errors.metadata = ['Metadata must be an object of string values.'];
    const sc = (body.metadata as Record<string, unknown> | undefined)?.sandbox_scenario;
    if (sc !== undefined && !(SCENARIOS as readonly string[]).includes(String(sc))) errors.metadata = [`sandbox_scenario must be one of ${SCENARIOS.join(', ')}`];
    if (body.recording_config !== undefined && (typeof body.recording_config !== 'object' || body.recording_config === null)) errors.recording_config = ['Expected an object.'];
    return errors;
  }

  function transcriptProvider(body: Record<string, unknown>): string | null {
    const rc = body.recording_config as { transcript?: { provider?: Record<string, unknown> } } | undefined;
    const p = rc?.transcript?.provider;
    if (p && typeof p === 'object') return Object.keys(p)[0] ?? null;
    const legacy = (body.transcription_options as { provider?: string } | undefined)?.provider;
    return typeof legacy === 'string' ? legacy : null;
  }

  /** Idempotency-Key: replay within 1 h, 409 while the first request is in flight. */
  async function withIdempotency(req: Request, res: Response, key: string, run: () => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>): Promise<void> {
    const ik = req.header('idempotency-key');
    const fingerprint = createHash('sha256').update(`${req.method} ${req.path} ${JSON.stringify(req.body)}`).digest('hex');
    const mapKey = ik ? `${key}|${req.method}|${ik}` : undefined;
    if (mapKey) {
      const e = idem.get(mapKey);
      if (e && e.expiresMs > clock.nowMs()) {
        if (e.state === 'pending') {
          res.status(409).json({ code: 'idempotency_key_in_use', detail: 'A request with this Idempotency-Key is still being processed.' });
          return;
        }
        res.setHeader('Idempotent-Replayed', 'true');
        res.status(e.status as number).json(e.body);
        return;
      }
      idem.set(mapKey, { state: 'pending', fingerprint, expiresMs: clock.nowMs() + 3_600_000 });
    }
    let out: { status: number; body: unknown; headers?: Record<string, string> };
    try {
      out = await run();
    } catch (err) {
      if (mapKey) idem.delete(mapKey);
      throw err;
    }
    if (mapKey) {
      if (out.status >= 500) idem.delete(mapKey);
      else idem.set(mapKey, { state: 'done', status: out.status, body: out.body, fingerprint, expiresMs: clock.nowMs() + 3_600_000 });
    }
    for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, v);
    res.status(out.status).json(out.body);
  }

  const delay = () => (engine.settings.processingDelayMs > 0 ? new Promise((r) => setTimeout(r, engine.settings.processingDelayMs)) : Promise.resolve());

  // ---------- bots ----------
  router.post('/api/v1/bot', async (req, res) => {
    const key = auth(req, res);
    if (!key) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    await withIdempotency(req, res, key, async () => {
      await delay();
      const errors = validate(body, false);
      if (Object.keys(errors).length) return { status: 400, body: errors };
      const nowMs = clock.nowMs();
      const joinAt = typeof body.join_at === 'string' ? new Date(Date.parse(body.join_at)).toISOString() : null;
      const scheduled = joinAt !== null && Date.parse(joinAt) - nowMs > 10 * 60_000;
      if (!scheduled && engine.settings.adHocPoolEmpty)
        return { status: 507, headers: { 'Retry-After': '30' }, body: { code: 'insufficient_capacity', detail: 'No bots available in the ad-hoc pool, please retry in 30 seconds.' } };
      const metadata = { ...((body.metadata as Record<string, string>) ?? {}) };
      const transcript = engine.pickTranscript(body.meeting_url as string, metadata.transcript_id);
      if (!transcript) return { status: 400, body: { metadata: [`Unknown sandbox transcript_id "${metadata.transcript_id}".`] } };
      const bot = engine.create({
        apiKey: key,
        meetingUrlRaw: body.meeting_url as string,
        meetingUrl: parseMeetingUrl(body.meeting_url as string)!,
        botName: typeof body.bot_name === 'string' ? body.bot_name : 'Meeting Notetaker',
        joinAt,
        scheduled,
        request: body,
        metadata,
        scenario: (metadata.sandbox_scenario as Scenario | undefined) ?? engine.settings.defaultScenario,
        transcript,
        transcriptProvider: transcriptProvider(body),
      });
      return { status: 201, body: botJson(bot) };
    });
  });

  router.get('/api/v1/bot', (req, res) => {
    if (!auth(req, res)) return;
    const q = (k: string) => str(req.query[k]);
    const page = q('page') ? Number(q('page')) : 1;
    if (!Number.isInteger(page) || page < 1) return res.status(404).json({ detail: 'Invalid page.' });
    const pageSize = Math.min(100, Math.max(1, Number(q('page_size') ?? PAGE_SIZE) || PAGE_SIZE));
    const after = q('join_at_after') ? Date.parse(q('join_at_after') as string) : undefined;
    const before = q('join_at_before') ? Date.parse(q('join_at_before') as string) : undefined;
    if ((after !== undefined && Number.isNaN(after)) || (before !== undefined && Number.isNaN(before))) return res.status(400).json({ join_at_after: ['Enter a valid date/time.'] });
    const statuses = ([] as string[]).concat((req.query.status as string | string[] | undefined) ?? []).flatMap((s) => s.split(','));
    const platforms = ([] as string[]).concat((req.query.platform as string | string[] | undefined) ?? []);
    const meetingUrl = q('meeting_url');
    const metaFilters = Object.entries(req.query)
      .filter(([k]) => k.startsWith('metadata__'))
      .map(([k, v]) => [k.slice('metadata__'.length), String(v)] as const);
    const list = [...engine.bots.values()]
      .filter((b) => {
        const joinRef = Date.parse((b.request.join_at as string | undefined) ?? new Date(b.createdMs).toISOString());
        if (after !== undefined && !(joinRef >= after)) return false;
        if (before !== undefined && !(joinRef <= before)) return false;
        if (statuses.length && !statuses.includes(engine.currentCode(b) ?? 'ready')) return false;
        if (platforms.length && !platforms.includes(b.meetingUrl.platform)) return false;
        if (meetingUrl) {
          const parsed = parseMeetingUrl(meetingUrl);
          if (meetingUrl !== b.meetingUrlRaw && !(parsed && parsed.platform === b.meetingUrl.platform && parsed.meeting_id === b.meetingUrl.meeting_id)) return false;
        }
        return metaFilters.every(([k, v]) => b.metadata[k] === v);
      })
      .sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id));
    const start = (page - 1) * pageSize;
    if (start > 0 && start >= list.length) return res.status(404).json({ detail: 'Invalid page.' });
    const link = (p: number) => {
      const u = new URL(`${base()}/bot/`);
      for (const [k, v] of Object.entries(req.query)) if (k !== 'page') for (const x of ([] as unknown[]).concat(v)) u.searchParams.append(k, String(x));
      u.searchParams.set('page', String(p));
      return u.toString();
    };
    res.json({
      count: list.length,
      next: start + pageSize < list.length ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: list.slice(start, start + pageSize).map(botJson),
    });
  });

  router.get('/api/v1/bot/:id', (req, res) => {
    if (!auth(req, res)) return;
    const b = findBot(req, res);
    if (b) res.json(botJson(b));
  });

  router.patch('/api/v1/bot/:id', async (req, res) => {
    const key = auth(req, res);
    if (!key) return;
    const b = findBot(req, res);
    if (!b) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    await withIdempotency(req, res, key, async () => {
      const errors = validate(body, true);
      if (Object.keys(errors).length) return { status: 400, body: errors };
      if (b.phase !== 'scheduled') return { status: 400, body: { code: 'update_bot_failed', detail: 'Bot has already started joining the call and can no longer be updated.' } };
      if (body.join_at !== undefined) {
        const ms = typeof body.join_at === 'string' ? Date.parse(body.join_at) : clock.nowMs();
        if (b.scheduled && ms - clock.nowMs() < 10 * 60_000) return { status: 400, body: { code: 'update_bot_failed', detail: 'Not enough time to launch new bot.' } };
        b.joinAt = new Date(ms).toISOString();
        b.timer?.cancel();
        b.timer = clock.at(ms, () => engine.start(b));
      }
      if (typeof body.meeting_url === 'string') {
        b.meetingUrlRaw = body.meeting_url;
        b.meetingUrl = parseMeetingUrl(body.meeting_url)!;
      }
      if (typeof body.bot_name === 'string') b.botName = body.bot_name;
      if (body.metadata) b.metadata = { ...(body.metadata as Record<string, string>) };
      b.request = { ...b.request, ...body };
      inspector.record('recall', 'bot_updated', { id: b.id, join_at: b.joinAt });
      return { status: 200, body: botJson(b) };
    });
  });

  router.delete('/api/v1/bot/:id', (req, res) => {
    if (!auth(req, res)) return;
    const b = findBot(req, res);
    if (!b) return;
    if (b.phase !== 'scheduled') return res.status(405).json({ detail: 'Method "DELETE" not allowed: the bot has already been dispatched.' });
    engine.remove(b);
    res.status(204).end();
  });

  router.post('/api/v1/bot/:id/leave_call', (req, res) => {
    if (!auth(req, res)) return;
    const b = findBot(req, res);
    if (!b) return;
    const r = engine.leave(b);
    if (r === 'unstarted') return res.status(400).json({ code: 'cannot_command_unstarted_bot', detail: 'Cannot command a bot that has not started yet.' });
    if (r === 'completed') return res.status(400).json({ code: 'cannot_command_completed_bot', detail: 'Cannot command a bot that has already completed.' });
    res.json(botJson(b));
  });

  router.get('/api/v1/bot/:id/transcript', (req, res) => {
    if (!auth(req, res)) return;
    const b = findBot(req, res);
    if (!b) return;
    const rec = b.recordings.find((r) => r.status === 'done' && r.transcripts.some((t) => t.status === 'done'));
    if (!rec) return res.json([]);
    const utterances = engine.transcriptDownload(b, rec) as { participant: { id: number; name: string }; words: { text: string; start_timestamp: { relative: number }; end_timestamp: { relative: number } }[] }[];
    res.json(
      utterances.map((u) => ({
        speaker: u.participant.name,
        speaker_id: u.participant.id,
        words: u.words.map((w) => ({ text: w.text, start_timestamp: w.start_timestamp.relative, end_timestamp: w.end_timestamp.relative })),
      })),
    );
  });

  router.get('/api/v1/transcript/:id', (req, res) => {
    if (!auth(req, res)) return;
    const found = engine.findTranscript((t) => t.id === req.params.id);
    if (!found) return res.status(404).json({ detail: 'Not found.' });
    res.json({ ...transcriptJson(found.rec, found.t), recording: { id: found.rec.id, metadata: {} } });
  });

  router.post('/api/v1/recording/:id/create_transcript', (req, res) => {
    if (!auth(req, res)) return;
    let hit: { bot: Bot; rec: Recording } | undefined;
    for (const bot of engine.bots.values()) for (const rec of bot.recordings) if (rec.id === req.params.id) hit = { bot, rec };
    if (!hit) return res.status(404).json({ detail: 'Not found.' });
    const provider = (req.body as { provider?: unknown } | undefined)?.provider;
    const key = provider && typeof provider === 'object' && !Array.isArray(provider) ? Object.keys(provider)[0] : undefined;
    if (!key) return res.status(400).json({ provider: ['This field is required.'] });
    if (key === 'meeting_captions' || key === 'recallai_streaming') return res.status(400).json({ provider: [`"${key}" is a real-time provider; use recallai_async or a third-party async provider.`] });
    if (hit.rec.status !== 'done') return res.status(400).json({ code: 'recording_not_done', detail: 'The recording has not finished processing yet.' });
    if (hit.rec.expiresMs !== undefined && clock.nowMs() >= hit.rec.expiresMs) return res.status(400).json({ code: 'media_expired', detail: 'The recording media has expired.' });
    if (hit.rec.transcripts.length >= 10) return res.status(400).json({ code: 'transcript_limit_reached', detail: 'A recording can have at most 10 transcripts.' });
    const t = engine.createAsyncTranscript(hit.bot, hit.rec, key);
    res.status(200).json({ ...transcriptJson(hit.rec, t), recording: { id: hit.rec.id, metadata: {} } });
  });

  router.get('/api/v1/download/transcript', (req, res) => {
    const token = str(req.query.token);
    const found = token ? engine.findTranscript((t) => t.downloadToken === token && t.status === 'done') : undefined;
    if (found) {
      if (found.rec.expiresMs !== undefined && clock.nowMs() >= found.rec.expiresMs)
        return res.status(403).type('application/xml').send('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
      inspector.record('recall', 'transcript_downloaded', { bot_id: found.bot.id, recording_id: found.rec.id, transcript_id: found.t.id });
      return res.json(engine.transcriptDownload(found.bot, found.rec, found.t.provider));
    }
    res.status(403).type('application/xml').send('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
  });

  router.use((_req, res) => res.status(404).json({ detail: 'Not found.' }));

  // ---------- admin ----------
  const admin = express.Router();
  admin.use(express.json());
  admin.get('/bots', (_req, res) => res.json({ bots: [...engine.bots.values()].map(botJson) }));
  admin.post('/bots/:id/finish', (req, res) => {
    const b = engine.bots.get(String(req.params.id));
    if (!b) throw new AdminError(`unknown bot ${req.params.id}`, 404);
    engine.finish(b);
    res.json(botJson(b));
  });
  admin.get('/settings', (_req, res) => res.json({ ...engine.settings, webhooks: webhooks.settings }));
  admin.put('/settings', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const known = ['defaultScenario', 'adHocPoolEmpty', 'processingDelayMs', 'retentionHours', 'webhooks'];
    for (const k of Object.keys(b)) if (!known.includes(k)) throw new AdminError(`unknown setting "${k}" (known: ${known.join(', ')})`);
    if (b.defaultScenario !== undefined && !(SCENARIOS as readonly string[]).includes(String(b.defaultScenario))) throw new AdminError(`defaultScenario must be one of ${SCENARIOS.join(', ')}`);
    if (b.adHocPoolEmpty !== undefined && typeof b.adHocPoolEmpty !== 'boolean') throw new AdminError('adHocPoolEmpty must be a boolean');
    for (const k of ['processingDelayMs', 'retentionHours'])
      if (b[k] !== undefined && (typeof b[k] !== 'number' || (b[k] as number) < 0)) throw new AdminError(`${k} must be a number >= 0`);
    if (b.webhooks !== undefined) {
      const w = b.webhooks as Record<string, unknown>;
      if (typeof w !== 'object' || w === null) throw new AdminError('webhooks must be an object');
      const wk: (keyof WebhookSettings)[] = ['drop', 'duplicate', 'delayMs', 'legacyPayload', 'svixHeaders', 'reorder'];
      for (const k of Object.keys(w)) if (!wk.includes(k as keyof WebhookSettings)) throw new AdminError(`unknown webhooks setting "${k}" (known: ${wk.join(', ')})`);
      if (w.drop !== undefined && typeof w.drop !== 'boolean' && !(typeof w.drop === 'number' && w.drop >= 0)) throw new AdminError('webhooks.drop must be a boolean or a count');
      for (const k of ['duplicate', 'legacyPayload', 'svixHeaders', 'reorder']) if (w[k] !== undefined && typeof w[k] !== 'boolean') throw new AdminError(`webhooks.${k} must be a boolean`);
      if (w.delayMs !== undefined && (typeof w.delayMs !== 'number' || w.delayMs < 0)) throw new AdminError('webhooks.delayMs must be a number >= 0');
      Object.assign(webhooks.settings, w);
    }
    const { webhooks: _w, ...rest } = b;
    Object.assign(engine.settings, rest);
    res.json({ ...engine.settings, webhooks: webhooks.settings });
  });
  admin.get('/webhooks', (_req, res) => res.json({ deliveries: webhooks.deliveries }));

  return {
    router,
    admin,
    engine,
    webhooks,
    reset: () => {
      engine.reset();
      webhooks.reset();
      idem.clear();
    },
  };
}

export function createRecallRouter(ctx: SandboxContext): Router {
  return createRecallModule(ctx).router;
}
