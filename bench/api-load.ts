/**
 * npm run bench:api — the API under the design's load and at saturation, beside a bare NestJS route.
 *
 * Seeds 50 firms, 1,000 advisors (+1 compliance officer per firm), 100,000 meetings and 10,000
 * posts under review into a fresh database, starts the built API (API_ROLE=api) and a bare Nest app
 * as separate processes, then:
 *   (a) design load: 1,000 advisors, each an open keep-alive connection making a request every 5 s
 *       on average (independent random gaps, so 200 requests/s overall), over
 *       GET /api/calendar/events, /api/compliance/reviews, /api/content?meetingId=, /api/me;
 *       then the same through autocannon with overallRate 200, which caps itself at 200
 *       connections (one per request per second) and fires them together at each second's tick;
 *   (b) saturation: the same endpoints as fast as they go, and the bare route, same connections.
 * Prints figures (not pass/fail). Needs `npm run build:api` first. Env knobs: BENCH_DESIGN_SECONDS
 * (60), BENCH_SAT_SECONDS (20), BENCH_SAT_CONNECTIONS (100), BENCH_API_PROCESSES (1: the API's
 * API_PROCESSES, and the bare app runs as many), BENCH_KEEP_DB=1.
 */
import autocannon from 'autocannon';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { cleanup, freePort, machineCpu, onCleanup, pidOfListener, ROOT, sampleCpu, startProc, stopProc, waitHttp, withChildren, LOG_DIR } from './lib/proc';
import { createDatabase, mintAccessToken, redisPrefix, requireBuild, SHARED_REDIS, startApi, waitForSchema } from './lib/stack';
import { seedFirms, SeededAdvisor } from './lib/seed';

const DESIGN_SECONDS = Number(process.env.BENCH_DESIGN_SECONDS ?? 60);
const SAT_SECONDS = Number(process.env.BENCH_SAT_SECONDS ?? 20);
const SAT_CONNECTIONS = Number(process.env.BENCH_SAT_CONNECTIONS ?? 100);
const PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? 1);
const MEAN_GAP_MS = 5000;
const FIRMS = 50;
const ADVISORS = 1000;
const MEETINGS = 100_000;
const REVIEW_ITEMS = 10_000;

type Req = { method: 'GET'; path: string; headers: Record<string, string> };

function endpointsFor(a: SeededAdvisor & { meetingId: string }): { name: string; path: string }[] {
  return [
    { name: 'calendar/events', path: '/api/calendar/events?when=past&limit=20' },
    { name: 'compliance/reviews', path: '/api/compliance/reviews?limit=20' },
    { name: 'content?meetingId', path: `/api/content?meetingId=${a.meetingId}` },
    { name: 'me', path: '/api/me' },
  ];
}

function requestsFor(advisors: (SeededAdvisor & { meetingId: string; token: string })[], offset: number, only?: string): Req[] {
  const list: Req[] = [];
  for (const a of advisors) for (const e of endpointsFor(a)) if (!only || e.name === only) list.push({ method: 'GET', path: e.path, headers: { authorization: `Bearer ${a.token}`, accept: 'application/json' } });
  return list.slice(offset % list.length).concat(list.slice(0, offset % list.length));
}

interface Run {
  label: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  cpu: Record<string, { mean: number; p90: number; max: number }>;
  machine: number;
}

/** The p-th percentile of sorted latencies (NaN when there are none). */
const quantile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function cannon(label: string, base: string, opts: { connections: number; duration: number; overallRate?: number; perClient?: (i: number) => Req[]; path?: string }, cpuTargets: { name: string; pid?: number; pids?: number[] | (() => number[]) }[]): Promise<Run> {
  let clientIx = 0;
  const cpu = sampleCpu(cpuTargets);
  const mc = machineCpu();
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: base + (opts.path ?? ''),
        connections: opts.connections,
        duration: opts.duration,
        overallRate: opts.overallRate,
        timeout: 10,
        setupClient: opts.perClient
          ? (client: { setRequests(r: Req[]): void }) => {
              client.setRequests(opts.perClient!(clientIx++));
            }
          : undefined,
      } as autocannon.Options,
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_c: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const q = (p: number) => quantile(times, p);
  const machine = mc();
  const c = cpu.stop();
  const r: Run = {
    label,
    rps: result.requests.average,
    p50: q(50),
    p95: q(95),
    p99: q(99),
    max: times[times.length - 1] ?? NaN,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpu: c,
    machine,
  };
  return r;
}

