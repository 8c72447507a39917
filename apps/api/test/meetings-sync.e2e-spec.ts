import request from 'supertest';
import { BotsService } from '../src/modules/bots/bots.service';
import { MeetingsService } from '../src/modules/meetings/meetings.service';
import { addEvent, bearer, connectCalendar, db, MEETINGS_TEST_ENV, meetingByEvent, sandboxBots } from './meetings-helpers';
import { drainQueues } from './queues';
import { signIn, SignedIn, Stack, startStack } from './stack';

interface Item {
  id: string;
  title: string;
  platform: string | null;
  notetakerEnabled: boolean;
  excludedReason: string | null;
  startsAt: string;
  botStatus: string | null;
  sourceAccountEmail: string;
}

/** Calendar sync against the sandbox's Google Calendar: full and incremental sync, 410, the default toggle, dedupe. */
describe('Calendar sync', () => {
  let stack: Stack;
  let ann: SignedIn;
  let accountId: string;
  const api = () => request(stack.api.url);
  const drain = () => drainQueues(stack.api.app);
  const sync = async () => {
    await api().post('/api/calendar/events').set(bearer(ann)).expect(202);
    await drain();
  };
  const all = async (query: Record<string, string | number | boolean> = {}): Promise<{ items: Item[]; page: { total: number; limit: number; offset: number } }> =>
    (await api().get('/api/calendar/events').query({ limit: 200, ...query }).set(bearer(ann)).expect(200)).body.data;
  const syncState = async () => (await db(stack).query(`SELECT * FROM calendar_sync_state WHERE google_account_id = $1`, [accountId]))[0];

  beforeAll(async () => {
    stack = await startStack({ ...MEETINGS_TEST_ENV, RECALL_BOTS_PER_HOUR: '100' });
    ann = await signIn(stack, 'ann.lee@leewealth.example');
    [{ id: accountId }] = await db(stack).query(`SELECT id FROM google_account WHERE user_id = $1`, [ann.user.id]);
  });
  afterAll(async () => stack?.close());

  it('imports timed meetings only, detects links and platforms, stores attendees, and applies the default toggle and exclusions', async () => {
    const normal = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Default on — Quillfeather', startInMinutes: 180 });
    const personal = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Personal: call with the bank', startInMinutes: 200 });
    const secret = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Board call', startInMinutes: 220, visibility: 'private' });
    await sync();
    expect((await syncState()).sync_token).toBeTruthy();

    const upcoming = await all();
    const titles = upcoming.items.map((i) => i.title);
    for (const skipped of ['FPA regional conference', 'Out of office', 'Focus time', 'Lunch & learn — annuities', 'Annual policy attestation due']) expect(titles).not.toContain(skipped);
    const byPrefix = (p: string) => upcoming.items.find((i) => i.title.startsWith(p))!;
    expect(byPrefix('Insurance review').platform).toBe('zoom');
    expect(byPrefix('Tax-loss harvesting').platform).toBe('microsoft_teams');
    expect(byPrefix('Business succession planning').platform).toBe('webex');
    expect(byPrefix('Annual review').platform).toBe('zoom');
    expect(byPrefix('Doctor appointment')).toMatchObject({ platform: null, notetakerEnabled: false, excludedReason: 'private' });
    expect(byPrefix('Vendor demo')).toMatchObject({ platform: 'zoom', notetakerEnabled: false, excludedReason: 'declined' });
    expect(upcoming.items.every((i) => i.sourceAccountEmail === 'ann.lee@leewealth.example')).toBe(true);
    const times = upcoming.items.map((i) => Date.parse(i.startsAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const get = async (eventId: string) => (await api().get(`/api/meetings/${(await meetingByEvent(stack, eventId)).id}`).set(bearer(ann)).expect(200)).body.data;
    expect(await get(normal.id)).toMatchObject({ notetakerEnabled: true, notetakerChoice: 'default', excludedReason: null });
    expect(await get(personal.id)).toMatchObject({ notetakerEnabled: false, excludedReason: 'keyword:personal' });
    expect(await get(secret.id)).toMatchObject({ notetakerEnabled: false, excludedReason: 'private' });

    const past = await all({ when: 'past' });
    const review = past.items.find((i) => i.title.startsWith('Quarterly review'))!;
    expect(review.platform).toBe('google_meet');
    const detail = (await api().get(`/api/meetings/${review.id}`).set(bearer(ann))).body.data;
    expect(detail.attendees.map((a: { email: string }) => a.email)).toEqual(expect.arrayContaining(['bob.smith@gmail.example', 'carol.smith@gmail.example']));
    const pastTimes = past.items.map((i) => Date.parse(i.startsAt));
    expect(pastTimes).toEqual([...pastTimes].sort((a, b) => b - a));
    // Past meetings never got a bot (nor the toggle), even with the default on.
    const ended = past.items.filter((i) => Date.parse(i.startsAt) < Date.now() - 3_600_000);
    expect(ended.every((i) => i.botStatus === null && !i.notetakerEnabled)).toBe(true);

    expect((await all({ platform: 'zoom' })).items.every((i) => i.platform === 'zoom')).toBe(true);
    const withBot = await all({ hasBot: true });
    expect(withBot.items.length).toBeGreaterThan(0);
    expect(withBot.items.every((i) => i.botStatus === 'scheduled')).toBe(true);
    expect(withBot.items.map((i) => i.title)).toContain('Default on — Quillfeather');
    expect((await all({ hasBot: false })).items.map((i) => i.title)).toContain('Personal: call with the bank');
    expect((await all({ q: 'quillfeather' })).items.map((i) => i.title)).toEqual(['Default on — Quillfeather']);
    expect((await all({ q: 'bob.smith@gmail' })).page.total).toBeGreaterThan(0);
    const p1 = await all({ limit: 2, offset: 0 });
    const p2 = await all({ limit: 2, offset: 2 });
    expect(p1.page).toEqual({ total: upcoming.page.total, limit: 2, offset: 0 });
    expect(p2.items.map((i) => i.id)).toEqual(upcoming.items.slice(2, 4).map((i) => i.id));
    expect(p2.page.total).toBe(upcoming.page.total);
    // a page past the end still reports the total (counted separately: the page has no rows to carry it)
    expect(await all({ limit: 2, offset: upcoming.page.total + 5 })).toEqual({ items: [], page: { total: upcoming.page.total, limit: 2, offset: upcoming.page.total + 5 } });
    await api().get('/api/calendar/events').query({ platform: 'skype' }).set(bearer(ann)).expect(400);
    await api().get('/api/calendar/events').query({ limit: 0 }).set(bearer(ann)).expect(400);
  });

  it('syncs incrementally with the sync token, and drops state and resyncs fully on 410', async () => {
    const fullAt = (await syncState()).last_full_sync_at;
    const added = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Incremental — Evans', startInMinutes: 240 });
    const meetings = stack.api.app.get(MeetingsService);
    expect(await meetings.syncAccount(accountId)).toMatchObject({ mode: 'incremental', events: 1, changed: 1 });
    expect((await syncState()).last_full_sync_at).toEqual(fullAt);
    expect((await meetingByEvent(stack, added.id)).status).toBe('confirmed');

    // While the token is invalid the event is deleted: only the full resync can notice.
    await request(stack.sandboxUrl).post('/__admin/google/sync-tokens/invalidate').send({}).expect(200);
    await request(stack.sandboxUrl).post(`/__admin/google/events/${added.id}/cancel`).expect(200);
    const before = (await db(stack).query(`SELECT count(*)::int AS n FROM client_meeting`))[0].n;
    const result = await meetings.syncAccount(accountId);
    expect(result.mode).toBe('full');
    expect(new Date((await syncState()).last_full_sync_at).getTime()).toBeGreaterThan(new Date(fullAt).getTime());
    expect((await meetingByEvent(stack, added.id)).status).toBe('cancelled');
    expect((await db(stack).query(`SELECT count(*)::int AS n FROM client_meeting`))[0].n).toBe(before);
    expect(await meetings.syncAccount(accountId)).toMatchObject({ mode: 'incremental', changed: 0 });
    await drain();
  });

  it('creates one bot when two syncs race, and when reconciles race', async () => {
    const event = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Racing syncs — Hughes', startInMinutes: 300 });
    const meetings = stack.api.app.get(MeetingsService);
    await Promise.all([meetings.syncAccount(accountId), meetings.syncAccount(accountId), api().post('/api/calendar/events').set(bearer(ann)).expect(202)]);
    await drain();
    const m = await meetingByEvent(stack, event.id);
    const bots = stack.api.app.get(BotsService);
    await Promise.allSettled([bots.reconcile(m.id), bots.reconcile(m.id), bots.reconcile(m.id)]);
    await drain();
    expect((await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === m.id)).toHaveLength(1);
    expect((await db(stack).query(`SELECT count(*)::int AS n FROM recall_bot WHERE meeting_id = $1`, [m.id]))[0].n).toBe(1);
  });

  it('sends one bot to a meeting that sits in two of the same advisor’s calendars', async () => {
    await request(stack.sandboxUrl).post('/__admin/google/accounts').send({ email: 'ann.lee.home@gmail.example', name: 'Ann Lee' }).expect(201);
    await connectCalendar(stack, ann, 'ann.lee.home@gmail.example');
    const accounts = await api().get('/api/google-accounts').set(bearer(ann)).expect(200);
    expect(accounts.body.data.map((a: { email: string }) => a.email)).toEqual(['ann.lee@leewealth.example', 'ann.lee.home@gmail.example']);

    const work = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Two calendars — Cohen', startInMinutes: 320 });
    const clock = await request(stack.sandboxUrl).get('/__admin/clock');
    const offset = (Date.parse(work.start) - Date.parse(clock.body.now)) / 60_000;
    const home = await addEvent(stack, { account: 'ann.lee.home@gmail.example', summary: 'Cohen review (copy)', startInMinutes: Math.round(offset), conference: 'none', hangoutLink: work.hangoutLink });
    expect(home.start).toBe(work.start);
    await sync();
    const a = await meetingByEvent(stack, work.id);
    const b = await meetingByEvent(stack, home.id);
    expect(a.notetaker_enabled && b.notetaker_enabled).toBe(true);
    const live = (await sandboxBots(stack)).filter((x) => [a.id, b.id].includes(x.metadata.meeting_id));
    expect(live).toHaveLength(1);
    const listed = await all({ q: 'Cohen' });
    expect(listed.items.map((i) => i.sourceAccountEmail).sort()).toEqual(['ann.lee.home@gmail.example', 'ann.lee@leewealth.example']);
    expect(listed.items.every((i) => i.botStatus === 'scheduled')).toBe(true);

    // The copy that owned the bot is cancelled: the other copy keeps the same bot.
    const ownerEvent = live[0].metadata.meeting_id === a.id ? work : home;
    await request(stack.sandboxUrl).post(`/__admin/google/events/${ownerEvent.id}/cancel`).expect(200);
    await sync();
    const after = (await sandboxBots(stack)).filter((x) => [a.id, b.id].includes(x.metadata.meeting_id));
    expect(after.map((x) => x.id)).toEqual([live[0].id]);
    const rows = await db(stack).query(`SELECT meeting_id, state FROM recall_bot WHERE external_id = $1`, [live[0].id]);
    expect(rows).toEqual([{ meeting_id: ownerEvent === work ? b.id : a.id, state: 'scheduled' }]);
  });
});
