import { ChildProcess, spawn } from 'node:child_process';
import request from 'supertest';
import { freePort, startTestApp, TestApp } from './utils';

function startRedis(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.on('error', reject);
    proc.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) resolve(proc);
    });
  });
}

describe('readiness follows Redis (a private redis-server)', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    redis?.kill('SIGKILL');
    await t?.close().catch(() => undefined);
  });

  it('fails within 5 s naming Redis when it stops, and recovers when it returns', async () => {
    await request(t.url).get('/health/ready').expect(200);
    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));

    const started = Date.now();
    const down = await request(t.url).get('/health/ready');
    const elapsed = Date.now() - started;
    expect(down.status).toBe(503);
    expect(elapsed).toBeLessThan(5000);
    expect(down.body.error.code).toBe('DEPENDENCY_DOWN');
    expect(down.body.error.details.map((d: { dependency: string }) => d.dependency)).toContain('redis');
    expect(down.body.error.message).toMatch(/redis/);

    redis = await startRedis(port);
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await request(t.url).get('/health/ready')).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