function get(agent: http.Agent, base: URL, r: Req): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: base.hostname, port: base.port, path: r.path, method: r.method, headers: r.headers, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * The design's load as the design states it: every advisor holds one keep-alive connection and
 * sends a request at random moments, on average every `MEAN_GAP_MS` (exponential gaps from a
 * seeded generator, so arrivals are Poisson and reproducible). Requests started during the
 * first gap, while the connections open, are not counted.
 */
export async function openLoad(label: string, base: string, clients: Req[][], seconds: number, cpuTargets: Parameters<typeof sampleCpu>[0]): Promise<Run> {
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) + 1) / 0x80000001;
  const url = new URL(base);
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  const t0 = Date.now();
  const countFrom = t0 + MEAN_GAP_MS;
  const end = countFrom + seconds * 1000;
  let cpu: ReturnType<typeof sampleCpu> | undefined;
  let mc: (() => number) | undefined;
  const startStats = setTimeout(() => ((cpu = sampleCpu(cpuTargets)), (mc = machineCpu())), MEAN_GAP_MS);
  await Promise.all(
    clients.map(async (reqs, i) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      let next = t0 + rnd() * MEAN_GAP_MS;
      for (let k = 0; ; k++) {
        const wait = next - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (Date.now() >= end) break;
        const started = Date.now();
        const a = performance.now();
        const status = await get(agent, url, reqs[(i + k) % reqs.length]).catch((e: Error) => (e.message === 'timeout' ? -2 : -1));
        if (started >= countFrom) {
          if (status === -1) errors++;
          else if (status === -2) timeouts++;
          else {
            times.push(performance.now() - a);
            if (status < 200 || status >= 300) non2xx++;
          }
        }
        next = started - Math.log(rnd()) * MEAN_GAP_MS;
      }
      agent.destroy();
    }),
  );
  clearTimeout(startStats);
  const machine = mc?.() ?? NaN;
  const c = cpu?.stop() ?? {};
  times.sort((a, b) => a - b);
  const q = (p: number) => quantile(times, p);
  const total = times.length + errors + timeouts;
  return { label, rps: total / seconds, p50: q(50), p95: q(95), p99: q(99), max: times[times.length - 1] ?? NaN, total, non2xx, errors, timeouts, cpu: c, machine };
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const pad = (s: string, n: number) => s.padEnd(n);

