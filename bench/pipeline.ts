/**
 * npm run bench:pipeline — 1,000 meetings from transcript-ready to validated drafts, with 1 and
 * with 2 worker processes (API_ROLE=worker), against the sandbox's OpenAI with no injected latency.
 *
 * Each run: a fresh Redis key prefix (so no LLM cache or rate-limit state carries over), fresh
 * firms/advisors/meetings (500 firms × 2 advisors, one meeting each: at most 2 meetings per firm, so
 * the design's 10 LLM calls/min/firm limit — left at its default — never delays a job), a 20-meeting
 * warm-up, then 1,000 `generate-drafts` jobs enqueued at once, as the transcript.ready listener
 * does. Done = generation run done, summary + email + posts stored, every post submitted to
 * compliance (post_submission). CPU of every process is sampled from /proc every 500 ms.
 * Env: BENCH_MEETINGS (1000), BENCH_WORKERS ("1,2"), BENCH_KEEP_DB=1.
 */
import { Pool } from 'pg';
import { cleanup, LOG_DIR, machineCpu, onCleanup, sampleCpu, stopProc } from './lib/proc';
import { createDatabase, requireBuild, startApi, startSandbox, waitForSchema } from './lib/stack';
import { PrivateRedis } from './lib/redis';
import { contentQueue, enqueueDrafts, PipelineCounts, seedPipelineSet, waitForPipeline, waitForWorkers } from './lib/pipeline';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 1000);
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const WARMUP = 20;

