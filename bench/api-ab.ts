/**
 * Two builds of the API side by side: `npx tsx bench/api-ab.ts <distA> <distB>` (each a copy of
 * `dist/`, e.g. `cp -r dist /tmp/dist-before` before a change). Both run against one seeded
 * database (50 firms, 1,000 advisors, 100,000 meetings, 10,000 posts under review), each with its
 * own Redis prefix, and are loaded AT THE SAME TIME with the same requests, endpoint by endpoint,
 * for AB_ROUNDS rounds of AB_SECONDS s (3 × 6). On a shared host whose speed changes by 2× within
 * minutes, runs one after the other compare the host more than the builds; side by side, both
 * builds see the same host. Prints each build's req/s and API-process CPU per request (the
 * Postgres backends of both builds are one pool here, so they are not split).
 */
import autocannon from 'autocannon';
import { join } from 'node:path';
import { Pool } from 'pg';
import { cleanup, freePort, onCleanup, ROOT, sampleCpu, startProc, waitHttp, withChildren } from './lib/proc';
import { apiEnv, createDatabase, mintAccessToken, redisPrefix, SHARED_REDIS, waitForSchema } from './lib/stack';
import { seedFirms } from './lib/seed';

const SECONDS = Number(process.env.AB_SECONDS ?? 6);
const ROUNDS = Number(process.env.AB_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.AB_CONNECTIONS ?? 25);

async function main(): Promise<void> {
  const builds = process.argv.slice(2);
  if (builds.length < 2) throw new Error('usage: npx tsx bench/api-ab.ts <distA> <distB> [...]');
  const db = await createDatabase('am_bench_ab');
  const pool = new Pool({ connectionString: db.url, max: 2 });
  onCleanup(() => pool.end());
  const apis: { name: string; url: string; pid: number }[] = [];
  for (const [i, dist] of builds.entries()) {
    const port = await freePort();
    // NODE_PATH: a copy of dist outside the repository still finds the repository's packages.
    const env = apiEnv({ databaseUrl: db.url, redisUrl: SHARED_REDIS, redisPrefix: redisPrefix(`ab${i}`) }, 'api', port, { API_PROCESSES: '1', NODE_PATH: join(ROOT, 'node_modules') });
    const proc = startProc(`api${i}`, process.execPath, [join(dist, 'apps/api/src/main.js')], env);
    await waitHttp(`http://127.0.0.1:${port}/health/live`, 90_000, proc);
    if (i === 0) await waitForSchema(pool); // the first build migrates; the others start on the same schema
    apis.push({ name: dist, url: `http://127.0.0.1:${port}`, pid: proc.pid });
  }
  const { advisors } = await seedFirms(pool, { firms: 50, advisorsPerFirm: 20, meetings: 100_000, reviewItems: 10_000 });
  const meetingOf = new Map<string, string>((await pool.query(`SELECT DISTINCT ON (advisor_id) advisor_id, id FROM client_meeting WHERE starts_at < now() ORDER BY advisor_id, starts_at DESC`)).rows.map((r) => [r.advisor_id, r.id]));
  const users = advisors.map((a) => ({ meetingId: meetingOf.get(a.userId) ?? '00000000-0000-4000-8000-000000000000', token: mintAccessToken({ sub: a.userId, fid: a.firmId, role: a.role }, 3 * 3600) }));
  const endpoints: [string, (u: (typeof users)[number]) => string][] = [
    ['/health/live', () => '/health/live'],
    ['calendar/events', () => '/api/calendar/events?when=past&limit=20'],
    ['compliance/reviews', () => '/api/compliance/reviews?limit=20'],
    ['content?meetingId', (u) => `/api/content?meetingId=${u.meetingId}`],
    ['me', () => '/api/me'],
  ];
  const run = async (api: (typeof apis)[number], path: (u: (typeof users)[number]) => string, seconds: number) => {
    let ix = 0;
    const cpu = sampleCpu([{ name: 'api', pids: () => withChildren(api.pid) }]);
    // each connection cycles through 20 advisors, so the per-user throttle is not what is measured
    const r = await autocannon({
      url: api.url,
      connections: CONNECTIONS,
      duration: seconds,
      setupClient: (c: { setRequests(r: object[]): void }) => {
        const i = ix++;
        c.setRequests(users.slice((i * 20) % users.length, ((i * 20) % users.length) + 20).map((u) => ({ method: 'GET', path: path(u), headers: { authorization: `Bearer ${u.token}` } })));
      },
    } as autocannon.Options);
    const c = cpu.stop();
    return { rps: r.requests.average, non2xx: r.non2xx, ms: r.requests.average > 0 ? (c.api.mean / 100) * 1000 / r.requests.average : NaN };
  };
  for (const [, path] of endpoints) await Promise.all(apis.map((api) => run(api, path, 2))); // warm-up
  const results = new Map<string, { rps: number[]; ms: number[] }[]>();
  for (let round = 1; round <= ROUNDS; round++)
    for (const [name, path] of endpoints) {
      const rs = await Promise.all(apis.map((api) => run(api, path, SECONDS)));
      const per = results.get(name) ?? apis.map(() => ({ rps: [], ms: [] }));
      rs.forEach((r, i) => (per[i].rps.push(r.rps), per[i].ms.push(r.ms)));
      results.set(name, per);
      console.log(`round ${round} ${name.padEnd(18)} ${rs.map((r, i) => `${apis[i].name}: ${r.rps.toFixed(0)} req/s, ${r.ms.toFixed(2)} ms CPU/req${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}`).join(' | ')}`);
    }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  console.log(`\nmeans over ${ROUNDS} rounds (API process CPU per request; req/s at the same moments):`);
  for (const [name, per] of results) console.log(`  ${name.padEnd(18)} ${per.map((p, i) => `${apis[i].name}: ${mean(p.ms).toFixed(2)} ms, ${mean(p.rps).toFixed(0)} req/s`).join(' | ')}`);
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (e) => {
    console.error(e);
    await cleanup();
    process.exit(1);
  });
