import request from 'supertest';
import { createSandbox } from '../src/app';
import { SandboxClock } from '../src/core/clock';
import { loadConfig } from '../src/core/config';

describe('SandboxClock', () => {
  it('is real time plus an offset that advance() moves', () => {
    const c = new SandboxClock();
    const before = c.nowMs();
    c.advance(3_600_000);
    expect(c.nowMs() - before).toBeGreaterThanOrEqual(3_600_000);
    expect(c.nowMs() - before).toBeLessThan(3_600_000 + 1000);
    expect(() => c.advance(-1)).toThrow();
  });

  it('runs scaled durations in real time / scale', async () => {
    const c = new SandboxClock(1000);
    const t0 = Date.now();
    await c.sleepScaled(60_000);
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(55);
    expect(took).toBeLessThan(1000);
  });

  it('fires chained timers across one advance() in order, with logical timestamps', () => {
    const c = new SandboxClock(1);
    const start = c.nowMs();
    const fired: [string, number][] = [];
    c.after(60_000, () => {
      fired.push(['a', c.logicalNowMs() - start]);
      c.after(60_000, () => fired.push(['b', c.logicalNowMs() - start]));
    });
    c.at(start + 90_000, () => fired.push(['abs', c.logicalNowMs() - start]));
    c.advance(10 * 60_000);
    expect(fired.map((f) => f[0])).toEqual(['a', 'abs', 'b']);
    expect(Math.round(fired[0][1] / 1000)).toBe(60);
    expect(Math.round(fired[1][1] / 1000)).toBe(90);
    expect(Math.round(fired[2][1] / 1000)).toBe(120);
    expect(c.pendingTimers()).toBe(0);
  });

  it('cancels timers', () => {
    const c = new SandboxClock();
    const h = c.after(1000, () => {
      throw new Error('should not fire');
    });
    h.cancel();
    c.advance(5000);
    expect(c.pendingTimers()).toBe(0);
  });
});

describe('config', () => {
  it('has documented defaults', () => {
    const c = loadConfig({}, {});
    expect(c).toMatchObject({
      port: 4000,
      timeScale: 1,
      publicUrl: 'http://localhost:4000',
      recallWebhookUrl: 'http://localhost:3000/api/recall/webhook',
      recallApiKeys: ['sandbox-recall-key'],
      googleClientId: 'sandbox-google-client-id',
      googleClientSecret: 'sandbox-google-client-secret',
      linkedinClientId: 'sandbox-linkedin-client-id',
      facebookAppId: 'sandbox-facebook-app-id',
      openaiApiKeys: ['sandbox-openai-key'],
    });
    expect(c.recallWebhookSecret).toMatch(/^whsec_/);
    expect(loadConfig({}, { RECALL_WEBHOOK_URL: '' }).recallWebhookUrl).toBe('');
    expect(loadConfig({}, { RECALL_API_KEY: 'a, b' }).recallApiKeys).toEqual(['a', 'b']);
  });

  it.each([
    [{ SANDBOX_PORT: 'abc' }, /SANDBOX_PORT/],
    [{ SANDBOX_PORT: '70000' }, /SANDBOX_PORT/],
    [{ SANDBOX_TIME_SCALE: '-2' }, /SANDBOX_TIME_SCALE/],
    [{ SANDBOX_TIME_SCALE: 'fast' }, /SANDBOX_TIME_SCALE/],
    [{ SANDBOX_PUBLIC_URL: 'not a url' }, /SANDBOX_PUBLIC_URL/],
    [{ RECALL_WEBHOOK_URL: 'ftp://x' }, /RECALL_WEBHOOK_URL/],
    [{ RECALL_WEBHOOK_SECRET: 'secret' }, /RECALL_WEBHOOK_SECRET/],
    [{ SANDBOX_FAULTS: '{not json' }, /SANDBOX_FAULTS/],
  ])('rejects %j naming the setting in one line', (env, re) => {
    expect(() => loadConfig({}, env as Record<string, string>)).toThrow(re);
    try {
      loadConfig({}, env as Record<string, string>);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });
});

describe('admin API and inspector', () => {
  it('advances the clock and resets everything', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    const before = await request(app).get('/__admin/clock');
    const adv = await request(app).post('/__admin/clock/advance').send({ hours: 2 });
    expect(adv.status).toBe(200);
    expect(Date.parse(adv.body.now) - Date.parse(before.body.now)).toBeGreaterThanOrEqual(7_200_000);
    expect((await request(app).post('/__admin/clock/advance').send({ ms: -5 })).status).toBe(400);
    expect((await request(app).post('/__admin/clock/advance').send({})).status).toBe(400);
    await request(app).post('/recall/api/v1/bot/').set('Authorization', 'Token sandbox-recall-key').send({ meeting_url: 'https://meet.google.com/abc-defg-hij' }).expect(201);
    await request(app).put('/__admin/faults').send({ google: { status: 500 } }).expect(200);
    const reset = await request(app).post('/__admin/reset');
    expect(reset.status).toBe(200);
    expect(reset.body.offsetMs).toBe(0);
    const insp = await request(app).get('/__inspector.json');
    expect(insp.body.providers.recall.bots).toEqual([]);
    expect((await request(app).get('/__admin/faults')).body).toEqual({});
    expect((await request(app).get('/__admin/nope')).status).toBe(404);
  });

  it('renders the inspector page with every provider', async () => {
    const { app } = createSandbox({ recallWebhookUrl: '' });
    const res = await request(app).get('/__inspector');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
    for (const p of ['google', 'recall', 'linkedin', 'facebook']) expect(res.text).toContain(`<section id="${p}">`);
  });
});
