import request from 'supertest';
import { Webhook } from 'svix';
import { DomainEventMap, DomainEvents } from '../src/infra/events/domain-events';
import { RealtimeService } from '../src/infra/realtime/realtime.service';
import { BotsService } from '../src/modules/bots/bots.service';
import { addEvent, bearer, db, MEETINGS_TEST_ENV, meetingByEvent, sandboxBots } from './meetings-helpers';
import { drainQueues } from './queues';
import { signIn, SignedIn, Stack, startStack } from './stack';

/** Calendar event → toggle → Recall bot → the meeting runs in the sandbox → transcript stored encrypted → transcript.ready. */
describe('Notetaker bots end to end against the sandbox', () => {
  let stack: Stack;
  let ann: SignedIn;
  const ready: DomainEventMap['transcript.ready'][] = [];
  const api = () => request(stack.api.url);
  const drain = () => drainQueues(stack.api.app);
  const sync = async () => {
    await api().post('/api/calendar/events').set(bearer(ann)).expect(202);
    await drain();
  };
  const webhookUrl = () => `${stack.api.url}/api/recall/webhook`;

  beforeAll(async () => {
    stack = await startStack(MEETINGS_TEST_ENV);
    stack.sandbox.ctx.config.recallWebhookUrl = webhookUrl();
    ann = await signIn(stack, 'ann.lee@leewealth.example');
    await api().patch('/api/profile').set(bearer(ann)).send({ notetakerDefault: false, joinMinutesBefore: 3 }).expect(200);
    stack.api.app.get(DomainEvents).on('transcript.ready', (e) => void ready.push(e));
  });
  afterAll(async () => stack?.close());

  it('syncs, toggles, schedules the bot at start − N minutes, and stores the transcript from signed webhooks', async () => {
    const event = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Webhook path review — Smith', startInMinutes: 60 });
    await sync();
    const list = await api().get('/api/calendar/events').query({ q: 'Webhook path review' }).set(bearer(ann)).expect(200);
    expect(list.body.data.page).toMatchObject({ total: 1, offset: 0 });
    const item = list.body.data.items[0];
    expect(item).toMatchObject({ platform: 'google_meet', meetingUrl: event.hangoutLink, sourceAccountEmail: 'ann.lee@leewealth.example', notetakerEnabled: false, botStatus: null, transcriptAvailable: false });
    expect(item.attendees).toEqual(expect.arrayContaining([expect.objectContaining({ email: 'bob.smith@gmail.example', name: 'Bob Smith' })]));

    const toggled = await api().patch(`/api/meetings/${item.id}/notetaker`).set(bearer(ann)).send({ enabled: true }).expect(200);
    expect(toggled.body.data).toMatchObject({ notetakerEnabled: true, notetakerChoice: 'user' });
    await drain();

    const bots = (await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === item.id);
    expect(bots).toHaveLength(1);
    expect(bots[0].join_at).toBe(new Date(Date.parse(event.start) - 3 * 60_000).toISOString());
    expect(bots[0]).toMatchObject({ bot_name: "Ann Lee's Notetaker", metadata: { meeting_id: item.id, firm_id: ann.user.firmId } });
    expect(JSON.stringify(bots[0].chat)).toMatch(/being recorded/);
    const ours = await api().get('/api/recall/bots').query({ meetingId: item.id }).set(bearer(ann)).expect(200);
    expect(ours.body.data.items[0]).toMatchObject({ externalId: bots[0].id, state: 'scheduled', chatAnnounced: true });
    expect((await api().get(`/api/meetings/${item.id}`).set(bearer(ann)).expect(200)).body.data.botStatus).toBe('scheduled');

    // The sandbox runs the whole meeting now; each status goes out as a Svix-signed webhook.
    await request(stack.sandboxUrl).post(`/__admin/recall/bots/${bots[0].id}/finish`).expect(200);
    await stack.sandbox.modules.recall.webhooks.idle();
    await drain();

    const [row] = await db(stack).query(`SELECT transcript_enc, transcript_state, transcript_source FROM client_meeting WHERE id = $1`, [item.id]);
    expect(row).toMatchObject({ transcript_state: 'stored', transcript_source: 'recall' });
    expect(row.transcript_enc).toMatch(/^(v1|d1)\./); // ciphertext (per-meeting data key or the app key)
    const transcript = await api().get(`/api/meetings/${item.id}/transcript`).set(bearer(ann)).expect(200);
    const segments = transcript.body.data.segments as { speaker: string; start: number; end: number; text: string }[];
    expect(segments.length).toBeGreaterThan(3);
    expect(segments[0]).toEqual({ speaker: expect.any(String), start: expect.any(Number), end: expect.any(Number), text: expect.any(String) });
    // The raw column holds no plaintext: no speaker name and no spoken word of any length appears in it.
    const words = new Set(segments.flatMap((s) => [s.speaker, ...s.text.split(/\W+/)]).filter((w) => w && w.length >= 5));
    for (const w of words) expect(row.transcript_enc).not.toContain(w);
    const needle = segments.flatMap((s) => s.text.split(/\W+/)).find((w) => w.length > 6)!;
    const searched = await api().get(`/api/meetings/${item.id}/transcript`).query({ q: needle }).set(bearer(ann)).expect(200);
    expect(searched.body.data.segments.length).toBeGreaterThan(0);
    expect(searched.body.data.segments.length).toBeLessThanOrEqual(segments.length);
    expect(searched.body.data.segments.every((s: { text: string; speaker: string }) => `${s.text} ${s.speaker}`.toLowerCase().includes(needle.toLowerCase()))).toBe(true);

    expect(ready).toContainEqual({ meetingId: item.id, firmId: ann.user.firmId, advisorId: ann.user.id, source: 'recall' });
    const bot = (await api().get('/api/recall/bots').query({ meetingId: item.id }).set(bearer(ann)).expect(200)).body.data.items[0];
    expect(bot.state).toBe('completed');
    expect(bot.timeline.map((t: { code: string }) => t.code)).toEqual(expect.arrayContaining(['joining_call', 'in_call_recording', 'call_ended', 'done']));
    expect(bot.timeline.every((t: { source: string }) => t.source === 'webhook')).toBe(true);
    const audit = await db(stack).query(`SELECT action FROM audit_event WHERE subject_id IN ($1, $2) ORDER BY chain_seq`, [item.id, bot.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['meeting.notetaker_toggled', 'bot.requested', 'bot.created', 'bot.done', 'transcript.stored', 'bot.completed']));
  });

  it('gets there by polling when webhooks are off', async () => {
    stack.sandbox.ctx.config.recallWebhookUrl = '';
    try {
      const event = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Polling path check-in — Garcia', startInMinutes: 8 });
      await sync();
      const m = await meetingByEvent(stack, event.id);
      await api().patch(`/api/meetings/${m.id}/notetaker`).set(bearer(ann)).send({ enabled: true }).expect(200);
      await drain();
      const [sbot] = (await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === m.id);
      await request(stack.sandboxUrl).post(`/__admin/recall/bots/${sbot.id}/finish`).expect(200);

      const bots = stack.api.app.get(BotsService);
      expect((await bots.sweep()).polled).toBeGreaterThanOrEqual(1);
      await drain();
      await drainQueues(stack.api.app, { promoteDelayed: true });

      const detail = (await api().get(`/api/meetings/${m.id}`).set(bearer(ann)).expect(200)).body.data;
      expect(detail).toMatchObject({ transcriptAvailable: true, transcriptState: 'stored', botStatus: 'done' });
      const bot = (await api().get('/api/recall/bots').query({ meetingId: m.id }).set(bearer(ann)).expect(200)).body.data.items[0];
      expect(bot.timeline.map((t: { source: string }) => t.source)).toContain('poll');
      expect(ready.some((e) => e.meetingId === m.id)).toBe(true);
    } finally {
      stack.sandbox.ctx.config.recallWebhookUrl = webhookUrl();
    }
  });

  it('answers 401 to a missing or wrong signature and changes nothing; a duplicate delivery is processed once', async () => {
    const counts = async () => (await db(stack).query(`SELECT (SELECT count(*) FROM recall_webhook_receipt)::int AS r, (SELECT count(*) FROM recall_bot_status)::int AS s`))[0];
    const before = await counts();
    const [bot] = await db(stack).query(`SELECT external_id FROM recall_bot WHERE external_id IS NOT NULL LIMIT 1`);
    const body = JSON.stringify({ event: 'bot.fatal', data: { data: { code: 'fatal', sub_code: 'bot_errored', updated_at: new Date().toISOString() }, bot: { id: bot.external_id, metadata: {} } } });
    const none = await api().post('/api/recall/webhook').set('content-type', 'application/json').send(body).expect(401);
    expect(none.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const forged = new Webhook('whsec_' + Buffer.from('not-the-real-secret-at-all!!').toString('base64'));
    const ts = new Date();
    await api()
      .post('/api/recall/webhook')
      .set({ 'content-type': 'application/json', 'webhook-id': 'msg_forged', 'webhook-timestamp': String(Math.floor(ts.getTime() / 1000)), 'webhook-signature': forged.sign('msg_forged', ts, body) })
      .send(body)
      .expect(401);
    const real = new Webhook(stack.api.config.recall.webhookSecret);
    const tampered = body.replace('bot_errored', 'meeting_ended');
    await api()
      .post('/api/recall/webhook')
      .set({ 'content-type': 'application/json', 'svix-id': 'msg_tampered', 'svix-timestamp': String(Math.floor(ts.getTime() / 1000)), 'svix-signature': real.sign('msg_tampered', ts, body) })
      .send(tampered)
      .expect(401);
    expect(await counts()).toEqual(before);

    const headers = { 'content-type': 'application/json', 'svix-id': 'msg_dup_1', 'svix-timestamp': String(Math.floor(ts.getTime() / 1000)), 'svix-signature': real.sign('msg_dup_1', ts, body) };
    const first = await api().post('/api/recall/webhook').set(headers).send(body).expect(200);
    const second = await api().post('/api/recall/webhook').set(headers).send(body).expect(200);
    expect(first.body.data).toMatchObject({ duplicate: false, known: true });
    expect(second.body.data).toMatchObject({ duplicate: true });
    expect(await counts()).toEqual({ r: before.r + 1, s: before.s + 1 });
  });

  it('reschedules the bot when the event moves and removes it when the event is cancelled', async () => {
    const event = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Move me — Nguyen', startInMinutes: 90, conference: 'zoom_location' });
    await sync();
    const m = await meetingByEvent(stack, event.id);
    expect((await api().get(`/api/meetings/${m.id}`).set(bearer(ann))).body.data.platform).toBe('zoom');
    await api().patch(`/api/meetings/${m.id}/notetaker`).set(bearer(ann)).send({ enabled: true }).expect(200);
    await drain();
    const [created] = (await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === m.id);
    expect(created.join_at).toBe(new Date(Date.parse(event.start) - 3 * 60_000).toISOString());

    const newStart = new Date(Date.parse(event.start) + 60 * 60_000).toISOString();
    await request(stack.sandboxUrl).patch(`/__admin/google/events/${event.id}`).send({ start: newStart }).expect(200);
    await sync();
    const moved = (await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === m.id);
    expect(moved).toHaveLength(1);
    expect(moved[0].join_at).toBe(new Date(Date.parse(newStart) - 3 * 60_000).toISOString());
    const [row] = await db(stack).query(`SELECT state, join_at FROM recall_bot WHERE meeting_id = $1 AND state <> 'cancelled'`, [m.id]);
    expect(new Date(row.join_at).toISOString()).toBe(moved[0].join_at);

    await request(stack.sandboxUrl).post(`/__admin/google/events/${event.id}/cancel`).expect(200);
    await sync();
    expect((await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === m.id)).toHaveLength(0);
    const states = await db(stack).query(`SELECT state FROM recall_bot WHERE meeting_id = $1`, [m.id]);
    expect(states.map((s: { state: string }) => s.state)).toEqual(['cancelled']);
    expect((await meetingByEvent(stack, event.id)).status).toBe('cancelled');
    const list = await api().get('/api/calendar/events').query({ q: 'Move me' }).set(bearer(ann)).expect(200);
    expect(list.body.data.page.total).toBe(0);
  });

  it('turning the toggle off deletes the scheduled bot', async () => {
    const event = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Toggle off — Kim', startInMinutes: 120, conference: 'teams_description' });
    await sync();
    const m = await meetingByEvent(stack, event.id);
    const post = await api().post('/api/recall/bots').set(bearer(ann)).send({ meetingId: m.id }).expect(202);
    expect(post.body.data).toMatchObject({ meetingId: m.id, notice: null });
    await drain();
    const mine = await api().get('/api/recall/bots').query({ meetingId: m.id }).set(bearer(ann)).expect(200);
    expect(mine.body.data.items[0].state).toBe('scheduled');
    expect((await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === m.id)).toHaveLength(1);
    await api().delete(`/api/recall/bots/${mine.body.data.items[0].id}`).set(bearer(ann)).expect(200);
    await drain();
    expect((await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === m.id)).toHaveLength(0);
    expect((await api().get(`/api/meetings/${m.id}`).set(bearer(ann))).body.data).toMatchObject({ notetakerEnabled: false, botStatus: 'cancelled', platform: 'microsoft_teams' });
  });
  it('alerts the advisor live when the bot waits in the lobby and is refused (v1.10 payloads, svix-* headers)', async () => {
    const seen: { type: string; payload: Record<string, unknown> }[] = [];
    const detach = stack.api.app.get(RealtimeService).attach({ userId: ann.user.id, firmId: ann.user.firmId, role: 'admin', send: (type, payload) => seen.push({ type, payload }) });
    await request(stack.sandboxUrl).put('/__admin/recall/settings').send({ defaultScenario: 'refused', webhooks: { legacyPayload: true, svixHeaders: true } }).expect(200);
    try {
      const event = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Lobby — Walsh', startInMinutes: 50 });
      await sync();
      const m = await meetingByEvent(stack, event.id);
      await api().patch(`/api/meetings/${m.id}/notetaker`).set(bearer(ann)).send({ enabled: true }).expect(200);
      await drain();
      const [sbot] = (await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === m.id);
      await request(stack.sandboxUrl).post(`/__admin/recall/bots/${sbot.id}/finish`).expect(200);
      await stack.sandbox.modules.recall.webhooks.idle();
      await drainQueues(stack.api.app, { promoteDelayed: true });
      const deadline = Date.now() + 3000;
      while (seen.filter((e) => e.type === 'bot.alert').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const alerts = seen.filter((e) => e.type === 'bot.alert' && e.payload.meetingId === m.id);
      // Deliveries race each other; the alerts are per status, whatever order they land in.
      expect(alerts.map((a) => a.payload.code).sort()).toEqual(['call_ended', 'in_waiting_room']);
      expect(alerts.find((a) => a.payload.code === 'in_waiting_room')!.payload).toMatchObject({ level: 'warning', message: expect.stringMatching(/waiting to be admitted to "Lobby — Walsh"/) });
      expect(alerts.find((a) => a.payload.code === 'call_ended')!.payload).toMatchObject({ level: 'error', subCode: 'bot_kicked_from_waiting_room' });
      expect(seen.some((e) => e.type === 'bot.status' && e.payload.meetingId === m.id)).toBe(true);
      const bot = (await api().get('/api/recall/bots').query({ meetingId: m.id }).set(bearer(ann)).expect(200)).body.data.items[0];
      expect(bot.timeline.map((t: { code: string }) => t.code)).toEqual(['joining_call', 'in_waiting_room', 'call_ended', 'done']);
      const detail = (await api().get(`/api/meetings/${m.id}`).set(bearer(ann))).body.data;
      expect(detail).toMatchObject({ transcriptAvailable: false, botStatus: 'done', botStatusDetail: 'Nothing was recorded' });
    } finally {
      detach();
      await request(stack.sandboxUrl).put('/__admin/recall/settings').send({ defaultScenario: 'normal', webhooks: { legacyPayload: false, svixHeaders: false } }).expect(200);
    }
  });
});
