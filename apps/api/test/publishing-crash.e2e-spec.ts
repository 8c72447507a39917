import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { approvedPost, as, connectFacebookPage, connectLinkedIn, inspector, statuses, until } from './publishing-support';
import { SignedIn, Stack, providerEnv, signIn, startStack } from './stack';

const PUBLISH_ENV = {
  PUBLISH_ADVISOR_LIMIT: '100000',
  PUBLISH_LINKEDIN_LIMIT: '100000',
  PUBLISH_FACEBOOK_LIMIT: '100000',
  PUBLISH_CONCURRENCY: '5',
  PUBLISH_WORKER_LOCK_MS: '1500',
  PUBLISH_VERIFY_GRACE_SECONDS: '5',
  PUBLISH_VERIFY_INTERVAL_SECONDS: '1',
  SOCIAL_CONNECTION_CHECK_SECONDS: '0',
};

/**
 * Crash test: while 200 posts publish, the worker PROCESS is killed with SIGKILL at random moments
 * several times and restarted. At the end every post is published exactly once or marked
 * needs-check, and the sandbox holds no duplicate.
 */
describe('Publishing survives worker crashes without double posts', () => {
  let stack: Stack;
  let ann: SignedIn;
  let marcus: SignedIn;
  let worker: ChildProcess | undefined;
  const api = () => request(stack.api.url);

  function workerEnv(): Record<string, string> {
    const c = stack.api.config;
    const s = stack.sandboxUrl;
    return {
      NODE_ENV: 'test',
      API_ROLE: 'worker',
      LOG_LEVEL: 'silent',
      DATABASE_URL: c.database.url,
      DATABASE_MIGRATIONS_RUN: 'false',
      REDIS_URL: c.redis.url,
      REDIS_PREFIX: c.redis.prefix,
      ENCRYPTION_KEYS: c.security.encryptionKeys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(','),
      JWT_SECRET: c.security.jwtSecret,
      ...providerEnv(s),
      CALENDAR_SYNC_INTERVAL_SECONDS: '0',
      RECALL_POLL_INTERVAL_SECONDS: '0',
      ...PUBLISH_ENV,
    };
  }

  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, [join(__dirname, 'publishing-worker.js')], { env: { ...process.env, ...workerEnv() }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not start in 30 s: ${err}`)), 30_000);
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('worker ready')) {
          clearTimeout(timer);
          resolve(child);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited (${code}) before it was ready: ${err}`));
      });
    });
  }

  async function kill(child: ChildProcess): Promise<void> {
    child.removeAllListeners('exit');
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  beforeAll(async () => {
    stack = await startStack({ API_ROLE: 'api', ...PUBLISH_ENV });
    ann = await signIn(stack, 'ann.lee@leewealth.example');
    await api().post('/api/firm/invitations').set(as(ann)).send({ email: 'marcus.chen@leewealth.example', role: 'advisor' }).expect(201);
    marcus = await signIn(stack, 'marcus.chen@leewealth.example');
  }, 60_000);
  afterAll(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) await kill(worker);
    await stack?.close();
  });

  it('publishes 200 posts exactly once (or needs-check) while the worker process is SIGKILLed and restarted', async () => {
    const targets = [
      { who: marcus, connectionId: await connectLinkedIn(stack, marcus), platform: 'linkedin' as const, n: 70 },
      { who: ann, connectionId: await connectLinkedIn(stack, ann), platform: 'linkedin' as const, n: 70 },
      { who: ann, connectionId: await connectFacebookPage(stack, ann, '104000000000002'), platform: 'facebook' as const, n: 60 },
    ];
    await request(stack.sandboxUrl).put('/__admin/linkedin/settings').send({ memberDailyLimit: 100_000 }).expect(200);
    // Provider calls that take a while, so kills land in the middle of them too.
    await request(stack.sandboxUrl)
      .post('/__admin/faults')
      .send({ linkedin: { route: '/rest/posts', method: 'POST', latencyMs: 60 }, facebook: { route: '/graph/*/*/feed', method: 'POST', latencyMs: 60 } })
      .expect(201);

    const texts = new Map<string, string>();
    const ids: string[] = [];
    const facebookIds = new Set<string>();
    // Interleaved, so kills land on both platforms.
    for (let i = 0; i < 70; i++) {
      for (const [t, target] of targets.entries()) {
        if (i >= target.n) continue;
        const text = `Crash-safe note ${t + 1}.${i + 1}: three questions to ask before you refinance a mortgage this year.`;
        const contentId = await approvedPost(stack, target.who, text, target.platform);
        const res = await api().post('/api/social/publish').set(as(target.who)).send({ contentId, connectionId: target.connectionId }).expect(201);
        ids.push(res.body.data.id);
        texts.set(res.body.data.id, text);
        if (target.platform === 'facebook') facebookIds.add(res.body.data.id);
      }
    }
    expect(ids).toHaveLength(200);
    const t0 = Date.now();
    const log = (msg: string) => process.stdout.write(`[crash test +${((Date.now() - t0) / 1000).toFixed(1)} s] ${msg}\n`);
    log('200 publications queued');

    const killedWhilePending: number[] = [];
    const inFlightAtKill: number[] = [];
    for (let k = 0; k < 4; k++) {
      worker = await startWorker();
      await new Promise((r) => setTimeout(r, 400 + Math.floor(Math.random() * 1600)));
      const s = await statuses(stack, ids);
      killedWhilePending.push(200 - (s.published ?? 0) - (s.needs_check ?? 0));
      inFlightAtKill.push((s.publishing ?? 0) + (s.verifying ?? 0));
      await kill(worker);
      log(`kill ${k + 1}: ${JSON.stringify(s)}`);
    }
    worker = await startWorker();
    log('last worker started');
    const final = await until('every post settled', () => statuses(stack, ids), (s) => (s.published ?? 0) + (s.needs_check ?? 0) + (s.failed ?? 0) === 200, 100_000, 250);
    log(`settled: ${JSON.stringify(final)}`);
    await kill(worker);

    // Several kills hit while posts were still being published.
    expect(killedWhilePending.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    // ...and with posts in the middle of being sent or verified.
    expect(inFlightAtKill.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    expect(final.failed ?? 0).toBe(0);
    expect((final.published ?? 0) + (final.needs_check ?? 0)).toBe(200);

    const seen = await inspector(stack);
    const onPlatform = new Map<string, number>();
    for (const p of seen.linkedin) onPlatform.set(p.text, (onPlatform.get(p.text) ?? 0) + 1);
    for (const p of seen.facebook) onPlatform.set(p.message ?? '', (onPlatform.get(p.message ?? '') ?? 0) + 1);
    // No duplicate anywhere in the sandbox.
    expect([...onPlatform.entries()].filter(([, n]) => n > 1)).toEqual([]);
    const ds = stack.api.app.get(DataSource);
    const rows: { id: string; status: string; external_id: string | null }[] = await ds.query(`SELECT id, status, external_id FROM publication WHERE id = ANY($1)`, [ids]);
    for (const r of rows) {
      const n = onPlatform.get(texts.get(r.id)!) ?? 0;
      if (r.status === 'published') expect({ id: r.id, n }).toEqual({ id: r.id, n: 1 });
      else expect(n).toBeLessThanOrEqual(1);
    }
    // Facebook lets us list a Page's posts, so an unknown outcome there is always reconciled, never left to a person.
    expect(rows.filter((r) => facebookIds.has(r.id) && r.status !== 'published')).toEqual([]);
    const records = await ds.query(`SELECT count(*)::int n FROM publication_record WHERE publication_id = ANY($1)`, [ids]);
    expect(records[0].n).toBe(final.published);
    process.stdout.write(`crash test: ${JSON.stringify(final)}, pending at each kill: ${killedWhilePending.join(', ')}; in flight: ${inFlightAtKill.join(', ')}\n`);
  }, 240_000);
});
