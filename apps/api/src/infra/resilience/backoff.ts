/** Exponential backoff from `minMs` doubling to `maxMs`, with ±`jitter` (fraction) spread. */
export function backoffDelay(attempt: number, opts: { minMs?: number; maxMs?: number; jitter?: number; random?: () => number } = {}): number {
  const { minMs = 1000, maxMs = 300_000, jitter = 0.25, random = Math.random } = opts;
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
  const spread = base * jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(base + spread));
}
