import request from 'supertest';
import { createSandbox } from '../src/app';
import { FaultRegistry } from '../src/core/faults';

const KEY = 'Token sandbox-recall-key';

describe('fault injection', () => {
  it('a configured 429 carries Retry-After and the provider-shaped body', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    await request(app).put('/__admin/faults').send({ recall: { status: 429, retryAfter: 7, route: '/api/v1/bot' } }).expect(200);
    const res = await request(app).get('/recall/api/v1/bot/').set('Authorization', KEY);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.body.detail).toMatch(/throttled/);
    // other providers are untouched
    expect((await request(app).get('/google/.well-known/openid-configuration')).status).toBe(200);
  });

  it('uses each provider’s error shape: Google 403 rateLimitExceeded, Facebook code 4 over HTTP 400, LinkedIn 401 revoked', async () => {
    const { app } = createSandbox();
    await request(app)
      .put('/__admin/faults')
      .send({ google: { status: 403, kind: 'rate_limit' }, facebook: { kind: 'rate_limit' }, linkedin: { kind: 'revoked_token' } })
      .expect(200);
    const g = await request(app).get('/google/calendar/v3/users/me/calendarList');
    expect(g.status).toBe(403);
    expect(g.body.error.errors[0]).toMatchObject({ domain: 'usageLimits', reason: 'rateLimitExceeded' });
    const f = await request(app).get('/facebook/graph/v23.0/me');
    expect(f.status).toBe(400);
    expect(f.body.error).toMatchObject({ code: 4, is_transient: true });
    const l = await request(app).get('/linkedin/v2/userinfo');
    expect(l.status).toBe(401);
    expect(l.body).toMatchObject({ serviceErrorCode: 65601, code: 'REVOKED_ACCESS_TOKEN' });
  });

  it('answers in OAuth shape on Google token routes (revoked → invalid_grant)', async () => {
    const { app } = createSandbox();
    await request(app).put('/__admin/faults').send({ google: { route: '/token', kind: 'revoked_token', once: true } }).expect(200);
    const res = await request(app).post('/google/token').type('form').send({ grant_type: 'refresh_token', refresh_token: 'x' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
  });

  it('observes a configured error rate of 0.3 over 400 calls within ±0.07', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    await request(app).put('/__admin/faults').send({ recall: { errorRate: 0.3, status: 503 } }).expect(200);
    let failed = 0;
    for (let i = 0; i < 400; i++) {
      const res = await request(app).get('/recall/api/v1/bot/').set('Authorization', KEY);
      if (res.status === 503) failed++;
      else expect(res.status).toBe(200);
    }
    expect(Math.abs(failed / 400 - 0.3)).toBeLessThanOrEqual(0.07);
    const listed = await request(app).get('/__admin/faults');
    expect(listed.body.recall[0]).toMatchObject({ matched: 400, fired: failed });
  });

  it('fires one-shot and every-Nth rules exactly', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    await request(app).post('/__admin/faults').send({ recall: [{ once: true, status: 502 }] }).expect(201);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await request(app).get('/recall/api/v1/bot/').set('Authorization', KEY)).status);
    expect(statuses).toEqual([502, 200, 200]);
    await request(app).put('/__admin/faults').send({ recall: { everyNth: 3, status: 500 } }).expect(200);
    const nth: number[] = [];
    for (let i = 0; i < 6; i++) nth.push((await request(app).get('/recall/api/v1/bot/').set('Authorization', KEY)).status);
    expect(nth).toEqual([200, 200, 500, 200, 200, 500]);
  });

  it('adds latency, holds a connection past the client timeout, and drops connections', async () => {
    const sb = createSandbox({ port: 0, recallWebhookUrl: '' });
    const server = await sb.listen(0);
    try {
      const url = `${server.url}/recall/api/v1/bot/`;
      const headers = { Authorization: KEY };
      await request(sb.app).put('/__admin/faults').send({ recall: { latencyMs: 150 } }).expect(200);
      const t0 = Date.now();
      expect((await fetch(url, { headers })).status).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);

      await request(sb.app).put('/__admin/faults').send({ recall: { kind: 'timeout', holdMs: 5000 } }).expect(200);
      await expect(fetch(url, { headers, signal: AbortSignal.timeout(200) })).rejects.toThrow();

      await request(sb.app).put('/__admin/faults').send({ recall: { kind: 'drop' } }).expect(200);
      await expect(fetch(url, { headers })).rejects.toThrow();

      await request(sb.app).delete('/__admin/faults').expect(200);
      expect((await fetch(url, { headers })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('returns an unparseable body for bad_body and matches routes with wildcards and methods', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    await request(app).put('/__admin/faults').send({ recall: { kind: 'bad_body', route: '/api/v1/bot/*', method: 'GET' } }).expect(200);
    expect((await request(app).get('/recall/api/v1/bot/').set('Authorization', KEY)).status).toBe(200);
    const bad = await request(app).get('/recall/api/v1/bot/abc/').set('Authorization', KEY).buffer(true).parse((res, cb) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => cb(null, data));
    });
    expect(bad.status).toBe(200);
    expect(() => JSON.parse(bad.body as string)).toThrow();
  });

  it('rejects bad admin input with a clear 400 and reads SANDBOX_FAULTS-style config', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    const unknown = await request(app).put('/__admin/faults').send({ myspace: { status: 500 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/unknown provider "myspace"/);
    const rate = await request(app).put('/__admin/faults').send({ recall: { errorRate: 2 } });
    expect(rate.status).toBe(400);
    expect(rate.body.error).toMatch(/recall\[0\]\.errorRate/);
    const notJson = await request(app).put('/__admin/faults').set('content-type', 'application/json').send('{nope');
    expect(notJson.status).toBe(400);
    const fromEnv = createSandbox({ faults: { recall: { errorRate: 0.2, status: 503 } } });
    expect(fromEnv.ctx.faults.list().recall[0]).toMatchObject({ errorRate: 0.2, status: 503, kind: 'error' });
    expect(() => createSandbox({ faults: { recall: { status: 'x' } } })).toThrow(/SANDBOX_FAULTS/);
  });

  it('decides deterministically with an injected random source', () => {
    const f = new FaultRegistry({ openai: { errorRate: 0.5 } });
    let r = 0;
    f.random = () => (r++ % 2 ? 0.9 : 0.1);
    expect([1, 2, 3, 4].map(() => Boolean(f.decide('openai', 'POST', '/v1/chat/completions').fault))).toEqual([true, false, true, false]);
  });
});
