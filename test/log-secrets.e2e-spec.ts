import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createSandbox } from '../apps/sandbox/src/app';
import { providerEnv } from '../apps/api/test/stack';
import { createTestDatabase, freePort } from '../apps/api/test/utils';

/**
 * Runs the built API as a real process at debug log level, drives sign-in, token refresh, API
 * keys, calendar sync, a signed webhook and a failing request through it, then scans everything
 * it logged for secrets: tokens, cookies, keys, client secrets, the encryption key.
 */
const root = join(__dirname, '..');

describe('logs of a full run carry no secrets', () => {
  let api: ChildProcess;
  let logs = '';
  let base = '';
  let closeSandbox: () => Promise<void>;
  let drop: () => Promise<void>;
  const secrets: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/apps/api/src/main.js'))) throw new Error('Run `npm run build` first (CI does).');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const sandbox = createSandbox({ recallWebhookUrl: `${base}/api/recall/webhook` });
    const server = await sandbox.listen(0);
    closeSandbox = server.close;
    const sb = server.url.replace(/\/$/, '');
    const db = await createTestDatabase();
    drop = db.drop;
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'debug',
      API_ROLE: 'all',
      PORT: String(port),
      PUBLIC_URL: base,
      WEB_ORIGIN: base,
      DATABASE_URL: db.url,
      REDIS_PREFIX: `logscan${port}`,
      JWT_SECRET: 'log-scan-jwt-secret-value',
      ENCRYPTION_KEYS: `scan:${Buffer.alloc(32, 9).toString('base64')}`,
      ...providerEnv(sb),
    };
    secrets.push(env.JWT_SECRET, Buffer.alloc(32, 9).toString('base64'), 'sandbox-google-client-secret', 'sandbox-recall-key', 'sandbox-openai-key', 'sandbox-linkedin-client-secret', 'sandbox-facebook-app-secret');
    api = spawn(process.execPath, ['dist/apps/api/src/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    api.stdout!.on('data', (d: Buffer) => (logs += d.toString()));
    api.stderr!.on('data', (d: Buffer) => (logs += d.toString()));
    for (let i = 0; i < 150; i++) {
      if ((await fetch(`${base}/health/ready`).catch(() => null))?.ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    // Sign in through the sandbox, as a browser would.
    await request(sb).put('/__admin/google/consent').send({ autoApprove: true, defaultLoginHint: 'ann.lee@leewealth.example' }).expect(200);
    const start = await request(base).get('/api/auth/google').expect(302);
    const state = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('am_oauth_state='))!.split(';')[0];
    secrets.push(state.split('=')[1]);
    const consent = await request(start.headers.location).get('').redirects(0);
    const cb = new URL(consent.headers.location);
    secrets.push(cb.searchParams.get('code')!);
    const done = await request(base).get(cb.pathname + cb.search).set('cookie', state).expect(302);
    const cookies = done.headers['set-cookie'] as unknown as string[];
    const refresh = cookies.find((c) => c.startsWith('am_refresh='))!.split(';')[0];
    const csrf = cookies.find((c) => c.startsWith('am_csrf='))!.split(';')[0].split('=')[1];
    secrets.push(decodeURIComponent(refresh.split('=')[1]), csrf);
    const session = await request(base).post('/api/auth/refresh').set('cookie', `${refresh}; am_csrf=${csrf}`).set('x-csrf-token', csrf).expect(200);
    const token = session.body.data.accessToken as string;
    secrets.push(token);
    const auth = { authorization: `Bearer ${token}` };

    const key = await request(base).post('/api/api-keys').set(auth).send({ name: 'CRM', scope: 'read' }).expect(201);
    secrets.push(key.body.data.secret);
    await request(base).get('/api/me').set('x-api-key', key.body.data.secret).expect(200);
    await request(base).get('/api/me').set('x-api-key', `${key.body.data.secret}x`).expect(401);
    await request(base).post('/api/calendar/events').set(auth).expect((r) => expect(r.status).toBeLessThan(300));
    await request(base).get(`/api/events?access_token=${token}`).timeout(500).catch(() => undefined);
    await request(base).post('/api/recall/webhook').set('webhook-id', 'x').set('webhook-signature', 'v1,forged').send({ event: 'bot.done' }).expect(401);
    await request(base).post('/api/compliance/validate').set(auth).send({ content: 'Call me at 303-555-0188, SSN 078-05-1120.', platform: 'linkedin' }).expect(200);
    // The sandbox issued Google tokens: they must not appear either.
    const issued = sandbox.ctx.inspector.list({ provider: 'google', kind: 'token_issued' }).map((r) => JSON.stringify(r.payload));
    for (const rec of issued) for (const m of rec.matchAll(/"(?:access_token|refresh_token|id_token)":"([^"]+)"/g)) secrets.push(m[1]);
    await new Promise((r) => setTimeout(r, 3000)); // let the worker sync the calendar with those tokens
  }, 120_000);

  afterAll(async () => {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    }
    await closeSandbox?.();
    await drop?.();
  });

  it('logged the run (so the scan means something)', () => {
    expect(logs.split('\n').filter((l) => l.startsWith('{')).length).toBeGreaterThan(20);
    expect(logs).toMatch(/"requestId"|"reqId"|"req":\{"id"/);
  });

  it('contains none of the secrets, tokens or personal identifiers it handled', () => {
    const leaks = secrets.filter((s) => s && s.length >= 8 && logs.includes(s));
    expect(leaks.map((s) => `${s.slice(0, 6)}…`)).toEqual([]);
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./); // no JWT at all
    expect(logs).not.toMatch(/am_[0-9a-f]{12}_[A-Za-z0-9_-]{20,}/); // no API key
    expect(logs).not.toMatch(/078-05-1120|303-555-0188/); // no PII from validated text
  });
});
