import { DataSource } from 'typeorm';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { signIn, SignedIn, Stack, startStack } from './stack';

describe('Sign-in with Google against the sandbox, sessions, roles and keys', () => {
  let stack: Stack;
  let ann: SignedIn;
  const api = () => request(stack.api.url);
  const bearer = (s: SignedIn) => ({ authorization: `Bearer ${s.accessToken}` });

  beforeAll(async () => {
    stack = await startStack();
    ann = await signIn(stack, 'ann.lee@leewealth.example');
  });
  afterAll(async () => stack?.close());

  it('makes the first user of a new firm its admin and stores the Google refresh token encrypted', async () => {
    expect(ann.user).toMatchObject({ email: 'ann.lee@leewealth.example', role: 'admin' });
    const me = await api().get('/api/me').set(bearer(ann)).expect(200);
    expect(me.body.data.firmName).toBe('Leewealth');
    expect(Object.keys(me.body.data)).toEqual(['id', 'email', 'name', 'pictureUrl', 'firmId', 'firmName', 'role']);
    expect(me.body.data).toMatchObject(ann.user);
    const rows = await stack.api.app.get(DataSource).query(`SELECT refresh_token_enc, scopes, status FROM google_account`);
    expect(rows).toHaveLength(1);
    expect(rows[0].refresh_token_enc).toMatch(/^v1\.test1\./);
    expect(rows[0].status).toBe('active');
    const accounts = await api().get('/api/google-accounts').set(bearer(ann)).expect(200);
    expect(accounts.body.data[0]).toMatchObject({ email: 'ann.lee@leewealth.example', calendarAccess: true });
  });

  it('asks Google for offline access and the calendar scope, with a state', async () => {
    const start = await api().get('/api/auth/google').expect(302);
    const url = new URL(start.headers.location);
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('scope')).toContain('https://www.googleapis.com/auth/calendar.readonly');
    expect(url.searchParams.get('state')?.length).toBeGreaterThan(20);
  });

  it('rejects a tampered or missing state, and audits the failure', async () => {
    await request(stack.sandboxUrl).put('/__admin/google/consent').send({ autoApprove: true, defaultLoginHint: 'ann.lee@leewealth.example' });
    const start = await api().get('/api/auth/google').expect(302);
    const cookie = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('am_oauth_state='))!.split(';')[0];
    const consent = await request(start.headers.location).get('').redirects(0);
    const cb = new URL(consent.headers.location);
    cb.searchParams.set('state', 'forged-state-value-forged-state-value');
    const tampered = await api().get(cb.pathname + cb.search).set('cookie', cookie).expect(302);
    expect(tampered.headers.location).toMatch(/\/sign-in\?error=invalid_state/);
    expect(tampered.headers['set-cookie']?.toString() ?? '').not.toMatch(/am_refresh=[^;]/);

    const again = await api().get('/api/auth/google').expect(302);
    const consent2 = await request(again.headers.location).get('').redirects(0);
    const cb2 = new URL(consent2.headers.location);
    const missing = await api().get(cb2.pathname + cb2.search).expect(302);
    expect(missing.headers.location).toMatch(/error=invalid_state/);
    const failures = await stack.api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.sign_in_failed'`);
    expect(failures[0].n).toBeGreaterThanOrEqual(2);
  });

  it('turns a denied consent into a readable sign-in error', async () => {
    await request(stack.sandboxUrl).put('/__admin/google/consent').send({ deny: true });
    const start = await api().get('/api/auth/google').expect(302);
    const cookie = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('am_oauth_state='))!.split(';')[0];
    const consent = await request(start.headers.location).get('').redirects(0);
    const cb = new URL(consent.headers.location);
    const res = await api().get(cb.pathname + cb.search).set('cookie', cookie).expect(302);
    expect(res.headers.location).toMatch(/error=access_denied&message=You%20declined/);
    await request(stack.sandboxUrl).put('/__admin/google/consent').send({ deny: false });
  });

  it('rejects expired, forged and missing access tokens', async () => {
    await api().get('/api/me').expect(401);
    await api().get('/api/me').set('authorization', 'Bearer not-a-jwt').expect(401);
    const forged = new JwtService({ secret: 'someone-elses-secret' }).sign({ sub: ann.user.id, fid: ann.user.firmId, role: 'admin', sid: 'x' }, { issuer: 'aftermeet' });
    await api().get('/api/me').set('authorization', `Bearer ${forged}`).expect(401);
    const expired = new JwtService({ secret: 'test-secret' }).sign({ sub: ann.user.id, fid: ann.user.firmId, role: 'admin', sid: 'x' }, { issuer: 'aftermeet', expiresIn: -10 });
    const res = await api().get('/api/me').set('authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.error.message).toMatch(/expired/);
  });

  it('needs the CSRF header to use the refresh cookie', async () => {
    await api().post('/api/auth/refresh').set('cookie', `am_refresh=${ann.refreshCookie}; am_csrf=${ann.csrf}`).expect(403);
    await api().post('/api/auth/refresh').set('cookie', `am_refresh=${ann.refreshCookie}; am_csrf=${ann.csrf}`).set('x-csrf-token', 'other').expect(403);
  });

  it('revokes the whole family when an old refresh token is reused, and its access tokens stop working', async () => {
    const marcus = await signIn(stack, 'marcus.chen@leewealth.example');
    const first = await api().post('/api/auth/refresh').set('cookie', `am_refresh=${marcus.refreshCookie}; am_csrf=${marcus.csrf}`).set('x-csrf-token', marcus.csrf).expect(200);
    const newer = first.body.data.accessToken;
    await api().get('/api/me').set('authorization', `Bearer ${newer}`).expect(200);
    // The rotated-away token comes back: someone copied it.
    const reuse = await api().post('/api/auth/refresh').set('cookie', `am_refresh=${marcus.refreshCookie}; am_csrf=${marcus.csrf}`).set('x-csrf-token', marcus.csrf).expect(401);
    expect(reuse.body.error.code).toBe('SESSION_REVOKED');
    await api().get('/api/me').set('authorization', `Bearer ${newer}`).expect(401);
    const latestCookie = (first.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('am_refresh='))!.split(';')[0];
    await api().post('/api/auth/refresh').set('cookie', `${latestCookie}; am_csrf=${marcus.csrf}`).set('x-csrf-token', marcus.csrf).expect(401);
  });

  it('logout revokes the session', async () => {
    const s = await signIn(stack, 'marcus.chen@leewealth.example');
    await api().post('/api/auth/logout').set('cookie', `am_refresh=${s.refreshCookie}; am_csrf=${s.csrf}`).set('x-csrf-token', s.csrf).expect(200);
    await api().get('/api/me').set(bearer(s)).expect(401);
    await api().post('/api/auth/refresh').set('cookie', `am_refresh=${s.refreshCookie}; am_csrf=${s.csrf}`).set('x-csrf-token', s.csrf).expect(401);
  });

  it('lets an admin invite with a role; the invitee joins that firm on sign-in', async () => {
    await api().post('/api/firm/invitations').set(bearer(ann)).send({ email: 'priya.patel@leewealth.example', role: 'compliance_officer' }).expect(201);
    await api().post('/api/firm/invitations').set(bearer(ann)).send({ email: 'not-an-email', role: 'advisor' }).expect(400);
    const priya = await signIn(stack, 'priya.patel@leewealth.example');
    expect(priya.user).toMatchObject({ firmId: ann.user.firmId, role: 'compliance_officer' });
    await api().post('/api/firm/invitations').set(bearer(priya)).send({ email: 'x@y.example', role: 'admin' }).expect(403);
  });

  it('issues scoped API keys shown once, stored hashed; a removed member’s key stops working at once', async () => {
    await api().post('/api/firm/invitations').set(bearer(ann)).send({ email: 'david.okafor@harborviewfp.example', role: 'advisor' }).expect(201);
    const david = await signIn(stack, 'david.okafor@harborviewfp.example');
    const issued = await api().post('/api/api-keys').set(bearer(david)).send({ name: 'CRM sync', scope: 'read' }).expect(201);
    const secret = issued.body.data.secret as string;
    const stored = await stack.api.app.get(DataSource).query(`SELECT hash FROM api_key WHERE id = $1`, [issued.body.data.key.id]);
    expect(stored[0].hash).not.toContain(secret);
    await api().get('/api/me').set('x-api-key', secret).expect(200);
    await api().post('/api/api-keys').set('x-api-key', secret).send({ name: 'x', scope: 'read' }).expect(403);
    const listed = await api().get('/api/api-keys').set(bearer(david)).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const members = await api().get('/api/firm/members').set(bearer(ann)).expect(200);
    const member = members.body.data.find((m: { email: string }) => m.email === 'david.okafor@harborviewfp.example');
    await api().delete(`/api/firm/members/${member.id}`).set(bearer(ann)).expect(200);
    await api().get('/api/me').set('x-api-key', secret).expect(401);
    await api().get('/api/me').set(bearer(david)).expect(401);
    const used = await stack.api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'api_key.used' AND actor_type = 'api_key'`);
    expect(used[0].n).toBeGreaterThanOrEqual(1);
  });

  it('rotates and revokes keys', async () => {
    const issued = await api().post('/api/api-keys').set(bearer(ann)).send({ name: 'Zapier', scope: 'read-write' }).expect(201);
    const rotated = await api().post(`/api/api-keys/${issued.body.data.key.id}/rotate`).set(bearer(ann)).expect(201);
    await api().get('/api/me').set('x-api-key', issued.body.data.secret).expect(401);
    await api().get('/api/me').set('x-api-key', rotated.body.data.secret).expect(200);
    await api().delete(`/api/api-keys/${rotated.body.data.key.id}`).set(bearer(ann)).expect(200);
    await api().get('/api/me').set('x-api-key', rotated.body.data.secret).expect(401);
  });

  it('keeps firm-required settings out of an advisor’s reach unless the firm allows it', async () => {
    await api().patch('/api/firm').set(bearer(ann)).send({ compliance: { requiredDisclosures: ['Securities offered through Lee Wealth Partners, member FINRA/SIPC.'], advisorMayOverride: ['restrictedTopics'] } }).expect(200);
    const priya = await signIn(stack, 'priya.patel@leewealth.example');
    await api().patch('/api/profile').set(bearer(priya)).send({ complianceOverrides: { autoApprovalThreshold: 90 } }).expect(403);
    const ok = await api().patch('/api/profile').set(bearer(priya)).send({ crdNumber: '1234567', complianceOverrides: { restrictedTopics: ['crypto'] } }).expect(200);
    expect(ok.body.data.effectiveCompliance.requiredDisclosures).toHaveLength(1);
    expect(ok.body.data.effectiveCompliance.restrictedTopics).toContain('crypto');
    await api().patch('/api/profile').set(bearer(priya)).send({ crdNumber: 'ABC' }).expect(400);
  });
});
