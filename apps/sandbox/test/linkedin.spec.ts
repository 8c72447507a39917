import request from 'supertest';
import { createSandbox } from '../src/app';
import { applyLittleText } from '../src/linkedin/little-text';

const CLIENT = { client_id: 'sandbox-linkedin-client-id', client_secret: 'sandbox-linkedin-client-secret' };
const REDIRECT = 'https://app.example/li/callback';
const ANN = 'ann.lee@leewealth.example';
const VERSION = () => {
  const d = new Date();
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

async function login(app: Parameters<typeof request>[0], email = ANN, scope = 'openid profile email w_member_social') {
  const auth = await request(app).get('/linkedin/oauth/v2/authorization').query({ response_type: 'code', client_id: CLIENT.client_id, redirect_uri: REDIRECT, state: 'li-st', scope, login_hint: email, sandbox_auto: '1' });
  expect(auth.status).toBe(302);
  const q = new URL(auth.headers.location as string).searchParams;
  expect(q.get('state')).toBe('li-st');
  const tok = await request(app).post('/linkedin/oauth/v2/accessToken').type('form').send({ grant_type: 'authorization_code', code: q.get('code'), redirect_uri: REDIRECT, ...CLIENT });
  expect(tok.status).toBe(200);
  const me = await request(app).get('/linkedin/v2/userinfo').set('Authorization', `Bearer ${tok.body.access_token}`);
  return { token: tok.body as Record<string, any>, code: q.get('code') as string, sub: me.body.sub as string };  
}

function post(app: Parameters<typeof request>[0], token: string, body: Record<string, unknown>, headers: Record<string, string> = { 'LinkedIn-Version': VERSION(), 'X-Restli-Protocol-Version': '2.0.0' }) {
  let r = request(app).post('/linkedin/rest/posts').set('Authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
  return r.send(body);
}

const body = (sub: string, commentary: string) => ({
  author: `urn:li:person:${sub}`,
  commentary,
  visibility: 'PUBLIC',
  distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
  lifecycleState: 'PUBLISHED',
  isReshareDisabledByAuthor: false,
});

describe('LinkedIn emulator', () => {
  it('runs the OAuth flow: consent page, deny, single-use codes, 60-day tokens with comma scopes, introspection', async () => {
    const { app } = createSandbox();
    const page = await request(app).get('/linkedin/oauth/v2/authorization').query({ response_type: 'code', client_id: CLIENT.client_id, redirect_uri: REDIRECT, state: 's', scope: 'openid profile' });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-account="${ANN}"`);
    const denied = await request(app).post('/linkedin/oauth/v2/authorization/decision').type('form').send({ response_type: 'code', client_id: CLIENT.client_id, redirect_uri: REDIRECT, state: 's', decision: 'cancel' });
    expect(new URL(denied.headers.location as string).searchParams.get('error')).toBe('user_cancelled_authorize');

    const { token, code, sub } = await login(app);
    expect(token).toMatchObject({ expires_in: 5184000, token_type: 'Bearer', scope: 'email,openid,profile,w_member_social' });
    expect(token.refresh_token).toBeUndefined();
    expect(token.id_token.split('.')).toHaveLength(3);
    expect(sub).toMatch(/^[0-9A-Za-z]{10}$/);
    const reuse = await request(app).post('/linkedin/oauth/v2/accessToken').type('form').send({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...CLIENT });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe('invalid_request');
    const intro = await request(app).post('/linkedin/oauth/v2/introspectToken').type('form').send({ token: token.access_token, ...CLIENT });
    expect(intro.body).toMatchObject({ active: true, status: 'active', scope: expect.stringContaining('w_member_social') });
  });

  it('issues refresh tokens in partner mode and honours grant_type=refresh_token', async () => {
    const { app } = createSandbox();
    await request(app).put('/__admin/linkedin/settings').send({ partnerMode: true }).expect(200);
    const { token } = await login(app);
    expect(token.refresh_token).toBeDefined();
    expect(token.refresh_token_expires_in).toBeGreaterThan(364 * 86400);
    const r = await request(app).post('/linkedin/oauth/v2/accessToken').type('form').send({ grant_type: 'refresh_token', refresh_token: token.refresh_token, ...CLIENT });
    expect(r.status).toBe(200);
    expect(r.body.access_token).not.toBe(token.access_token);
  });

  it('returns userinfo; expired (sandbox clock) and revoked tokens get 401 with LinkedIn codes', async () => {
    const { app, ctx } = createSandbox();
    const { token } = await login(app);
    const me = await request(app).get('/linkedin/v2/userinfo').set('Authorization', `Bearer ${token.access_token}`);
    expect(me.body).toMatchObject({ name: 'Ann Lee', given_name: 'Ann', family_name: 'Lee', email: ANN, email_verified: true });
    await request(app).post(`/__admin/linkedin/members/${ANN}/revoke`).expect(200);
    const revoked = await request(app).get('/linkedin/v2/userinfo').set('Authorization', `Bearer ${token.access_token}`);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ status: 401, serviceErrorCode: 65601, code: 'REVOKED_ACCESS_TOKEN' });
    const fresh = await login(app);
    ctx.clock.advance(60 * 86_400_000);
    const expired = await request(app).get('/linkedin/v2/userinfo').set('Authorization', `Bearer ${fresh.token.access_token}`);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('EXPIRED_ACCESS_TOKEN');
  });

  it('publishes a post: 201, empty body, URN in x-restli-id; reads it back by encoded URN', async () => {
    const { app } = createSandbox();
    const { token, sub } = await login(app);
    const res = await post(app, token.access_token, body(sub, "Three takeaways from today's planning session \\(no advice\\) {hashtag|\\#|retirement}"));
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
    const urn = res.headers['x-restli-id'] as string;
    expect(urn).toMatch(/^urn:li:share:\d{19}$/);
    const back = await request(app).get(`/linkedin/rest/posts/${encodeURIComponent(urn)}`).set('Authorization', `Bearer ${token.access_token}`).set('LinkedIn-Version', VERSION()).set('X-Restli-Protocol-Version', '2.0.0');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id: urn, author: `urn:li:person:${sub}`, visibility: 'PUBLIC', lifecycleState: 'PUBLISHED' });
    const insp = await request(app).get('/__inspector.json');
    expect(insp.body.providers.linkedin.posts).toEqual([expect.objectContaining({ urn, member: ANN, text: "Three takeaways from today's planning session (no advice) #retirement", truncated: false, visible: true })]);
  });

  it('enforces headers (400 missing version, 426 inactive, 400 without Rest.li 2.0), author (403), 3,000 chars, duplicates (422)', async () => {
    const { app } = createSandbox();
    const { token, sub } = await login(app);
    const noVersion = await post(app, token.access_token, body(sub, 'a'), { 'X-Restli-Protocol-Version': '2.0.0' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.code).toBe('VERSION_MISSING');
    const old = await post(app, token.access_token, body(sub, 'a'), { 'LinkedIn-Version': '202201', 'X-Restli-Protocol-Version': '2.0.0' });
    expect(old.status).toBe(426);
    expect(old.body).toMatchObject({ status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202201 is not active' });
    expect((await post(app, token.access_token, body(sub, 'a'), { 'LinkedIn-Version': VERSION() })).status).toBe(400);
    const other = await post(app, token.access_token, body('someoneElse', 'a'));
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('ACCESS_DENIED');
    const long = await post(app, token.access_token, body(sub, 'x'.repeat(3001)));
    expect(long.status).toBe(400);
    expect(long.body.message).toContain('/commentary');
    expect((await post(app, token.access_token, body(sub, 'x'.repeat(3000)))).status).toBe(201);
    const first = await post(app, token.access_token, body(sub, 'Same words'));
    const dup = await post(app, token.access_token, body(sub, 'Same words'));
    expect(dup.status).toBe(422);
    expect(dup.body.message).toContain(first.headers['x-restli-id']);
    expect(dup.body.errorDetails.inputErrors[0].code).toBe('DUPLICATE_POST');
  });

  it('silently truncates at the first unescaped reserved character (201), exposing the stored text', async () => {
    const { app } = createSandbox();
    const { token, sub } = await login(app);
    const res = await post(app, token.access_token, body(sub, 'Retirement (part 1) #planning'));
    expect(res.status).toBe(201);
    const posts = (await request(app).get('/__inspector.json')).body.providers.linkedin.posts;
    expect(posts[0]).toMatchObject({ text: 'Retirement ', truncated: true });
    expect(applyLittleText('a \\\\ b').rendered).toBe('a \\ b');
    expect(applyLittleText('Hi @[Ann Lee](urn:li:person:abc) \\#x').rendered).toBe('Hi Ann Lee #x');
  });

  it('counts a daily per-member quota that resets at UTC midnight of the sandbox clock', async () => {
    const { app, ctx } = createSandbox();
    await request(app).put('/__admin/linkedin/settings').send({ memberDailyLimit: 2 }).expect(200);
    const { token, sub } = await login(app);
    expect((await post(app, token.access_token, body(sub, 'one'))).status).toBe(201);
    expect((await post(app, token.access_token, body(sub, 'two'))).status).toBe(201);
    const over = await post(app, token.access_token, body(sub, 'three'));
    expect(over.status).toBe(429);
    expect(over.body.status).toBe(429);
    const now = ctx.clock.nowMs();
    ctx.clock.advance(86_400_000 - (now % 86_400_000) + 1000);
    expect((await post(app, token.access_token, body(sub, 'three'))).status).toBe(201);
  });

  it('ghost scenario: 201 with a URN, but the post never appears on read-back', async () => {
    const { app } = createSandbox();
    const { token, sub } = await login(app);
    await request(app).put('/__admin/linkedin/settings').send({ ghostMembers: [ANN] }).expect(200);
    const res = await post(app, token.access_token, body(sub, 'Into the void'));
    expect(res.status).toBe(201);
    const back = await request(app).get(`/linkedin/rest/posts/${encodeURIComponent(res.headers['x-restli-id'] as string)}`).set('Authorization', `Bearer ${token.access_token}`).set('LinkedIn-Version', VERSION()).set('X-Restli-Protocol-Version', '2.0.0');
    expect(back.status).toBe(404);
    const posts = (await request(app).get('/__inspector.json')).body.providers.linkedin.posts;
    expect(posts[0]).toMatchObject({ ghost: true, visible: false });
  });

  it('supports the legacy /v2/ugcPosts shape with an {id} body', async () => {
    const { app } = createSandbox();
    const { token, sub } = await login(app);
    const res = await request(app)
      .post('/linkedin/v2/ugcPosts')
      .set('Authorization', `Bearer ${token.access_token}`)
      .set('X-Restli-Protocol-Version', '2.0.0')
      .send({ author: `urn:li:person:${sub}`, lifecycleState: 'PUBLISHED', specificContent: { 'com.linkedin.ugc.ShareContent': { shareCommentary: { text: 'Hello (plain)' }, shareMediaCategory: 'NONE' } }, visibility: { 'com.linkedin.ugc.MemberNetworkVisibility': 'PUBLIC' } });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe(res.headers['x-restli-id']);
    const posts = (await request(app).get('/__inspector.json')).body.providers.linkedin.posts;
    expect(posts[0]).toMatchObject({ text: 'Hello (plain)', via: 'ugcPosts' });
  });
});
