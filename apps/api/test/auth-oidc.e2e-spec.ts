import { OAuth2Server } from 'oauth2-mock-server';
import request from 'supertest';
import { startTestApp, TestApp } from './utils';

/** The same sign-in against an OpenID provider others wrote, so nothing depends on sandbox quirks. */
describe('Sign-in against oauth2-mock-server', () => {
  let idp: OAuth2Server;
  let t: TestApp;

  beforeAll(async () => {
    idp = new OAuth2Server();
    await idp.issuer.keys.generate('RS256');
    await idp.start(0, '127.0.0.1');
    const issuer = idp.issuer.url!;
    idp.service.on('beforeUserinfo', (res: { body: Record<string, unknown> }) => {
      res.body = { sub: 'oidc-user-42', email: 'erin.walsh@walshwealth.example', email_verified: true, name: 'Erin Walsh' };
    });
    idp.service.on('beforeResponse', (res: { body: Record<string, unknown> }) => {
      if (res.body.access_token) res.body.scope = 'openid email profile https://www.googleapis.com/auth/calendar.readonly';
    });
    t = await startTestApp({
      GOOGLE_AUTH_URL: `${issuer}/authorize`,
      GOOGLE_TOKEN_URL: `${issuer}/token`,
      GOOGLE_USERINFO_URL: `${issuer}/userinfo`,
      WEB_ORIGIN: 'http://web.test',
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
  });

  it('completes the redirect dance and opens a session', async () => {
    const start = await request(t.url).get('/api/auth/google?returnTo=/meetings').expect(302);
    const authorize = new URL(start.headers.location);
    expect(authorize.origin + authorize.pathname).toBe(`${idp.issuer.url}/authorize`);
    const stateCookie = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('am_oauth_state='))!.split(';')[0];

    const consent = await fetch(authorize, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const callback = new URL(consent.headers.get('location')!);
    expect(callback.pathname).toBe('/api/auth/google/callback');

    const done = await request(t.url).get(callback.pathname + callback.search).set('cookie', stateCookie).expect(302);
    expect(done.headers.location).toBe('http://web.test/auth/complete?returnTo=%2Fmeetings');
    const cookies = done.headers['set-cookie'] as unknown as string[];
    const refresh = cookies.find((c) => c.startsWith('am_refresh='))!.split(';')[0];
    const csrf = cookies.find((c) => c.startsWith('am_csrf='))!.split(';')[0].split('=')[1];
    expect(cookies.find((c) => c.startsWith('am_refresh='))).toMatch(/HttpOnly/i);

    const session = await request(t.url).post('/api/auth/refresh').set('cookie', `${refresh}; am_csrf=${csrf}`).set('x-csrf-token', csrf).expect(200);
    expect(session.body.data.user).toMatchObject({ email: 'erin.walsh@walshwealth.example', name: 'Erin Walsh', role: 'admin', firmName: 'Walshwealth' });
    await request(t.url).get('/api/me').set('authorization', `Bearer ${session.body.data.accessToken}`).expect(200);
  });

  it('rejects a callback whose state was not issued to this browser', async () => {
    const start = await request(t.url).get('/api/auth/google').expect(302);
    const consent = await fetch(start.headers.location, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location')!);
    const res = await request(t.url).get(callback.pathname + callback.search).set('cookie', 'am_oauth_state=someone-elses').expect(302);
    expect(res.headers.location).toMatch(/\/sign-in\?error=invalid_state/);
  });
});
