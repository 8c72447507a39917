import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { Webhook } from 'svix';
import { createSandbox } from '../src/app';
import { DEFAULT_RECALL_WEBHOOK_SECRET } from '../src/core/config';
import { TRANSCRIPTS } from '../src/transcripts/library';
import { waitFor } from './helpers';

const KEY = 'Token sandbox-recall-key';
const MEET = 'https://meet.google.com/abc-defg-hij';

interface Received {
  headers: Record<string, string>;
  raw: string;
  body: { event: string; data: Record<string, any> };  
}

/** A local webhook receiver that answers `status` (or a function of the attempt number). */
async function receiver(status: (n: number) => number = () => 200) {
  const received: Received[] = [];
  const app = express();
  app.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
    const raw = (req.body as Buffer).toString('utf8');
    received.push({ headers: req.headers as Record<string, string>, raw, body: JSON.parse(raw) });
    res.status(status(received.length)).end();
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { received, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const pathOf = (u: string) => {
  const x = new URL(u);
  return x.pathname + x.search;
};

describe('Recall.ai emulator — contract', () => {
  it('requires Authorization: Token (prefix optional)', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    const none = await request(app).get('/recall/api/v1/bot/');
    expect(none.status).toBe(401);
    expect(none.body.detail).toBeDefined();
    expect((await request(app).get('/recall/api/v1/bot/').set('Authorization', 'Token wrong')).status).toBe(401);
    expect((await request(app).get('/recall/api/v1/bot/').set('Authorization', 'sandbox-recall-key')).status).toBe(200);
  });

  it('creates a bot: 201, meeting_url parsed into an object, scheduled vs ad hoc, trailing slash optional', async () => {
    const { app, ctx } = createSandbox({ recallWebhookUrl: '' });
    const joinAt = new Date(ctx.clock.nowMs() + 3_600_000).toISOString();
    const res = await request(app)
      .post('/recall/api/v1/bot/')
      .set('Authorization', KEY)
      .send({ meeting_url: MEET, bot_name: "Ann's Notetaker", join_at: joinAt, recording_config: { transcript: { provider: { recallai_streaming: { mode: 'prioritize_accuracy' } } } }, metadata: { meeting_id: 'mtg_1' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ meeting_url: { meeting_id: 'abc-defg-hij', platform: 'google_meet' }, bot_name: "Ann's Notetaker", join_at: joinAt, recordings: [], metadata: { meeting_id: 'mtg_1' } });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.status_changes).toEqual([]);
    const zoom = await request(app).post('/recall/api/v1/bot').set('Authorization', KEY).send({ meeting_url: 'https://us02web.zoom.us/j/81234567890?pwd=abc' });
    expect(zoom.status).toBe(201);
    expect(zoom.body.meeting_url).toEqual({ meeting_id: '81234567890', meeting_password: 'abc', platform: 'zoom' });
    const got = await request(app).get(`/recall/api/v1/bot/${res.body.id}`).set('Authorization', KEY);
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(res.body.id);
    expect((await request(app).get('/recall/api/v1/bot/00000000-0000-0000-0000-000000000000/').set('Authorization', KEY)).status).toBe(404);
  });

  it('accepts every meeting link found in the seeded calendars (Meet, Zoom, Teams, Webex)', async () => {
    const { app, modules } = createSandbox({ recallWebhookUrl: '' });
    const links = new Set<string>();
    for (const e of modules.google.store.events.values()) {
      if (e.hangoutLink) links.add(e.hangoutLink);
      for (const text of [e.location, e.description]) for (const m of (text ?? '').matchAll(/https:\/\/[^\s<>]+/g)) links.add(m[0]);
    }
    const platforms = new Set<string>();
    for (const url of links) {
      const res = await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({ meeting_url: url });
      expect([url, res.status]).toEqual([url, 201]);
      platforms.add(res.body.meeting_url.platform);
    }
    expect([...platforms].sort()).toEqual(['google_meet', 'microsoft_teams', 'webex', 'zoom']);
  });

  it('validates the request with DRF-style field errors', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    const missing = await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.meeting_url).toEqual(['This field is required.']);
    const bad = await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({ meeting_url: 'https://example.com/meeting', join_at: 'soon' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body).sort()).toEqual(['join_at', 'meeting_url']);
  });

  it('replays an Idempotency-Key and answers 409 while the first request is in flight', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    const send = () => request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).set('Idempotency-Key', 'k-1').send({ meeting_url: MEET });
    const a = await send();
    const b = await send();
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    await request(app).put('/__admin/recall/settings').send({ processingDelayMs: 150 }).expect(200);
    const slow = request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).set('Idempotency-Key', 'k-2').send({ meeting_url: MEET }).then((r) => r);
    await new Promise((r) => setTimeout(r, 40));
    const clash = await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).set('Idempotency-Key', 'k-2').send({ meeting_url: MEET });
    expect(clash.status).toBe(409);
    expect((await slow).status).toBe(201);
  });

  it('answers 507 with Retry-After for ad-hoc bots when the pool is empty, but schedules bots far ahead', async () => {
    const { app, ctx } = createSandbox({ recallWebhookUrl: '' });
    await request(app).put('/__admin/recall/settings').send({ adHocPoolEmpty: true }).expect(200);
    const adhoc = await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({ meeting_url: MEET });
    expect(adhoc.status).toBe(507);
    expect(adhoc.headers['retry-after']).toBe('30');
    const scheduled = await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({ meeting_url: MEET, join_at: new Date(ctx.clock.nowMs() + 11 * 60_000).toISOString() });
    expect(scheduled.status).toBe(201);
  });

  it('lists with page/next and filters', async () => {
    const { app, ctx } = createSandbox({ recallWebhookUrl: '' });
    const base = ctx.clock.nowMs() + 86_400_000;
    for (let i = 0; i < 30; i++)
      await request(app)
        .post('/recall/api/v1/bot/')
        .set('Authorization', KEY)
        .send({ meeting_url: i % 2 ? MEET : 'https://us02web.zoom.us/j/81234567890', join_at: new Date(base + i * 60_000).toISOString(), metadata: { n: String(i) } })
        .expect(201);
    const p1 = await request(app).get('/recall/api/v1/bot/').set('Authorization', KEY);
    expect(p1.body.count).toBe(30);
    expect(p1.body.results).toHaveLength(25);
    expect(p1.body.previous).toBeNull();
    expect(p1.body.next).toMatch(/\/recall\/api\/v1\/bot\/\?page=2$/);
    const p2 = await request(app).get(pathOf(p1.body.next)).set('Authorization', KEY);
    expect(p2.body.results).toHaveLength(5);
    expect(p2.body.next).toBeNull();
    const zoomOnly = await request(app).get('/recall/api/v1/bot/').query({ platform: 'zoom' }).set('Authorization', KEY);
    expect(zoomOnly.body.count).toBe(15);
    const window = await request(app)
      .get('/recall/api/v1/bot/')
      .query({ join_at_after: new Date(base + 10 * 60_000).toISOString(), join_at_before: new Date(base + 12 * 60_000).toISOString() })
      .set('Authorization', KEY);
    expect(window.body.results.map((b: { metadata: { n: string } }) => b.metadata.n)).toEqual(['10', '11', '12']);
    const meta = await request(app).get('/recall/api/v1/bot/').query({ metadata__n: '7' }).set('Authorization', KEY);
    expect(meta.body.count).toBe(1);
  });

  it('deletes a scheduled bot (204) but not a dispatched one (405); leave_call answers 400 before start and after the end', async () => {
    const { app, ctx } = createSandbox({ recallWebhookUrl: '' });
    const mk = (joinInMs: number) => request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({ meeting_url: MEET, join_at: new Date(ctx.clock.nowMs() + joinInMs).toISOString() });
    const later = await mk(3_600_000);
    const unstarted = await request(app).post(`/recall/api/v1/bot/${later.body.id}/leave_call/`).set('Authorization', KEY);
    expect(unstarted.status).toBe(400);
    expect(unstarted.body.code).toBe('cannot_command_unstarted_bot');
    const del = await request(app).delete(`/recall/api/v1/bot/${later.body.id}/`).set('Authorization', KEY);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await request(app).get(`/recall/api/v1/bot/${later.body.id}/`).set('Authorization', KEY)).status).toBe(404);

    const soon = await mk(3_600_000);
    ctx.clock.advance(3_600_000 + 10_000);
    const dispatched = await request(app).get(`/recall/api/v1/bot/${soon.body.id}/`).set('Authorization', KEY);
    expect(dispatched.body.join_at).toBeNull();
    expect(dispatched.body.status_changes.map((s: { code: string }) => s.code)).toEqual(['joining_call', 'in_call_not_recording']);
    expect((await request(app).delete(`/recall/api/v1/bot/${soon.body.id}/`).set('Authorization', KEY)).status).toBe(405);
    const left = await request(app).post(`/recall/api/v1/bot/${soon.body.id}/leave_call/`).set('Authorization', KEY);
    expect(left.status).toBe(200);
    expect(left.body.status_changes.at(-1)).toMatchObject({ code: 'call_ended', sub_code: 'bot_received_leave_call' });
    const again = await request(app).post(`/recall/api/v1/bot/${soon.body.id}/leave_call/`).set('Authorization', KEY);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('cannot_command_completed_bot');
  });

  it('refuses to update a bot that has started and moves a scheduled one', async () => {
    const { app, ctx } = createSandbox({ recallWebhookUrl: '' });
    const created = await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({ meeting_url: MEET, join_at: new Date(ctx.clock.nowMs() + 3_600_000).toISOString() });
    const newJoin = new Date(ctx.clock.nowMs() + 7_200_000).toISOString();
    const moved = await request(app).patch(`/recall/api/v1/bot/${created.body.id}/`).set('Authorization', KEY).send({ join_at: newJoin });
    expect(moved.status).toBe(200);
    expect(moved.body.join_at).toBe(newJoin);
    const tooNear = await request(app).patch(`/recall/api/v1/bot/${created.body.id}/`).set('Authorization', KEY).send({ join_at: new Date(ctx.clock.nowMs() + 60_000).toISOString() });
    expect(tooNear.status).toBe(400);
    expect(tooNear.body.code).toBe('update_bot_failed');
    ctx.clock.advance(3_600_000);
    expect((await request(app).get(`/recall/api/v1/bot/${created.body.id}/`).set('Authorization', KEY)).body.status_changes).toEqual([]);
  });
});

