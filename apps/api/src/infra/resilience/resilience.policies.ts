import { ProviderName } from './provider-error';

export interface ProviderPolicy {
  /** Per-call timeout. */
  timeoutMs: number;
  /** Failures (in the rolling window) that open the breaker. */
  breakerFailures: number;
  /** How long the breaker stays open before a half-open probe. */
  breakerResetMs: number;
  /** Rolling window in which failures are counted. */
  rollingWindowMs: number;
  /** In-call retries for retryable failures (idempotent calls only). */
  retries: number;
  retryMinMs: number;
  retryMaxMs: number;
  /** Outbound rate limit across all processes, when the provider or the design sets one. */
  rateLimit?: { points: number; durationSec: number };
}

/** The numbers of architecture.md. Overridable per provider through RESILIENCE_OVERRIDES (JSON). */
export const DEFAULT_POLICIES: Record<ProviderName, ProviderPolicy> = {
  google: { timeoutMs: 10_000, breakerFailures: 5, breakerResetMs: 60_000, rollingWindowMs: 60_000, retries: 2, retryMinMs: 500, retryMaxMs: 4_000 },
  recall: { timeoutMs: 15_000, breakerFailures: 3, breakerResetMs: 120_000, rollingWindowMs: 120_000, retries: 1, retryMinMs: 1_000, retryMaxMs: 4_000 },
  openai: {
    timeoutMs: 60_000,
    breakerFailures: 5,
    breakerResetMs: 30_000,
    rollingWindowMs: 60_000,
    retries: 0,
    retryMinMs: 1_000,
    retryMaxMs: 8_000,
  },
  linkedin: { timeoutMs: 15_000, breakerFailures: 5, breakerResetMs: 60_000, rollingWindowMs: 60_000, retries: 0, retryMinMs: 1_000, retryMaxMs: 8_000 },
  facebook: { timeoutMs: 15_000, breakerFailures: 5, breakerResetMs: 60_000, rollingWindowMs: 60_000, retries: 0, retryMinMs: 1_000, retryMaxMs: 8_000 },
};
