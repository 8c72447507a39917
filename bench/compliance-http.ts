/**
 * HTTP side of the compliance benchmark: p50/p95/p99 of POST /api/compliance/validate with
 * ~1,500-character posts, against the built API (run `npm run build` first) on its own database.
 * Run: npx tsx bench/compliance-http.ts [seconds] [connections] [API processes, default 1]
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildSamplePosts } from './compliance';

const root = join(__dirname, '..');
const ADMIN = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'bench-secret';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
function jwt(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({ ...claims, iat: now, exp: now + 3600, iss: 'aftermeet' });
  return `${head}.${body}.${createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url')}`;
}
const freePort = () => new Promise<number>((r) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => r(p)); }); });

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 15);
  const connections = Number(process.argv[3] ?? 10);
  const processes = Number(process.argv[4] ?? 1);
  if (!existsSync(join(root, 'dist/apps/api/src/main.js'))) throw new Error('Run `npm run build` first');
  const db = `am_bench_cv_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  const url = ADMIN.replace(/\/[^/]*$/, `/${db}`);
  const port = await freePort();
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: root,
    env: { ...process.env, API_ROLE: 'api', PORT: String(port), DATABASE_URL: url, REDIS_PREFIX: `bench${port}`, JWT_SECRET: SECRET, LOG_LEVEL: 'warn', THROTTLE_PER_MINUTE: '10000000', NODE_ENV: 'development', API_PROCESSES: String(processes) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 100; i++) {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const pg = new Client({ connectionString: url });
    await pg.connect();
    const firm = randomUUID();
    const user = randomUUID();
    await pg.query(`INSERT INTO firm (id, name, compliance) VALUES ($1, 'Bench Wealth', $2)`, [firm, JSON.stringify({ riskTolerance: 'moderate', autoApprovalThreshold: 30, requiredDisclosures: ['Advisory services offered through Bench Wealth LLC.'], restrictedTopics: [], disabledRuleIds: [], facebookInvestmentAlwaysReview: true, requireRecordingConsent: false, advisorMayOverride: [] })]);
    await pg.query(`INSERT INTO app_user (id, email, name) VALUES ($1, 'bench@bench.example', 'Bench Advisor')`, [user]);
    await pg.query(`INSERT INTO firm_member (firm_id, user_id, role) VALUES ($1, $2, 'advisor')`, [firm, user]);
    await pg.query(`INSERT INTO advisor_profile (user_id, firm_id) VALUES ($1, $2)`, [user, firm]);
    await pg.end();
    const token = jwt({ sub: user, fid: firm, role: 'advisor', sid: randomUUID() });
    const posts = buildSamplePosts(200).map((p) => JSON.stringify({ content: p.content, platform: p.platform }));
    let i = 0;
    const run = (secs: number) => {
      const times: number[] = [];
      return new Promise<{ result: autocannon.Result; times: number[] }>((resolve, reject) => {
        const inst = autocannon(
          {
            url: `http://127.0.0.1:${port}/api/compliance/validate`,
            method: 'POST',
            connections,
            duration: secs,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            requests: [{ setupRequest: (req) => ({ ...req, body: posts[i++ % posts.length] }) }],
          },
          (err, result) => (err ? reject(err) : resolve({ result, times })),
        );
        inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => times.push(ms));
      });
    };
    // warm-up: JIT, pools, and the second HTTP process finishing its boot
    await run(5);
    const { result, times } = await run(seconds);
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
    const avgLen = Math.round(buildSamplePosts(200).reduce((n, p) => n + p.content.length, 0) / 200);
    console.log(`\nPOST /api/compliance/validate — ${connections} connections, ${processes} API process(es), ${seconds} s, posts ~${avgLen} chars`);
    console.table({
      'requests/s': Math.round(result.requests.average),
      'p50 ms': +q(50).toFixed(2),
      'p95 ms': +q(95).toFixed(2),
      'p99 ms': +q(99).toFixed(2),
      'non-2xx': result.non2xx,
      errors: result.errors,
    });
    console.log(`Target: p95 under 10 ms: ${q(95) < 10 ? 'MET' : 'NOT MET'} (latency per response, measured by the bench).`);
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