describe('Recall.ai emulator — lifecycle, webhooks and transcript', () => {
  it('runs a 45-minute meeting in well under a few seconds at TIME_SCALE 3000, with Svix-signed webhooks and a downloadable transcript', async () => {
    const hook = await receiver();
    const { app, modules } = createSandbox({ timeScale: 3000, recallWebhookUrl: hook.url });
    try {
      const transcript = TRANSCRIPTS[0];
      const created = await request(app)
        .post('/recall/api/v1/bot/')
        .set('Authorization', KEY)
        .send({
          meeting_url: MEET,
          recording_config: { transcript: { provider: { recallai_streaming: { mode: 'prioritize_accuracy' } } } },
          chat: { on_bot_join: { send_to: 'everyone', message: 'Ann’s notetaker is recording.' } },
          metadata: { meeting_id: 'mtg_9', transcript_id: transcript.id },
        });
      expect(created.status).toBe(201);
      const started = Date.now();
      await waitFor(() => hook.received.find((r) => r.body.event === 'bot.done'), 8000, 'bot.done webhook');
      expect(Date.now() - started).toBeLessThan(5000);
      await modules.recall.webhooks.idle();

      const wh = new Webhook(DEFAULT_RECALL_WEBHOOK_SECRET);
      for (const r of hook.received) {
        expect(r.headers['webhook-signature']).toMatch(/^v1,/);
        expect(() => wh.verify(r.raw, { 'webhook-id': r.headers['webhook-id'], 'webhook-timestamp': r.headers['webhook-timestamp'], 'webhook-signature': r.headers['webhook-signature'] })).not.toThrow();
      }
      const tampered = hook.received[0];
      expect(() => wh.verify(tampered.raw.replace('mtg_9', 'mtg_X'), { 'webhook-id': tampered.headers['webhook-id'], 'webhook-timestamp': tampered.headers['webhook-timestamp'], 'webhook-signature': tampered.headers['webhook-signature'] })).toThrow();

      const botEvents = hook.received.filter((r) => r.body.event.startsWith('bot.')).map((r) => r.body.event);
      expect(botEvents).toEqual(['bot.joining_call', 'bot.in_call_not_recording', 'bot.in_call_recording', 'bot.call_ended', 'bot.done']);
      const ended = hook.received.find((r) => r.body.event === 'bot.call_ended')!.body;
      expect(ended.data).toEqual({ data: { code: 'call_ended', sub_code: 'call_ended_by_host', updated_at: expect.any(String) }, bot: { id: created.body.id, metadata: { meeting_id: 'mtg_9', transcript_id: transcript.id } } });
      expect(hook.received.some((r) => r.body.event === 'transcript.done')).toBe(true);

      const bot = (await request(app).get(`/recall/api/v1/bot/${created.body.id}/`).set('Authorization', KEY)).body;
      expect(bot.status_changes.map((s: { code: string }) => s.code)).toEqual(['joining_call', 'in_call_not_recording', 'in_call_recording', 'call_ended', 'done']);
      const rec = bot.recordings[0];
      expect(rec.status.code).toBe('done');
      const recMinutes = (Date.parse(rec.completed_at) - Date.parse(rec.started_at)) / 60_000;
      expect(recMinutes).toBeCloseTo(transcript.durationMinutes, 0);
      const dl = await request(app).get(pathOf(rec.media_shortcuts.transcript.data.download_url));
      expect(dl.status).toBe(200);
      expect(Array.isArray(dl.body)).toBe(true);
      const first = dl.body[0];
      expect(first.participant).toMatchObject({ id: expect.any(Number), name: transcript.segments[0].speaker });
      expect(first.words[0]).toEqual({ text: expect.any(String), start_timestamp: { relative: expect.any(Number), absolute: expect.any(String) }, end_timestamp: { relative: expect.any(Number), absolute: expect.any(String) } });
      const allText = dl.body.flatMap((u: { words: { text: string }[] }) => u.words.map((w) => w.text)).join(' ');
      expect(allText.replace(/\s+/g, ' ')).toBe(transcript.segments.map((s) => s.text).join(' ').replace(/\s+/g, ' '));
      const byId = await request(app).get(`/recall/api/v1/transcript/${rec.media_shortcuts.transcript.id}/`).set('Authorization', KEY);
      expect(byId.body.data.download_url).toBe(rec.media_shortcuts.transcript.data.download_url);
      const legacy = await request(app).get(`/recall/api/v1/bot/${created.body.id}/transcript/`).set('Authorization', KEY);
      expect(typeof legacy.body[0].words[0].start_timestamp).toBe('number');
      expect(legacy.body[0].speaker).toBe(first.participant.name);

      const insp = await request(app).get('/__inspector.json');
      expect(insp.body.providers.recall.bots[0]).toMatchObject({ id: created.body.id, status: 'done' });
      expect(insp.body.records.some((r: { kind: string }) => r.kind === 'chat_message_sent')).toBe(true);
      expect(insp.body.records.filter((r: { kind: string; payload: { status: number } }) => r.kind === 'webhook_sent' && r.payload.status === 200).length).toBe(hook.received.length);
    } finally {
      await hook.close();
    }
  });

  it('retries a webhook after a non-2xx answer (same webhook-id)', async () => {
    const hook = await receiver((n) => (n === 1 ? 500 : 200));
    const { app, modules } = createSandbox({ timeScale: 3000, recallWebhookUrl: hook.url });
    try {
      await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({ meeting_url: MEET, metadata: { sandbox_scenario: 'meeting_not_found' } });
      await waitFor(() => hook.received.filter((r) => r.body.event === 'bot.joining_call').length === 2, 5000, 'retry');
      const [a, b] = hook.received.filter((r) => r.body.event === 'bot.joining_call');
      expect(a.headers['webhook-id']).toBe(b.headers['webhook-id']);
      await waitFor(() => hook.received.find((r) => r.body.event === 'bot.fatal'), 5000, 'fatal');
      expect(hook.received.find((r) => r.body.event === 'bot.fatal')!.body.data.data.sub_code).toBe('meeting_not_found');
      await modules.recall.webhooks.idle();
    } finally {
      await hook.close();
    }
  });

  it.each([
    ['waiting_room', ['joining_call', 'in_waiting_room', 'in_call_not_recording', 'in_call_recording', 'call_ended', 'done'], 'call_ended_by_host', true],
    ['refused', ['joining_call', 'in_waiting_room', 'call_ended', 'done'], 'bot_kicked_from_waiting_room', false],
    ['recording_denied', ['joining_call', 'in_call_not_recording', 'recording_permission_denied', 'call_ended', 'done'], 'recording_permission_denied', false],
    ['ends_early', ['joining_call', 'in_call_not_recording', 'in_call_recording', 'call_ended', 'done'], 'timeout_exceeded_everyone_left', true],
    ['meeting_not_found', ['joining_call', 'fatal'], 'meeting_not_found', false],
  ])('scenario %s walks %j (finished through the admin API)', async (scenario, codes, subCode, hasTranscript) => {
    const { app, ctx } = createSandbox({ recallWebhookUrl: '' });
    const created = await request(app)
      .post('/recall/api/v1/bot/')
      .set('Authorization', KEY)
      .send({ meeting_url: MEET, join_at: new Date(ctx.clock.nowMs() + 86_400_000).toISOString(), recording_config: { transcript: { provider: { meeting_captions: {} } } }, metadata: { sandbox_scenario: scenario } });
    const fin = await request(app).post(`/__admin/recall/bots/${created.body.id}/finish`);
    expect(fin.status).toBe(200);
    expect(fin.body.status_changes.map((s: { code: string }) => s.code)).toEqual(codes);
    expect(fin.body.status_changes.find((s: { sub_code: string | null }) => s.sub_code)?.sub_code).toBe(subCode);
    const times = fin.body.status_changes.map((s: { created_at: string }) => Date.parse(s.created_at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const url = fin.body.recordings[0]?.media_shortcuts?.transcript?.data?.download_url;
    expect(Boolean(url)).toBe(hasTranscript);
    if (url) {
      const dl = await request(app).get(pathOf(url));
      expect(dl.status).toBe(200);
      // meeting_captions: one "word" per caption phrase
      expect(dl.body[0].words[0].text.split(' ').length).toBeGreaterThan(1);
    }
  });

  it('advancing the clock past a long meeting completes the bot; media expire after the retention', async () => {
    const { app, ctx } = createSandbox({ recallWebhookUrl: '' });
    const created = await request(app)
      .post('/recall/api/v1/bot/')
      .set('Authorization', KEY)
      .send({ meeting_url: MEET, join_at: new Date(ctx.clock.nowMs() + 20 * 60_000).toISOString(), recording_config: { transcript: { provider: { recallai_streaming: {} } } } });
    ctx.clock.advance(20 * 60_000 + 3 * 3_600_000);
    const bot = (await request(app).get(`/recall/api/v1/bot/${created.body.id}/`).set('Authorization', KEY)).body;
    expect(bot.status_changes.at(-1).code).toBe('done');
    const url = bot.recordings[0].media_shortcuts.transcript.data.download_url;
    expect((await request(app).get(pathOf(url))).status).toBe(200);
    ctx.clock.advance(8 * 86_400_000);
    expect((await request(app).get(pathOf(url))).status).toBe(403);
  });

  it('creates an async transcript for a finished recording and announces transcript.done', async () => {
    const hook = await receiver();
    const { app, ctx, modules } = createSandbox({ recallWebhookUrl: hook.url });
    try {
      const created = await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({ meeting_url: MEET, join_at: new Date(ctx.clock.nowMs() + 86_400_000).toISOString() });
      const fin = await request(app).post(`/__admin/recall/bots/${created.body.id}/finish`);
      expect(fin.body.recordings[0].media_shortcuts.transcript).toBeNull();
      const recId = fin.body.recordings[0].id;
      const noProvider = await request(app).post(`/recall/api/v1/recording/${recId}/create_transcript/`).set('Authorization', KEY).send({});
      expect(noProvider.status).toBe(400);
      const res = await request(app).post(`/recall/api/v1/recording/${recId}/create_transcript/`).set('Authorization', KEY).send({ provider: { recallai_async: { language_code: 'en' } } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: { code: 'processing' }, provider: { recallai_async: {} }, recording: { id: recId }, data: { download_url: null } });
      ctx.clock.advance(10 * 60_000);
      const t = await request(app).get(`/recall/api/v1/transcript/${res.body.id}/`).set('Authorization', KEY);
      expect(t.body.status.code).toBe('done');
      const dl = await request(app).get(pathOf(t.body.data.download_url));
      expect(dl.status).toBe(200);
      expect(dl.body.length).toBeGreaterThan(3);
      await waitFor(() => hook.received.find((r) => r.body.event === 'transcript.done' && r.body.data.transcript.id === res.body.id), 3000, 'transcript.done');
      await modules.recall.webhooks.idle();
    } finally {
      await hook.close();
    }
  });

  it('webhook switches: drop, duplicate (same webhook-id), reorder, v1.10 payload with svix-* headers', async () => {
    const hook = await receiver();
    const { app, ctx, modules } = createSandbox({ recallWebhookUrl: hook.url });
    const run = async (settings: Record<string, unknown>) => {
      hook.received.length = 0;
      await request(app).put('/__admin/recall/settings').send({ webhooks: { drop: false, duplicate: false, reorder: false, legacyPayload: false, svixHeaders: false, ...settings } }).expect(200);
      const c = await request(app).post('/recall/api/v1/bot/').set('Authorization', KEY).send({ meeting_url: MEET, join_at: new Date(ctx.clock.nowMs() + 86_400_000).toISOString(), metadata: { sandbox_scenario: 'meeting_not_found' } });
      await request(app).post(`/__admin/recall/bots/${c.body.id}/finish`).expect(200);
      ctx.clock.advance(5_000);
      await modules.recall.webhooks.idle();
      return hook.received;
    };
    try {
      expect(await run({ drop: true })).toHaveLength(0);
      const dup = await run({ duplicate: true });
      expect(dup.map((r) => r.body.event).sort()).toEqual(['bot.fatal', 'bot.fatal', 'bot.joining_call', 'bot.joining_call']);
      expect(new Set(dup.map((r) => r.headers['webhook-id'])).size).toBe(2);
      const reordered = await run({ reorder: true });
      expect(reordered.map((r) => r.body.event)).toEqual(['bot.fatal', 'bot.joining_call']);
      const legacy = await run({ legacyPayload: true, svixHeaders: true });
      expect(legacy[0].body).toMatchObject({ event: 'bot.status_change', data: { bot_id: expect.any(String), status: { code: 'joining_call' } } });
      expect(legacy[0].headers['svix-signature']).toMatch(/^v1,/);
      expect(() => new Webhook(DEFAULT_RECALL_WEBHOOK_SECRET).verify(legacy[0].raw, { 'svix-id': legacy[0].headers['svix-id'], 'svix-timestamp': legacy[0].headers['svix-timestamp'], 'svix-signature': legacy[0].headers['svix-signature'] })).not.toThrow();
      const bad = await request(app).put('/__admin/recall/settings').send({ webhooks: { shuffle: true } });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatch(/unknown webhooks setting "shuffle"/);
    } finally {
      await hook.close();
    }
  });
});
