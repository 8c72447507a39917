import request from 'supertest';
import { createSandbox } from '../src/app';

const APP = { client_id: 'sandbox-facebook-app-id', client_secret: 'sandbox-facebook-app-secret' };
const REDIRECT = 'https://app.example/fb/callback';
const SCOPE = 'pages_show_list,pages_read_engagement,pages_manage_posts';
const ANN = 'ann.lee@leewealth.example';
const G = '/facebook/graph/v23.0';

type App = Parameters<typeof request>[0];

async function userToken(app: App, extra: Record<string, string> = {}) {
  const dlg = await request(app).get('/facebook/www/v23.0/dialog/oauth').query({ client_id: APP.client_id, redirect_uri: REDIRECT, state: 'fb-st', response_type: 'code', scope: SCOPE, login_hint: ANN, sandbox_auto: '1', ...extra });
  expect(dlg.status).toBe(302);
  const q = new URL(dlg.headers.location as string).searchParams;
  expect(q.get('state')).toBe('fb-st');
  const ex = await request(app).get(`${G}/oauth/access_token`).query({ ...APP, redirect_uri: REDIRECT, code: q.get('code') });
  expect(ex.status).toBe(200);
  return { short: ex.body as { access_token: string; token_type: string; expires_in: number }, code: q.get('code') as string };
}

async function longLived(app: App) {
  const { short } = await userToken(app);
  const ll = await request(app).get(`${G}/oauth/access_token`).query({ grant_type: 'fb_exchange_token', ...APP, fb_exchange_token: short.access_token });
  expect(ll.status).toBe(200);
  return ll.body.access_token as string;
}

async function pageTokens(app: App, token: string) {
  const res = await request(app).get(`${G}/me/accounts`).query({ fields: 'id,name,access_token,tasks', access_token: token });
  expect(res.status).toBe(200);
  return res.body.data as { id: string; name: string; access_token: string; tasks: string[] }[];
}

