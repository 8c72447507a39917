import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { declaredQueues } from '../src/infra/queue/queue.constants';

export interface DrainOptions {
  /** Queue names (default: every declared queue). */
  queues?: string[];
  /** Run delayed jobs now (retries, deferred creations) instead of waiting for their time; repeatable jobs are left alone. */
  promoteDelayed?: boolean;
  timeoutMs?: number;
}

function queuesOf(app: INestApplicationContext, names: string[]): Queue[] {
  return names.map((n) => app.get<Queue>(getQueueToken(n), { strict: false }));
}

async function promotable(q: Queue): Promise<Job[]> {
  return (await q.getDelayed()).filter((j) => !j.repeatJobKey);
}

/**
 * Waits until the app's workers have nothing waiting or running (three quiet checks in a row), so
 * tests drive queues without sleeping for a guessed time. The workers are the app's own (API_ROLE=all).
 */
export async function drainQueues(app: INestApplicationContext, opts: DrainOptions = {}): Promise<void> {
  const queues = queuesOf(app, opts.queues ?? declaredQueues());
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  let quiet = 0;
  while (Date.now() < deadline) {
    let busy = 0;
    for (const q of queues) {
      if (opts.promoteDelayed) for (const j of await promotable(q)) await j.promote().catch(() => undefined);
      const c = await q.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      busy += (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0);
      if (opts.promoteDelayed) busy += (await promotable(q)).length;
    }
    quiet = busy === 0 ? quiet + 1 : 0;
    if (quiet >= 3) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  const counts = await Promise.all(queues.map(async (q) => [q.name, await q.getJobCounts()] as const));
  throw new Error(`queues did not drain: ${JSON.stringify(counts)}`);
}

/** Delayed (retrying or deferred) jobs of one queue, repeatable ones excluded. */
export async function delayedJobs(app: INestApplicationContext, queue: string): Promise<Job[]> {
  return promotable(queuesOf(app, [queue])[0]);
}

/** Failed jobs of one queue (attempts exhausted or not retryable). */
export async function failedJobs(app: INestApplicationContext, queue: string): Promise<Job[]> {
  return queuesOf(app, [queue])[0].getFailed();
}
