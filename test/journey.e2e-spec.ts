import { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createSandbox } from '../apps/sandbox/src/app';
import { createHttpApp } from '../apps/api/src/bootstrap';
import { providerEnv } from '../apps/api/test/stack';
import { createTestDatabase, freePort, testConfig } from '../apps/api/test/utils';
import { launchChromium } from './browser';

/**
 * The whole journey in a real browser, against the built SPA served by the API and the sandbox in
 * place of every vendor: sign in with a sandbox Google account → upcoming meetings → notetaker on →
 * the meeting runs on the sandbox clock → drafts appear → a compliance officer approves → the
 * advisor connects LinkedIn and posts → the sandbox inspector shows the post. Screenshots of each
 * screen go to docs/screenshots/.
 */
const root = join(__dirname, '..');
const shots = join(root, 'docs/screenshots');

describe('the whole journey in a browser', () => {
  let app: NestExpressApplication;
  let sandbox: ReturnType<typeof createSandbox>;
  let closeSandbox: () => Promise<void>;
  let dropDb: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let base = '';
  let sb = '';

  const shot = async (name: string, fullPage = true) => page.screenshot({ path: join(shots, `${name}.png`), fullPage });
  const until = async <T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = await fn().catch(() => null);
      if (v) return v as T;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  async function signInAs(email: string): Promise<void> {
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('sign-in-google').click();
    await page.locator(`button[data-account="${email}"]`).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/auth/complete') && !u.pathname.startsWith('/sign-in') && u.origin === base, { timeout: 30_000 });
    await page.getByTestId('account-menu').waitFor();
  }

  async function signOut(): Promise<void> {
    await page.getByTestId('account-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
  }

  /** A bearer token for the harness's own checks, through the same sign-in the browser uses. */
  async function apiToken(email: string): Promise<string> {
    await request(sb).put('/__admin/google/consent').send({ autoApprove: true, defaultLoginHint: email }).expect(200);
    const start = await request(base).get('/api/auth/google').expect(302);
    const state = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('am_oauth_state='))!.split(';')[0];
    const consent = await request(start.headers.location).get('').redirects(0);
    const cb = new URL(consent.headers.location);
    const done = await request(base).get(cb.pathname + cb.search).set('cookie', state).expect(302);
    const cookies = done.headers['set-cookie'] as unknown as string[];
    const refresh = cookies.find((c) => c.startsWith('am_refresh='))!.split(';')[0];
    const csrf = cookies.find((c) => c.startsWith('am_csrf='))!.split(';')[0].split('=')[1];
    const res = await request(base).post('/api/auth/refresh').set('cookie', `${refresh}; am_csrf=${csrf}`).set('x-csrf-token', csrf).expect(200);
    await request(sb).put('/__admin/google/consent').send({ autoApprove: false, defaultLoginHint: '' }).expect(200);
    return res.body.data.accessToken as string;
  }

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/web/index.html'))) throw new Error('The SPA is not built: run `npm run build` first (CI does).');
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    sandbox = createSandbox({ recallWebhookUrl: `${base}/api/recall/webhook`, timeScale: 600 });
    const server = await sandbox.listen(0);
    closeSandbox = server.close;
    sb = server.url.replace(/\/$/, '');
    const db = await createTestDatabase();
    dropDb = db.drop;
    const config = testConfig({
      DATABASE_URL: db.url,
      PUBLIC_URL: base,
      WEB_ORIGIN: base,
      WEB_DIST_DIR: join(root, 'dist/web'),
      ...providerEnv(sb),
      THROTTLE_PER_MINUTE: '100000',
    });
    app = await createHttpApp(config, { quiet: true });
    await app.listen(port, '127.0.0.1');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await closeSandbox?.();
    await dropDb?.();
  });

  it('goes from a calendar event to a verified LinkedIn post', async () => {
    const title = 'Retirement income check-in — Hollis household';
    // The advisor's calendar gets a client meeting 20 minutes from now (sandbox admin API).
    const clock = await request(sb).get('/__admin/clock').expect(200);
    const start = new Date(Math.floor((Date.parse(clock.body.now) + 20 * 60_000) / 1000) * 1000);
    await request(sb)
      .post('/__admin/google/events')
      .send({ id: `jrn${Date.now().toString(32)}`.replace(/[w-z]/g, "a"), account: 'ann.lee@leewealth.example', summary: title, start: start.toISOString(), end: new Date(start.getTime() + 45 * 60_000).toISOString(), conference: 'meet', attendees: [{ email: 'gary.hollis@mailbox.example', displayName: 'Gary Hollis' }] })
      .expect(201);

    // 1. Sign in with a sandbox Google account, in the browser.
    await page.goto(base);
    await page.getByTestId('sign-in-google').waitFor();
    await shot('01-sign-in');
    await page.getByTestId('sign-in-google').click();
    await page.locator('button[data-account="ann.lee@leewealth.example"]').waitFor();
    await shot('02-google-consent');
    await page.locator('button[data-account="ann.lee@leewealth.example"]').click();
    await page.getByTestId('account-menu').waitFor({ timeout: 30_000 });

    // Harness: a compliance officer joins the firm, and every post needs a person's approval.
    const annToken = await apiToken('ann.lee@leewealth.example');
    await request(base).post('/api/firm/invitations').set('authorization', `Bearer ${annToken}`).send({ email: 'priya.patel@leewealth.example', role: 'compliance_officer' }).expect(201);
    await request(base).patch('/api/firm').set('authorization', `Bearer ${annToken}`).send({ compliance: { autoApprovalThreshold: 0 } }).expect(200);

    // 2. Upcoming meetings: sync, find the meeting, turn the notetaker on.
    await page.goto(`${base}/meetings/upcoming`);
    await page.getByTestId('sync-calendars').first().click();
    const row = page.getByTestId('meeting-row').filter({ hasText: 'Hollis household' });
    await row.waitFor({ timeout: 30_000 });
    const toggle = row.getByTestId('notetaker-toggle');
    if (!(await toggle.isChecked())) await toggle.click({ force: true });
    await until('the toggle to be on', async () => toggle.isChecked());
    const meetingId = (await row.getAttribute('data-meeting-id'))!;
    await shot('03-upcoming-meetings');

    // 3. The bot is created with the right join time; the sandbox clock runs the meeting.
    const bot = await until('the Recall bot', async () => {
      const bots = (await request(sb).get('/__admin/recall/bots').expect(200)).body as { id: string; meeting_url?: unknown; metadata?: Record<string, string> }[] | { bots: { id: string; metadata?: Record<string, string> }[] };
      const list = Array.isArray(bots) ? bots : bots.bots;
      return list.find((b) => b.metadata?.meeting_id === meetingId);
    });
    await request(sb).post(`/__admin/recall/bots/${bot.id}/finish`).expect((r) => expect(r.status).toBeLessThan(300));

    // 4. Drafts appear on the meeting page.
    await until('drafts', async () => {
      const res = await request(base).get(`/api/content?meetingId=${meetingId}`).set('authorization', `Bearer ${annToken}`);
      return (res.body.data as { kind: string }[] | undefined)?.some((d) => d.kind === 'post');
    }, 90_000);
    await page.goto(`${base}/meetings/${meetingId}`);
    const linkedinPost = page.locator('[data-testid="post-card"][data-platform="linkedin"]').first();
    await linkedinPost.waitFor({ timeout: 30_000 });
    const contentId = (await linkedinPost.getAttribute('data-content-id'))!;
    await shot('04-meeting-drafts');
    await signOut();

    // 5. The compliance officer approves the post from the review queue.
    await signInAs('priya.patel@leewealth.example');
    await page.goto(`${base}/review`);
    await page.locator(`[data-testid="review-item"][data-content-id="${contentId}"]`).click();
    await page.getByTestId('review-detail').waitFor();
    await shot('05-review');
    await page.getByTestId('review-approve').click();
    await until('the approval', async () => {
      const res = await request(base).get(`/api/content/${contentId}`).set('authorization', `Bearer ${annToken}`);
      return res.body.data?.compliance?.status === 'approved';
    });
    await signOut();

    // 6. The advisor connects LinkedIn in settings and posts.
    await signInAs('ann.lee@leewealth.example');
    await page.goto(`${base}/settings?tab=social`);
    await page.getByTestId('connect-linkedin').click();
    await page.locator('button[data-account]').first().click();
    await page.getByTestId('social-connection').first().waitFor({ timeout: 30_000 });
    await shot('06-settings-connections');
    await page.goto(`${base}/meetings/${meetingId}`);
    const card = page.locator(`[data-testid="post-card"][data-content-id="${contentId}"]`);
    await card.getByTestId('post-publish').click();
    await page.getByTestId('post-publish-confirm').click();
    await until('the post to be published and verified', async () => {
      const res = await request(base).get('/api/social/publications').set('authorization', `Bearer ${annToken}`);
      return (res.body.data?.items as { status: string }[] | undefined)?.some((p) => p.status === 'published');
    }, 90_000);
    await page.goto(`${base}/published`);
    await page.locator('[data-testid="publication-row"][data-status="published"]').first().waitFor({ timeout: 30_000 });
    await shot('07-published');

    // 7. The sandbox inspector shows exactly that post, once.
    const inspector = (await request(sb).get('/__inspector.json').expect(200)).body as { providers: { linkedin: { posts: { text: string }[] } } };
    expect(inspector.providers.linkedin.posts).toHaveLength(1);
    await page.goto(`${sb}/__inspector#linkedin`);
    await page.getByText(inspector.providers.linkedin.posts[0].text.slice(0, 40)).first().waitFor();
    await shot('08-sandbox-inspector', false);
  }, 420_000);
});