interface Result {
  workers: number;
  seconds: number;
  perSecond: number;
  counts: PipelineCounts;
  cpu: Record<string, { mean: number; p90: number; max: number }>;
  machine: number;
  llmCalls: number;
  load: string;
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

async function main(): Promise<void> {
  requireBuild();
  const started = Date.now();
  console.log(`bench:pipeline — ${MEETINGS} meetings, workers ${WORKER_COUNTS.join(' and ')}; logs in ${LOG_DIR}`);
  const redis = await PrivateRedis.start();
  onCleanup(() => redis.stop());
  const db = await createDatabase('am_bench_pipe', undefined, process.env.BENCH_KEEP_DB === '1');
  const pool = new Pool({ connectionString: db.url, max: 3 });
  onCleanup(() => pool.end());
  const sandbox = await startSandbox('sandbox');
  const results: Result[] = [];

  for (const n of WORKER_COUNTS) {
    const prefix = `ambench-pipe-w${n}-${randomBytes(3).toString('hex')}`;
    const stack = { databaseUrl: db.url, redisUrl: redis.url, redisPrefix: prefix, sandboxUrl: sandbox.url };
    const workers = [];
    for (let i = 0; i < n; i++) {
      workers.push(await startApi(`worker${n}-${i + 1}`, stack, 'worker', { DATABASE_MIGRATIONS_RUN: i === 0 ? 'true' : 'false' }));
      if (i === 0) await waitForSchema(pool);
    }
    const queue = contentQueue(redis.url, prefix);
    queue.on('error', () => undefined);
    await waitForWorkers(queue, n);
    const warm = await seedPipelineSet(pool, { firms: WARMUP, advisorsPerFirm: 1, tag: `w${n}warm` });
    const set = await seedPipelineSet(pool, { firms: Math.ceil(MEETINGS / 2), advisorsPerFirm: 2, tag: `w${n}` });
    set.meetingIds = set.meetingIds.slice(0, MEETINGS);
    await enqueueDrafts(queue, warm.meetingIds);
    const w = await waitForPipeline(pool, warm.meetingIds, { timeoutMs: 120_000, stallMs: 60_000 });
    console.log(`\n${n} worker(s): warm-up ${w.completed}/${WARMUP} done`);

    const backends = (await pool.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows.map((r) => Number(r.pid));
    const cpu = sampleCpu([
      ...workers.map((wk, i) => ({ name: `worker ${i + 1}`, pid: wk.proc.pid })),
      { name: 'sandbox', pid: sandbox.proc.pid },
      { name: 'redis', pid: redis.proc!.pid },
      { name: `postgres (${backends.length} backends)`, pids: backends },
      { name: 'bench', pid: process.pid },
    ]);
    const mc = machineCpu();
    const t0 = Date.now();
    await enqueueDrafts(queue, set.meetingIds);
    let lastPrint = 0;
    const counts = await waitForPipeline(pool, set.meetingIds, {
      timeoutMs: 300_000,
      stallMs: 90_000,
      everyMs: 500,
      onTick: (c, ms) => {
        if (ms - lastPrint >= 10_000) {
          lastPrint = ms;
          console.log(`  ${f(ms / 1000, 0)} s: ${c.completed}/${c.submitted} completed`);
        }
      },
    });
    const end = counts.lastFinishedAt ? Math.max(counts.lastFinishedAt.getTime(), t0 + 1) : Date.now();
    const machine = mc();
    const c = cpu.stop();
    const seconds = (end - t0) / 1000;
    const llmCalls = Number((await pool.query(`SELECT coalesce(sum(attempts), 0) AS n FROM generation_run WHERE meeting_id = ANY($1::uuid[])`, [set.meetingIds])).rows[0].n);
    const r: Result = { workers: n, seconds, perSecond: counts.completed / seconds, counts, cpu: c, machine, llmCalls, load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') };
    results.push(r);
    console.log(`  ${counts.completed}/${counts.submitted} completed in ${f(seconds)} s → ${f(r.perSecond, 2)} meetings/s; modes ${JSON.stringify(counts.modes)}; LLM calls ${llmCalls}; duplicated ${counts.duplicated}; load avg ${r.load}`);
    await queue.close();
    await (queue.opts.connection as unknown as { disconnect(): void }).disconnect?.();
    for (const wk of workers) await stopProc(wk.proc);
  }

  console.log('\nPipeline: transcript-ready → validated drafts (CPU: 100% = one core; the machine has 2 cores = 200%)');
  console.log('| workers | meetings | completed | lost | dup | seconds | meetings/s | LLM calls | CPU mean (p90) per process | ours total | machine busy | others (not ours) | CPU-ms per meeting | ceiling on 2 idle cores | load avg |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const cpu = Object.entries(r.cpu).map(([k, v]) => `${k} ${f(v.mean, 0)}% (${f(v.p90, 0)}%)`).join('; ');
    const ours = Object.values(r.cpu).reduce((a, v) => a + v.mean, 0);
    const machine = (r.machine / 100) * 200;
    const cpuMsPerMeeting = ((ours / 100) * r.seconds * 1000) / Math.max(1, r.counts.completed);
    console.log(`| ${r.workers} | ${r.counts.submitted} | ${r.counts.completed} | ${r.counts.submitted - r.counts.completed} | ${r.counts.duplicated} | ${f(r.seconds)} | ${f(r.perSecond, 2)} | ${r.llmCalls} | ${cpu} | ${f(ours, 0)}% | ${f(machine, 0)}% | ${f(Math.max(0, machine - ours), 0)}% | ${f(cpuMsPerMeeting, 0)} | ${f(2000 / cpuMsPerMeeting, 1)} meetings/s | ${r.load} |`);
  }
  console.log('(ceiling = 2,000 CPU-ms per second ÷ CPU-ms one meeting costs across all our processes: what 2 cores would give if nothing else ran)');
  const one = results.find((r) => r.workers === 1);
  const two = results.find((r) => r.workers === 2);
  if (one && two) {
    const ratio = two.perSecond / one.perSecond;
    console.log(`\nScaling: 2 workers = ${f(ratio, 2)}× one (target ≥ 1.5×): ${ratio >= 1.5 ? 'MET' : 'NOT MET'}`);
    if (ratio < 1.5) {
      const hot = Object.entries(two.cpu).filter(([k]) => k !== 'bench').sort((a, b) => b[1].mean - a[1].mean);
      const ours2 = Object.values(two.cpu).reduce((a, v) => a + v.mean, 0);
      console.log(`  With 2 workers the machine was ${f(two.machine, 0)}% busy (all cores); our processes used ${f(ours2, 0)}% of the 200%, the rest went to other processes on the machine.`);
      console.log(`  Per process (mean CPU, 100% = one core): ${hot.map(([k, v]) => `${k} ${f(v.mean, 0)}%`).join(', ')}.`);
      const sat = hot.filter(([, v]) => v.mean >= 85);
      if (sat.length) console.log(`  Saturated (≥ 85% of a core, i.e. its event loop is the bottleneck): ${sat.map(([k]) => k).join(', ')}.`);
      if (two.machine >= 85) console.log(`  The 2 cores are saturated as a whole: worker processes, sandbox, Postgres and Redis share them, so a second worker can only take CPU from the others.`);
    }
  }
  console.log(`\ntotal bench time ${f((Date.now() - started) / 1000, 0)} s`);
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (e) => {
    console.error(e);
    await cleanup();
    process.exit(1);
  });
