import request from 'supertest';
import { ResilienceService } from '../src/infra/resilience/resilience.service';
import { RateLimitService } from '../src/infra/resilience/rate-limit.service';
import { BotsService } from '../src/modules/bots/bots.service';
import { addEvent, bearer, db, MEETINGS_TEST_ENV, meetingByEvent, sandboxBots } from './meetings-helpers';
import { delayedJobs, drainQueues, failedJobs } from './queues';
import { signIn, SignedIn, Stack, startStack } from './stack';

/** Recall.ai down, the breaker, and the hourly bot quota: work waits and resumes, nothing is lost. */
describe('Notetaker resilience', () => {
  let stack: Stack;
  let ann: SignedIn;
  const api = () => request(stack.api.url);
  const drain = () => drainQueues(stack.api.app);
  const newMeetings = async (label: string, n: number, startInMinutes: number) => {
    const events = [];
    for (let i = 0; i < n; i++) events.push(await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: `${label} ${i}`, startInMinutes: startInMinutes + i * 45 }));
    await api().post('/api/calendar/events').set(bearer(ann)).expect(202);
    await drain();
    return Promise.all(events.map((e) => meetingByEvent(stack, e.id)));
  };
  const botsFor = async (ids: string[]) => (await sandboxBots(stack)).filter((b) => ids.includes(b.metadata.meeting_id));

  beforeAll(async () => {
    // Fast in-call retries and a short open period; the failure threshold is the design's (3).
    stack = await startStack({ ...MEETINGS_TEST_ENV, RESILIENCE_OVERRIDES: JSON.stringify({ recall: { retryMinMs: 5, retryMaxMs: 10, breakerResetMs: 2500 } }) });
    ann = await signIn(stack, 'ann.lee@leewealth.example');
    await api().patch('/api/profile').set(bearer(ann)).send({ notetakerDefault: false }).expect(200);
    await api().post('/api/calendar/events').set(bearer(ann)).expect(202);
    await drain();
  });
  afterAll(async () => stack?.close());

  it('opens the breaker after 3 failures, stops calling Recall, and creates every pending bot after recovery', async () => {
    const meetings = await newMeetings('Outage check', 3, 120);
    const fault = await request(stack.sandboxUrl).post('/__admin/faults').send({ recall: { id: 'down', route: '/api/v1/bot', method: 'POST', status: 503 } }).expect(201);
    expect(fault.body.added).toHaveLength(1);
    for (const m of meetings) await api().patch(`/api/meetings/${m.id}/notetaker`).set(bearer(ann)).send({ enabled: true }).expect(200);
    await drain();

    const resilience = stack.api.app.get(ResilienceService);
    const matched = async () => (await request(stack.sandboxUrl).get('/__admin/faults')).body.recall.find((r: { id: string }) => r.id === 'down').matched as number;
    expect(resilience.state('recall')).toBe('open');
    expect(await matched()).toBe(3);
    const detail = (await api().get(`/api/meetings/${meetings[2].id}`).set(bearer(ann))).body.data;
    expect(detail).toMatchObject({ botStatus: 'retrying' });
    expect(detail.botStatusDetail).toMatch(/scheduled automatically when it recovers/);

    // While open, retries fail fast without reaching Recall; the work stays queued (delayed), not failed.
    for (const j of await delayedJobs(stack.api.app, 'bots')) await j.promote();
    await drain();
    expect(await matched()).toBe(3);
    expect((await delayedJobs(stack.api.app, 'bots')).filter((j) => j.name === 'bot.reconcile')).toHaveLength(3);
    expect(await failedJobs(stack.api.app, 'bots')).toHaveLength(0);
    expect((await db(stack).query(`SELECT count(*)::int AS n FROM recall_bot WHERE state = 'pending'`))[0].n).toBe(3);

    // Recall recovers; once the open period ends the half-open probe goes through and the backlog drains.
    await request(stack.sandboxUrl).delete('/__admin/faults/recall').expect(200);
    const deadline = Date.now() + 5000;
    while (resilience.state('recall') === 'open' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(resilience.state('recall')).not.toBe('open');
    await drainQueues(stack.api.app, { promoteDelayed: true });
    expect(resilience.state('recall')).toBe('closed');
    const created = await botsFor(meetings.map((m) => m.id));
    expect(created.map((b) => b.metadata.meeting_id).sort()).toEqual(meetings.map((m) => m.id).sort());
    const rows = await db(stack).query(`SELECT state FROM recall_bot WHERE meeting_id = ANY($1)`, [meetings.map((m) => m.id)]);
    expect(rows.map((r: { state: string }) => r.state)).toEqual(['scheduled', 'scheduled', 'scheduled']);
  });

  it('holds the 6th creation of the hour until a slot frees, and says so clearly', async () => {
    // 3 bots were created above; two more fit in this hour.
    const meetings = await newMeetings('Quota check', 3, 600);
    await api().patch(`/api/meetings/${meetings[0].id}/notetaker`).set(bearer(ann)).send({ enabled: true }).expect(200);
    await api().patch(`/api/meetings/${meetings[1].id}/notetaker`).set(bearer(ann)).send({ enabled: true }).expect(200);
    await drain();
    const post = await api().post('/api/recall/bots').set(bearer(ann)).send({ meetingId: meetings[2].id }).expect(202);
    await drain();
    expect(post.body.data.notice ?? '').toMatch(/5 notetakers in the last hour/);
    expect(await botsFor(meetings.map((m) => m.id))).toHaveLength(2);

    const waiting = (await api().get(`/api/meetings/${meetings[2].id}`).set(bearer(ann))).body.data;
    expect(waiting.botStatus).toBe('waiting_rate_limit');
    expect(waiting.botStatusDetail).toMatch(/Hourly limit of 5 notetakers reached; this one will be scheduled automatically at/);
    const bots = (await api().get('/api/recall/bots').query({ meetingId: meetings[2].id }).set(bearer(ann))).body.data.items;
    expect(bots[0]).toMatchObject({ state: 'pending', waitingUntil: expect.any(String) });
    const delayed = (await delayedJobs(stack.api.app, 'bots')).filter((j) => j.name === 'bot.reconcile' && j.data.meetingId === meetings[2].id);
    expect(delayed).toHaveLength(1);
    expect(delayed[0].delay + delayed[0].timestamp - Date.now()).toBeGreaterThan(50 * 60_000);
    expect(await failedJobs(stack.api.app, 'bots')).toHaveLength(0);

    // An hour later (a slot frees): the same job runs and creates the bot.
    const bs = stack.api.app.get(BotsService);
    await stack.api.app.get(RateLimitService).refund(bs.createLimit, ann.user.id);
    await delayed[0].promote();
    await drain();
    expect(await botsFor([meetings[2].id])).toHaveLength(1);
    expect((await api().get(`/api/meetings/${meetings[2].id}`).set(bearer(ann))).body.data.botStatus).toBe('scheduled');
  });
});
