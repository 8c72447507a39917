import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { backoffDelay } from './backoff';
import { ProviderError, ProviderName } from './provider-error';
import { DEFAULT_POLICIES, ProviderPolicy } from './resilience.policies';

export const RESILIENCE_OVERRIDES = Symbol('RESILIENCE_OVERRIDES');

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface CallOptions {
  /** A short label for logs and metrics: `calendar.events.list`. */
  operation: string;
  /** Retry retryable failures inside the call; only for idempotent requests. Defaults to the policy. */
  retries?: number;
}

type Action = (signal: AbortSignal) => Promise<unknown>;

export interface CallObserver {
  (event: { provider: ProviderName; operation: string; ms: number; outcome: 'ok' | 'error' | 'rejected'; kind?: string }): void;
}

/**
 * The one way to call an external provider: opossum breaker + timeout + in-call retries with
 * jittered backoff. Only retryable failures count toward the breaker, so our own bad request
 * never opens it. Rate limits per provider and key live in RateLimitService; long waits are the
 * job queue's business, not this wrapper's.
 */
@Injectable()
export class ResilienceService implements OnModuleDestroy {
  private readonly logger = new Logger('Resilience');
  private readonly breakers = new Map<ProviderName, CircuitBreaker<[Action], unknown>>();
  private readonly observers: CallObserver[] = [];

  constructor(@Inject(RESILIENCE_OVERRIDES) private readonly overrides: Partial<Record<ProviderName, Partial<ProviderPolicy>>>) {}

  policy(provider: ProviderName): ProviderPolicy {
    return { ...DEFAULT_POLICIES[provider], ...(this.overrides[provider] ?? {}) };
  }

  observe(observer: CallObserver): void {
    this.observers.push(observer);
  }

  async call<T>(provider: ProviderName, action: (signal: AbortSignal) => Promise<T>, opts: CallOptions): Promise<T> {
    const policy = this.policy(provider);
    const retries = opts.retries ?? policy.retries;
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      try {
        const result = (await this.breaker(provider).fire(action as Action)) as T;
        this.emit({ provider, operation: opts.operation, ms: Date.now() - started, outcome: 'ok' });
        return result;
      } catch (err) {
        const error = this.normalise(provider, err);
        this.emit({ provider, operation: opts.operation, ms: Date.now() - started, outcome: error.details.breakerOpen ? 'rejected' : 'error', kind: error.kind });
        if (error.kind !== 'retryable' || error.details.breakerOpen || attempt > retries) throw error;
        await new Promise((r) => setTimeout(r, backoffDelay(attempt, { minMs: policy.retryMinMs, maxMs: policy.retryMaxMs })));
      }
    }
  }

  state(provider: ProviderName): BreakerState {
    const b = this.breakers.get(provider);
    if (!b) return 'closed';
    return b.opened ? 'open' : b.halfOpen ? 'half_open' : 'closed';
  }

  states(): Record<ProviderName, BreakerState> {
    const out = {} as Record<ProviderName, BreakerState>;
    for (const p of Object.keys(DEFAULT_POLICIES) as ProviderName[]) out[p] = this.state(p);
    return out;
  }

  /** Closes a provider's breaker (admin action or tests). */
  reset(provider: ProviderName): void {
    this.breakers.get(provider)?.close();
  }

  onModuleDestroy(): void {
    for (const b of this.breakers.values()) b.shutdown();
  }

  private breaker(provider: ProviderName): CircuitBreaker<[Action], unknown> {
    let breaker = this.breakers.get(provider);
    if (breaker) return breaker;
    const policy = this.policy(provider);
    breaker = new CircuitBreaker<[Action], unknown>(
      async (action: Action) => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new ProviderError(provider, 'retryable', `${provider} did not answer within ${policy.timeoutMs} ms`)), policy.timeoutMs);
        try {
          return await Promise.race([
            action(controller.signal),
            new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true })),
          ]);
        } finally {
          clearTimeout(timer);
        }
      },
      {
        name: provider,
        timeout: false,
        resetTimeout: policy.breakerResetMs,
        rollingCountTimeout: policy.rollingWindowMs,
        rollingCountBuckets: 10,
        volumeThreshold: policy.breakerFailures,
        errorThresholdPercentage: 50,
        // Only provider-side trouble counts; our own bad requests, auth and rate limits do not.
        errorFilter: (err: unknown) => err instanceof ProviderError && err.kind !== 'retryable',
      },
    );
    breaker.on('open', () => this.logger.warn({ provider }, 'circuit opened'));
    breaker.on('halfOpen', () => this.logger.log({ provider }, 'circuit half-open: probing'));
    breaker.on('close', () => this.logger.log({ provider }, 'circuit closed'));
    this.breakers.set(provider, breaker);
    return breaker;
  }

  private normalise(provider: ProviderName, err: unknown): ProviderError {
    if (err instanceof ProviderError) return err;
    const e = err as { code?: string; message?: string };
    if (e?.code === 'EOPENBREAKER') {
      return new ProviderError(provider, 'retryable', `${provider} is unavailable (circuit open); the work will resume when it recovers`, { breakerOpen: true, retryAfterMs: this.policy(provider).breakerResetMs });
    }
    return new ProviderError(provider, 'retryable', `${provider} call failed: ${e?.message ?? String(err)}`);
  }

  private emit(event: Parameters<CallObserver>[0]): void {
    for (const o of this.observers) o(event);
  }
}