describe('Facebook emulator', () => {
  it('runs the login dialog (page, deny), single-use code exchange and the long-lived exchange', async () => {
    const { app } = createSandbox();
    const page = await request(app).get('/facebook/www/v25.0/dialog/oauth').query({ client_id: APP.client_id, redirect_uri: REDIRECT, state: 's', scope: SCOPE });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-account="${ANN}"`);
    expect(page.text).toContain('name="page"');
    const deny = await request(app).post('/facebook/www/v25.0/dialog/oauth/decision').type('form').send({ client_id: APP.client_id, redirect_uri: REDIRECT, state: 's', decision: 'cancel' });
    const dq = new URL(deny.headers.location as string).searchParams;
    expect([dq.get('error'), dq.get('error_reason'), dq.get('state')]).toEqual(['access_denied', 'user_denied', 's']);

    const { short, code } = await userToken(app);
    expect(short.token_type).toBe('bearer');
    expect(short.expires_in).toBeLessThanOrEqual(7200);
    const reuse = await request(app).get(`${G}/oauth/access_token`).query({ ...APP, redirect_uri: REDIRECT, code });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe(100);
    const ll = await request(app).get(`${G}/oauth/access_token`).query({ grant_type: 'fb_exchange_token', ...APP, fb_exchange_token: short.access_token });
    expect(ll.body.expires_in).toBeGreaterThan(59 * 86400);
    const dbg = await request(app).get(`${G}/debug_token`).query({ input_token: ll.body.access_token, access_token: `${APP.client_id}|${APP.client_secret}` });
    expect(dbg.body.data).toMatchObject({ app_id: APP.client_id, type: 'USER', is_valid: true, scopes: expect.arrayContaining(['pages_manage_posts']) });
  });

  it('lists pages with non-expiring page tokens, tasks, cursor paging and one page without CREATE_CONTENT', async () => {
    const { app } = createSandbox();
    const token = await longLived(app);
    const p1 = await request(app).get(`${G}/me/accounts`).query({ access_token: token, limit: 2 });
    expect(p1.body.data).toHaveLength(2);
    expect(p1.body.paging.cursors.after).toBeDefined();
    expect(p1.body.paging.next).toContain('after=');
    const next = new URL(p1.body.paging.next);
    const p2 = await request(app).get(next.pathname + next.search);
    expect(p2.body.data).toHaveLength(1);
    expect(p2.body.paging.next).toBeUndefined();
    const all = [...p1.body.data, ...p2.body.data];
    expect(all.filter((p) => !p.tasks.includes('CREATE_CONTENT'))).toHaveLength(1);
    const dbg = await request(app).get(`${G}/debug_token`).query({ input_token: all[0].access_token, access_token: `${APP.client_id}|${APP.client_secret}` });
    expect(dbg.body.data).toMatchObject({ type: 'PAGE', expires_at: 0, is_valid: true });
  });

  it('only lists the pages picked in the dialog', async () => {
    const { app } = createSandbox();
    const { short } = await userToken(app, { sandbox_pages: '104000000000002' });
    const pages = await pageTokens(app, short.access_token);
    expect(pages.map((p) => p.name)).toEqual(['Ann Lee, CFP']);
  });

  it('publishes to a page feed via query, form or JSON and reads the post back', async () => {
    const { app } = createSandbox();
    const pages = await pageTokens(app, await longLived(app));
    const pg = pages.find((p) => p.tasks.includes('CREATE_CONTENT'))!;
    const viaJson = await request(app).post(`${G}/${pg.id}/feed`).send({ message: 'Three takeaways (JSON)', access_token: pg.access_token });
    const viaForm = await request(app).post(`${G}/${pg.id}/feed`).type('form').send({ message: 'Three takeaways (form)', access_token: pg.access_token });
    const viaQuery = await request(app).post(`${G}/${pg.id}/feed`).query({ message: 'Three takeaways (query)' }).set('Authorization', `Bearer ${pg.access_token}`);
    for (const r of [viaJson, viaForm, viaQuery]) {
      expect(r.status).toBe(200);
      expect(r.body.id).toMatch(new RegExp(`^${pg.id}_\\d+$`));
    }
    const back = await request(app).get(`${G}/${viaForm.body.id}`).query({ access_token: pg.access_token, fields: 'id,message,created_time,permalink_url' });
    expect(back.body).toMatchObject({ id: viaForm.body.id, message: 'Three takeaways (form)', is_published: true });
    expect(back.body.created_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
    expect(viaJson.headers['x-business-use-case-usage']).toContain(pg.id);
    const insp = (await request(app).get('/__inspector.json')).body.providers.facebook.posts;
    expect(insp.map((p: { message: string }) => p.message).sort()).toEqual(['Three takeaways (JSON)', 'Three takeaways (form)', 'Three takeaways (query)']);
  });

  it('gives Graph errors: 200 for a user token or missing CREATE_CONTENT, 506 duplicate, 1609005 bad link, 100 missing message', async () => {
    const { app } = createSandbox();
    const user = await longLived(app);
    const pages = await pageTokens(app, user);
    const ok = pages.find((p) => p.tasks.includes('CREATE_CONTENT'))!;
    const noCreate = pages.find((p) => !p.tasks.includes('CREATE_CONTENT'))!;
    const asUser = await request(app).post(`${G}/${ok.id}/feed`).send({ message: 'x', access_token: user });
    expect(asUser.body.error).toMatchObject({ code: 200, type: 'OAuthException', fbtrace_id: expect.any(String) });
    const denied = await request(app).post(`${G}/${noCreate.id}/feed`).send({ message: 'x', access_token: noCreate.access_token });
    expect(denied.body.error.code).toBe(200);
    await request(app).post(`${G}/${ok.id}/feed`).send({ message: 'Same', access_token: ok.access_token }).expect(200);
    const dup = await request(app).post(`${G}/${ok.id}/feed`).send({ message: 'Same', access_token: ok.access_token });
    expect(dup.status).toBe(400);
    expect(dup.body.error.code).toBe(506);
    const link = await request(app).post(`${G}/${ok.id}/feed`).send({ message: 'See this', link: 'https://unscrapable.example/x', access_token: ok.access_token });
    expect(link.body.error.code).toBe(1609005);
    const empty = await request(app).post(`${G}/${ok.id}/feed`).send({ access_token: ok.access_token });
    expect(empty.body.error.code).toBe(100);
  });

  it('expires short-lived user tokens on the sandbox clock (190/463); admin switches give 460 and throttling codes with is_transient over HTTP 400', async () => {
    const { app, ctx } = createSandbox();
    const { short } = await userToken(app);
    ctx.clock.advance(3 * 3_600_000);
    const expired = await request(app).get(`${G}/me`).query({ access_token: short.access_token });
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    const ex = await request(app).get(`${G}/oauth/access_token`).query({ grant_type: 'fb_exchange_token', ...APP, fb_exchange_token: short.access_token });
    expect(ex.body.error.code).toBe(190);

    const pages = await pageTokens(app, await longLived(app));
    const pg = pages[0];
    for (const code of [4, 17, 32, 613, 80001]) {
      await request(app).post('/__admin/facebook/errors').send({ code }).expect(201);
      const r = await request(app).post(`${G}/${pg.id}/feed`).send({ message: `m${code}`, access_token: pg.access_token });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code, is_transient: true });
    }
    await request(app).post(`/__admin/facebook/users/${ANN}/invalidate`).send({ subcode: 460 }).expect(200);
    const pw = await request(app).get(`${G}/me`).query({ access_token: pg.access_token });
    expect(pw.body.error).toMatchObject({ code: 190, error_subcode: 460 });
  });

  it('accepts any vNN.0 version and rejects a malformed one', async () => {
    const { app } = createSandbox();
    const { short } = await userToken(app);
    expect((await request(app).get('/facebook/graph/v19.0/me').query({ access_token: short.access_token })).body.name).toBe('Ann Lee');
    expect((await request(app).get('/facebook/graph/latest/me').query({ access_token: short.access_token })).status).toBe(400);
  });
});

describe('Facebook appsecret_proof', () => {
  it('checks a given proof, and requires one when the app setting is on', async () => {
    const { createHmac } = await import('node:crypto');
    const { app } = createSandbox();
    const { short } = await userToken(app);
    const proof = createHmac('sha256', APP.client_secret).update(short.access_token).digest('hex');
    expect((await request(app).get(`${G}/me`).query({ access_token: short.access_token, appsecret_proof: proof })).status).toBe(200);
    const wrong = await request(app).get(`${G}/me`).query({ access_token: short.access_token, appsecret_proof: 'beef' });
    expect(wrong.body.error.message).toBe('Invalid appsecret_proof provided in the API argument');
    await request(app).put('/__admin/facebook/settings').send({ requireAppSecretProof: true }).expect(200);
    expect((await request(app).get(`${G}/me`).query({ access_token: short.access_token })).body.error.code).toBe(100);
  });
});

describe('Facebook scheduled posts', () => {
  it('accepts published=false with a scheduled time 10 min..30 days ahead and publishes it then', async () => {
    const { app, ctx } = createSandbox();
    const pages = await pageTokens(app, await longLived(app));
    const pg = pages.find((p) => p.tasks.includes('CREATE_CONTENT'))!;
    const soon = Math.floor(ctx.clock.nowMs() / 1000) + 60;
    const tooSoon = await request(app).post(`${G}/${pg.id}/feed`).send({ message: 'Later', published: false, scheduled_publish_time: soon, access_token: pg.access_token });
    expect(tooSoon.body.error.code).toBe(100);
    const at = Math.floor(ctx.clock.nowMs() / 1000) + 3600;
    const res = await request(app).post(`${G}/${pg.id}/feed`).send({ message: 'Later', published: false, scheduled_publish_time: at, access_token: pg.access_token });
    expect(res.status).toBe(200);
    expect((await request(app).get(`${G}/${res.body.id}`).query({ access_token: pg.access_token })).body.is_published).toBe(false);
    ctx.clock.advance(3600 * 1000);
    expect((await request(app).get(`${G}/${res.body.id}`).query({ access_token: pg.access_token })).body.is_published).toBe(true);
  });
});
