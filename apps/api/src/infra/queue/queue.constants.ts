import type { BackoffStrategy } from 'bullmq';
import { backoffDelay } from '../resilience/backoff';

/** Every queue the app declares, for health checks, metrics and the dashboard. */
const queueNames = new Set<string>();
export function declareQueue(name: string): string {
  queueNames.add(name);
  return name;
}
export function declaredQueues(): string[] {
  return [...queueNames];
}

/** architecture.md: exponential backoff from 1 s to 300 s, ±25% jitter; a Retry-After from the provider wins. */
export const jitteredBackoff: BackoffStrategy = (attemptsMade, _type, err) => {
  const retryAfter = (err as { retryAfterMs?: number } | undefined)?.retryAfterMs;
  if (typeof retryAfter === 'number' && retryAfter > 0) return Math.min(retryAfter, 3_600_000);
  return backoffDelay(attemptsMade, { minMs: 1000, maxMs: 300_000, jitter: 0.25 });
};

/** Options every @Processor uses: workers start only in worker roles (see WorkerLauncher). */
export const WORKER_OPTIONS = { autorun: false, settings: { backoffStrategy: jitteredBackoff } } as const;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: 'custom' },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: false,
} as const;
