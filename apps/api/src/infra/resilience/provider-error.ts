export type ProviderName = 'google' | 'recall' | 'openai' | 'linkedin' | 'facebook';

/**
 * How a failed provider call should be treated. Adapters classify; the wrapper and the jobs act:
 * retryable → back off and retry (counts toward the breaker); rate_limited → wait (Retry-After);
 * auth_expired → refresh or ask the user to re-connect; permanent → our request is wrong, do not retry.
 */
export type FailureKind = 'retryable' | 'rate_limited' | 'auth_expired' | 'permanent';

export class ProviderError extends Error {
  constructor(
    readonly provider: ProviderName,
    readonly kind: FailureKind,
    message: string,
    readonly details: { status?: number; code?: string; retryAfterMs?: number; breakerOpen?: boolean } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  get retryAfterMs(): number | undefined {
    return this.details.retryAfterMs;
  }
}

/** Parses Retry-After (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
