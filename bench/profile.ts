/** Profiles one endpoint: the API with --cpu-prof under 10 s (PROFILE_SECONDS) of load; prints the hottest functions (self time). `npx tsx bench/profile.ts /api/me` */
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { cleanup, onCleanup } from './lib/proc';
import { createDatabase, mintAccessToken, redisPrefix, SHARED_REDIS, startApi, waitForSchema } from './lib/stack';
import { seedFirms } from './lib/seed';
(async () => {
  const db = await createDatabase('am_bench_prof');
  const stack = { databaseUrl: db.url, redisUrl: SHARED_REDIS, redisPrefix: redisPrefix('prof') };
  const api = await startApi('api', stack, 'api', {}, ['--cpu-prof', '--cpu-prof-dir=/tmp/amprof']);
  const pool = new Pool({ connectionString: db.url, max: 2 }); onCleanup(() => pool.end());
  await waitForSchema(pool);
  const { advisors } = await seedFirms(pool, { firms: 5, advisorsPerFirm: 20, meetings: 10000 });
  const toks = advisors.map((a) => mintAccessToken({ sub: a.userId, fid: a.firmId, role: a.role }));
  const path = process.argv[2] ?? '/api/me';
  let ix = 0;
  // 10 connections × 10 advisors each, so the per-user throttle (600/min) is not what we measure.
  const r = await autocannon({ url: api.url, connections: 10, duration: Number(process.env.PROFILE_SECONDS ?? 10), setupClient: (c: { setRequests(r: object[]): void }) => { const i = ix++; c.setRequests(toks.slice(i * 10, i * 10 + 10).map((t) => ({ method: 'GET', path, headers: { authorization: `Bearer ${t}` } }))); } } as autocannon.Options);
  console.log(path, r.requests.average, 'rps', r.non2xx, 'non2xx');
  await cleanup();
  const { readdirSync, readFileSync } = await import('node:fs');
  for (const f of readdirSync('/tmp/amprof')) {
    const prof = JSON.parse(readFileSync('/tmp/amprof/' + f, 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
    const self = new Map<number, number>();
    prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
    const byFn = new Map<string, number>();
    let total = 0;
    for (const n of prof.nodes) {
      const t = self.get(n.id) ?? 0;
      total += t;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*node_modules\//, 'nm/').replace(/^file:\/\/\/work\/main\//, '')}:${n.callFrame.lineNumber + 1}`;
      byFn.set(key, (byFn.get(key) ?? 0) + t);
    }
    const byPkg = new Map<string, number>();
    for (const n of prof.nodes) {
      const u = n.callFrame.url;
      const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u)?.[1] ?? (u.includes('/dist/') ? 'app (dist)' : u ? 'node internals' : n.callFrame.functionName || '(vm)');
      byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + (self.get(n.id) ?? 0));
    }
    console.log(`\nprofile ${f}: top self time`);
    for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
    console.log('by package:');
    for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  }
  process.exit(0);
})().catch(async (e) => { console.error(e); await cleanup(); process.exit(1); });