async function main(): Promise<void> {
  requireBuild();
  const started = Date.now();
  console.log(`bench:api — logs in ${LOG_DIR}`);
  const db = await createDatabase('am_bench_api', undefined, process.env.BENCH_KEEP_DB === '1');
  const prefix = redisPrefix('api');
  const stack = { databaseUrl: db.url, redisUrl: SHARED_REDIS, redisPrefix: prefix };
  const api = await startApi('api', stack, 'api', { API_PROCESSES: String(PROCESSES) });
  const pool = new Pool({ connectionString: db.url, max: 4 });
  onCleanup(() => pool.end());
  await waitForSchema(pool);
  const t = Date.now();
  const { advisors } = await seedFirms(pool, { firms: FIRMS, advisorsPerFirm: ADVISORS / FIRMS, meetings: MEETINGS, reviewItems: REVIEW_ITEMS });
  const counts = (await pool.query(`SELECT (SELECT count(*) FROM firm) f, (SELECT count(*) FROM firm_member WHERE role='advisor') a, (SELECT count(*) FROM client_meeting) m, (SELECT count(*) FROM review_item) r,
      (SELECT max(c) FROM (SELECT count(*) c FROM client_meeting GROUP BY advisor_id) x) maxper, (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c) FROM (SELECT count(*) c FROM client_meeting GROUP BY advisor_id) x) medper`)).rows[0];
  console.log(`seeded in ${Date.now() - t} ms: ${counts.f} firms, ${counts.a} advisors, ${counts.m} meetings (median ${counts.medper}/advisor, busiest ${counts.maxper}), ${counts.r} posts under review`);
  const meetingOf = new Map<string, string>((await pool.query(`SELECT DISTINCT ON (advisor_id) advisor_id, id FROM client_meeting WHERE starts_at < now() ORDER BY advisor_id, starts_at DESC`)).rows.map((r) => [r.advisor_id, r.id]));
  const users = advisors.map((a) => ({ ...a, meetingId: meetingOf.get(a.userId) ?? '00000000-0000-4000-8000-000000000000', token: mintAccessToken({ sub: a.userId, fid: a.firmId, role: a.role }, 3 * 3600) }));

  // Bare Nest app: its own process, same platform-express.
  const barePort = await freePort();
  const bare = startProc('bare-nest', process.execPath, ['--import', 'tsx', join(ROOT, 'bench/bare-nest/main.ts')], { PORT: String(barePort), NODE_ENV: 'production', BARE_PROCESSES: String(PROCESSES) });
  await waitHttp(`http://127.0.0.1:${barePort}/bare`, 30_000, bare);

  // Sanity: each endpoint answers 200 for a seeded advisor.
  for (const e of endpointsFor(users[0])) {
    const r = await fetch(api.url + e.path, { headers: { authorization: `Bearer ${users[0].token}` } });
    const body = (await r.json()) as { data?: { items?: unknown[] } | unknown[] };
    const n = Array.isArray(body.data) ? body.data.length : Array.isArray((body.data as { items?: unknown[] })?.items) ? (body.data as { items: unknown[] }).items.length : 1;
    console.log(`  check ${pad(e.name, 20)} HTTP ${r.status}, ${n} item(s)`);
    if (r.status !== 200) throw new Error(`${e.path} answered ${r.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  const self = { name: 'bench (load generator)', pid: process.pid };
  // the API and the bare app may be cluster primaries: count their HTTP processes too
  const apiT = { name: 'api', pids: () => withChildren(api.proc.pid) };
  // The API's pool opens and closes connections between runs: refresh the backend pids in the background.
  let backendPids: number[] = [];
  const refreshBackends = async () => {
    backendPids = (await pool.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows.map((r) => Number(r.pid));
  };
  await refreshBackends();
  const refresher = setInterval(() => void refreshBackends().catch(() => undefined), 1000);
  onCleanup(async () => clearInterval(refresher));
  const backends = async () => ({ name: 'postgres (this db)', pids: () => backendPids });
  const redisPid = pidOfListener(Number(new URL(SHARED_REDIS).port || 6379));
  const redisT = redisPid ? [{ name: 'redis (shared)', pid: redisPid }] : [];
  const bareT = { name: 'bare-nest', pids: () => withChildren(bare.pid) };

  // Warm-up (JIT, pools).
  await cannon('warm-up', api.url, { connections: 50, duration: 5, perClient: (i) => requestsFor(users.slice((i * 20) % ADVISORS, (i * 20) % ADVISORS + 20), i) }, [apiT]);
  await cannon('warm-up', `http://127.0.0.1:${barePort}`, { connections: 50, duration: 3, path: '/bare' }, [bareT]);

  // (a) design load.
  console.log(`\n(a) design load: 1,000 open connections (one advisor each), a request every ~5 s each (~200 req/s), ${DESIGN_SECONDS} s; API and bare app with ${PROCESSES} HTTP process(es) …`);
  const design = await openLoad('design: 1,000 open conns, ~200 req/s', api.url, users.map((u, i) => requestsFor([u], i)), DESIGN_SECONDS, [apiT, await backends(), ...redisT, self]);
  console.log(`    p50 ${f(design.p50)} / p95 ${f(design.p95)} / p99 ${f(design.p99)} ms at ${f(design.rps, 0)} req/s; now the same rate through autocannon …`);
  const designCannon = await cannon('design via autocannon (bursts)', api.url, { connections: ADVISORS, duration: DESIGN_SECONDS, overallRate: 200, perClient: (i) => requestsFor([users[i % users.length]], i) }, [apiT, await backends(), ...redisT, self]);

  if (process.env.BENCH_ONLY_DESIGN === '1') {
    console.log(JSON.stringify({ design, designCannon }));
    return;
  }
  // (b) saturation, side by side.
  const per = Math.ceil(ADVISORS / SAT_CONNECTIONS);
  const satClient = (only?: string) => (i: number) => requestsFor(users.slice((i * per) % ADVISORS, ((i * per) % ADVISORS) + per), i, only);
  console.log(`(b) saturation: ${SAT_CONNECTIONS} connections (${per} advisors each), ${SAT_SECONDS} s per run …`);
  const sat: Run[] = [];
  sat.push(await cannon('bare Nest route', `http://127.0.0.1:${barePort}`, { connections: SAT_CONNECTIONS, duration: SAT_SECONDS, path: '/bare' }, [bareT, self]));
  sat.push(await cannon('API mix (4 endpoints)', api.url, { connections: SAT_CONNECTIONS, duration: SAT_SECONDS, perClient: satClient() }, [apiT, await backends(), ...redisT, self]));
  // the cost ladder: the API's middleware alone (no auth, no database), then each endpoint
  sat.push(await cannon('API /health/live (middleware only)', api.url, { connections: SAT_CONNECTIONS, duration: Math.max(5, Math.round(SAT_SECONDS / 2)), path: '/health/live' }, [apiT, self]));
  for (const e of endpointsFor(users[0])) sat.push(await cannon(`API ${e.name}`, api.url, { connections: SAT_CONNECTIONS, duration: Math.max(5, Math.round(SAT_SECONDS / 2)), perClient: satClient(e.name) }, [apiT, await backends(), ...redisT, self]));
  sat.push(await cannon('bare Nest route (again)', `http://127.0.0.1:${barePort}`, { connections: SAT_CONNECTIONS, duration: Math.max(5, Math.round(SAT_SECONDS / 2)), path: '/bare' }, [bareT, self]));

  const bareRps = (sat[0].rps + sat[sat.length - 1].rps) / 2;
  const serverMs = (r: Run) => {
    const server = (r.cpu.api?.mean ?? r.cpu['bare-nest']?.mean ?? 0) + (r.cpu['postgres (this db)']?.mean ?? 0);
    return r.rps > 0 ? (server / 100) * 1000 / r.rps : NaN;
  };
  const line = (r: Run, extra = '') =>
    `| ${pad(r.label, 34)} | ${pad(f(r.rps, 0), 7)} | ${pad(f(r.p50, 1), 6)} | ${pad(f(r.p95, 1), 6)} | ${pad(f(r.p99, 1), 6)} | ${pad(f(r.max, 0), 6)} | ${pad(String(r.total), 7)} | ${pad(String(r.non2xx), 5)} | ${pad(String(r.errors + r.timeouts), 6)} | ${pad(Object.entries(r.cpu).map(([k, v]) => `${k} ${f(v.mean, 0)}%`).join(', '), 40)} | ${pad(f(r.machine, 0) + '%', 5)} | ${pad(f(serverMs(r), 2), 6)} |${extra}`;
  console.log('\nAll latencies in ms; CPU 100% = one core; machine % = all cores busy.');
  console.log('CPU-ms/req = (server process + its Postgres backends) CPU time per request: a cost that does not depend on what else runs on the machine.');
  console.log('| run                                | req/s   | p50    | p95    | p99    | max    | total   | non2xx| errors | process CPU (mean)                       | mach. | CPU-ms/req |');
  console.log('|' + '-'.repeat(36) + '|---------|--------|--------|--------|--------|---------|-------|--------|' + '-'.repeat(42) + '|-------|--------|');
  console.log(line(design));
  console.log(line(designCannon));
  for (const r of sat) console.log(line(r));
  const mix = sat[1];
  console.log(`\nTargets`);
  console.log(`  design load p95 ${f(design.p95)} ms — target < 100 ms: ${design.p95 < 100 ? 'MET' : 'NOT MET'} (p50 ${f(design.p50)} ms, p99 ${f(design.p99)} ms, ${design.non2xx} non-2xx, ${design.errors} errors, ${design.timeouts} timeouts, achieved ${f(design.rps, 0)} req/s)`);
  console.log(`  autocannon at overallRate 200 (200 connections firing together each second): p95 ${f(designCannon.p95)} ms — ${designCannon.p95 < 100 ? 'under' : 'over'} 100 ms (p50 ${f(designCannon.p50)}, p99 ${f(designCannon.p99)}, ${designCannon.non2xx} non-2xx, ${designCannon.errors} errors)`);
  console.log(`  saturation: API mix ${f(mix.rps, 0)} req/s vs bare Nest ${f(bareRps, 0)} req/s = ${f((mix.rps / bareRps) * 100, 1)}% — target ≥ 50%: ${mix.rps / bareRps >= 0.5 ? 'MET' : 'NOT MET'}`);
  for (const r of sat.slice(2, -1)) console.log(`    ${pad(r.label, 28)} ${f(r.rps, 0)} req/s = ${f((r.rps / bareRps) * 100, 1)}% of bare`);
  const bareMs = (serverMs(sat[0]) + serverMs(sat[sat.length - 1])) / 2;
  console.log(`  CPU cost per request: API mix ${f(serverMs(mix), 2)} ms (API process + Postgres) vs bare ${f(bareMs, 3)} ms → on an otherwise idle 2-core machine the mix could not exceed ~${f(2000 / serverMs(mix), 0)} req/s (bare ~${f(2000 / bareMs, 0)}).`);
  console.log(`  load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (other work on this machine competes for the same 2 cores)`);
  console.log(`\ntotal bench time ${f((Date.now() - started) / 1000, 0)} s`);
  await stopProc(bare);
}

if (require.main === module)
  main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (e) => {
    console.error(e);
    await cleanup();
    process.exit(1);
  });
