import { backoffDelay } from './backoff';
import { parseRetryAfter, ProviderError } from './provider-error';
import { ResilienceService } from './resilience.service';

describe('ResilienceService', () => {
  const make = () => new ResilienceService({ recall: { breakerFailures: 3, breakerResetMs: 200, retries: 0, timeoutMs: 100 } });

  it('opens the breaker after 3 retryable failures and stops calling', async () => {
    const r = make();
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new ProviderError('recall', 'retryable', '503');
    };
    for (let i = 0; i < 3; i++) await expect(r.call('recall', failing, { operation: 'bot.create' })).rejects.toThrow('503');
    expect(r.state('recall')).toBe('open');
    await expect(r.call('recall', failing, { operation: 'bot.create' })).rejects.toMatchObject({ details: { breakerOpen: true } });
    expect(calls).toBe(3);
    await new Promise((res) => setTimeout(res, 250));
    await expect(r.call('recall', async () => 'ok', { operation: 'bot.create' })).resolves.toBe('ok');
    expect(r.state('recall')).toBe('closed');
    r.onModuleDestroy();
  });

  it('does not count our own bad requests toward the breaker', async () => {
    const r = make();
    for (let i = 0; i < 6; i++)
      await expect(
        r.call('recall', async () => {
          throw new ProviderError('recall', 'permanent', '400 bad meeting url');
        }, { operation: 'bot.create' }),
      ).rejects.toThrow('400');
    expect(r.state('recall')).toBe('closed');
    r.onModuleDestroy();
  });

  it('times out a call that hangs and aborts its signal', async () => {
    const r = make();
    let aborted = false;
    await expect(
      r.call('recall', (signal) => new Promise(() => signal.addEventListener('abort', () => (aborted = true))), { operation: 'slow' }),
    ).rejects.toThrow(/did not answer within 100 ms/);
    expect(aborted).toBe(true);
    r.onModuleDestroy();
  });

  it('retries retryable failures when asked', async () => {
    const r = new ResilienceService({ google: { retries: 2, retryMinMs: 1, retryMaxMs: 2 } });
    let n = 0;
    const result = await r.call('google', async () => {
      if (++n < 3) throw new ProviderError('google', 'retryable', 'backendError');
      return n;
    }, { operation: 'events.list' });
    expect(result).toBe(3);
    r.onModuleDestroy();
  });
});

describe('backoffDelay', () => {
  it('doubles from 1 s to a 300 s cap with ±25% jitter', () => {
    expect(backoffDelay(1, { random: () => 0.5 })).toBe(1000);
    expect(backoffDelay(4, { random: () => 0.5 })).toBe(8000);
    expect(backoffDelay(30, { random: () => 0.5 })).toBe(300_000);
    expect(backoffDelay(2, { random: () => 0 })).toBe(1500);
    expect(backoffDelay(2, { random: () => 1 })).toBe(2500);
  });
  it('parses Retry-After in seconds and as a date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
