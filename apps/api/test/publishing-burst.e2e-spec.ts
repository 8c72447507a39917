import request from 'supertest';
import { approvedPost, as, connectFacebookPage, connectLinkedIn, inspector, statuses, until } from './publishing-support';
import { signIn, SignedIn, Stack, startStack } from './stack';

/**
 * A burst of 300 posts never draws a quota error from the sandbox, because we throttle first (the
 * design's limits: LinkedIn 100/day, Facebook 25/hour, 20 posts/day per advisor), and every post
 * goes out eventually. The sandbox clock runs 43,200× faster (a day every 2 s) and our windows are
 * configured to the same 2 s, aligned to the clock as LinkedIn's midnight-UTC days are.
 */
const WINDOW_MS = 2000;
const SPEED = 86_400_000 / WINDOW_MS;

describe('Publishing burst: throttled, queued, never refused', () => {
  let stack: Stack;
  let admin: SignedIn;
  const advisors: { who: SignedIn; connectionId: string }[] = [];
  const api = () => request(stack.api.url);

  beforeAll(async () => {
    stack = await startStack({
      PUBLISH_LINKEDIN_WINDOW_SECONDS: String(WINDOW_MS / 1000),
      PUBLISH_ADVISOR_WINDOW_SECONDS: String(WINDOW_MS / 1000),
      PUBLISH_FACEBOOK_WINDOW_SECONDS: String(WINDOW_MS / 1000),
      PUBLISH_CONCURRENCY: '5',
    });
    admin = await signIn(stack, 'ann.lee@leewealth.example');
    for (let i = 1; i <= 5; i++) {
      const email = `advisor${i}@leewealth.example`;
      await request(stack.sandboxUrl).post('/__admin/google/accounts').send({ email, name: `Advisor ${i}` }).expect(201);
      await api().post('/api/firm/invitations').set(as(admin)).send({ email, role: 'advisor' }).expect(201);
      const who = await signIn(stack, email);
      advisors.push({ who, connectionId: await connectLinkedIn(stack, who) });
    }
    advisors.push({ who: admin, connectionId: await connectFacebookPage(stack, admin, '104000000000002') });
  }, 60_000);
  afterAll(async () => stack?.close());

  it('publishes 300 posts with no 429 from the sandbox and every post exactly once', async () => {
    // The sandbox enforces LinkedIn's daily limits per app and per member, a little above ours: a
    // request we admit in the last milliseconds of a window may land in the sandbox's next day.
    const concurrency = 5;
    await request(stack.sandboxUrl).put('/__admin/linkedin/settings').send({ appDailyLimit: 100 + concurrency, memberDailyLimit: 20 + concurrency }).expect(200);
    const clock = stack.sandbox.ctx.clock;
    const realStart = Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS;
    const simStart = Date.UTC(2026, 10, 23);
    clock.nowMs = () => simStart + (Date.now() - realStart) * SPEED;

    const posts: { contentId: string; connectionId: string; who: SignedIn; text: string }[] = [];
    for (const [i, a] of advisors.entries()) {
      const platform = i === advisors.length - 1 ? 'facebook' : 'linkedin';
      for (let n = 0; n < 50; n++) {
        const text = `Weekly note ${n + 1} from desk ${i + 1}: a short checklist for organising household paperwork before tax season.`;
        posts.push({ contentId: await approvedPost(stack, a.who, text, platform), connectionId: a.connectionId, who: a.who, text });
      }
    }
    const started = Date.now();
    // 300 requests in quick succession (20 in flight at a time: the test database pool is small).
    const ids: string[] = [];
    for (let i = 0; i < posts.length; i += 20) {
      const batch = posts.slice(i, i + 20);
      ids.push(...(await Promise.all(batch.map((p) => api().post('/api/social/publish').set(as(p.who)).send({ contentId: p.contentId, connectionId: p.connectionId }).expect(201).then((r) => r.body.data.id as string)))));
    }
    expect(new Set(ids).size).toBe(300);
    await until('all 300 published', () => statuses(stack, ids), (s) => (s.published ?? 0) === 300 || (s.failed ?? 0) + (s.needs_check ?? 0) > 0, 90_000, 200);
    const elapsed = Date.now() - started;

    expect(await statuses(stack, ids)).toEqual({ published: 300 });
    const seen = await inspector(stack);
    const refused = seen.http.filter((r) => r.provider !== 'google' && r.payload.status === 429);
    expect(refused).toEqual([]);
    // Exactly once: every text once on its platform.
    for (const p of posts) {
      const n = p.connectionId === advisors[advisors.length - 1].connectionId ? seen.facebook.filter((x) => x.message === p.text).length : seen.linkedin.filter((x) => x.text === p.text).length;
      expect(n).toBe(1);
    }
    // 250 LinkedIn posts at 100 per window, 50 per advisor at 20 per window: at least 3 windows were needed.
    expect(elapsed).toBeGreaterThan(2 * WINDOW_MS);
  }, 150_000);
});
