/** The fault scenarios. Each injects one fault mid-run; scripts/fault/harness.ts measures the outcome. */
import { sleep, stopProc } from '../../bench/lib/proc';
import type { Scenario } from './harness';

async function putFaults(sandboxUrl: string, rules: object): Promise<void> {
  const r = await fetch(`${sandboxUrl}/__admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rules) });
  if (!r.ok) throw new Error(`PUT /__admin/faults → ${r.status}: ${await r.text()}`);
}

async function faultStats(sandboxUrl: string): Promise<string> {
  const r = await fetch(`${sandboxUrl}/__admin/faults`);
  return (await r.text()).slice(0, 400);
}

export const workerKill: Scenario = {
  name: 'worker-sigkill',
  fault: 'SIGKILL one of 2 workers mid-pipeline; a supervisor restarts it 5 s later',
  async inject(ctx) {
    const victim = ctx.workers[0];
    process.kill(victim.pid, 'SIGKILL');
    await victim.exited;
    ctx.notes.push(`killed worker pid ${victim.pid} with SIGKILL`);
    await sleep(5000);
    ctx.workers[0] = await ctx.startWorker('worker-restarted');
  },
};

export const workerKillNoRestart: Scenario = {
  name: 'worker-sigkill-norestart',
  fault: 'SIGKILL one of 2 workers mid-pipeline; it stays dead (the survivor must take over)',
  async inject(ctx) {
    const victim = ctx.workers[0];
    process.kill(victim.pid, 'SIGKILL');
    await victim.exited;
    ctx.workers.splice(0, 1);
  },
};

export const redisRestart: Scenario = {
  name: 'redis-restart',
  fault: 'Redis (appendonly everysec) stopped, down 5 s, restarted on the same port',
  redisAppendOnly: true,
  async inject(ctx) {
    await ctx.redis.kill('SIGTERM');
    await sleep(5000);
    await ctx.redis.startProcess({ appendonly: true });
  },
};

export const redisCrash: Scenario = {
  name: 'redis-sigkill',
  fault: 'Redis (appendonly everysec) SIGKILLed, down 5 s, restarted on the same port',
  redisAppendOnly: true,
  async inject(ctx) {
    await ctx.redis.kill('SIGKILL');
    await sleep(5000);
    await ctx.redis.startProcess({ appendonly: true });
  },
};

export const postgresRestart: Scenario = {
  name: 'postgres-restart',
  fault: 'private Postgres stopped (fast shutdown), down 5 s, restarted',
  privatePostgres: true,
  async inject(ctx) {
    await ctx.pg!.stop();
    await sleep(5000);
    await ctx.pg!.start();
  },
};

export const openAi503Storm: Scenario = {
  name: 'openai-503-storm',
  fault: 'sandbox OpenAI answers 503 to 60% of calls for 20 s',
  async inject(ctx) {
    await putFaults(ctx.sandboxUrl, { openai: { errorRate: 0.6, status: 503, id: 'storm' } });
    await sleep(20_000);
    ctx.notes.push(`fault counters: ${await faultStats(ctx.sandboxUrl)}`);
    await fetch(`${ctx.sandboxUrl}/__admin/faults`, { method: 'DELETE' });
  },
};

export const openAi429Storm: Scenario = {
  name: 'openai-429-storm',
  fault: 'sandbox OpenAI answers 429 (Retry-After 2 s) to 60% of calls for 20 s',
  async inject(ctx) {
    await putFaults(ctx.sandboxUrl, { openai: { errorRate: 0.6, kind: 'rate_limit', retryAfter: 2, id: 'storm429' } });
    await sleep(20_000);
    ctx.notes.push(`fault counters: ${await faultStats(ctx.sandboxUrl)}`);
    await fetch(`${ctx.sandboxUrl}/__admin/faults`, { method: 'DELETE' });
  },
};

export const all: Scenario[] = [workerKill, redisRestart, postgresRestart, openAi503Storm, openAi429Storm];
export const byName: Record<string, Scenario> = Object.fromEntries([workerKill, workerKillNoRestart, redisRestart, redisCrash, postgresRestart, openAi503Storm, openAi429Storm].map((s) => [s.name, s]));
void stopProc;
