import request from 'supertest';
import { signIn, Stack, startStack } from './stack';
import { startTestApp } from './utils';

describe('abuse limits (Redis-backed throttling)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ THROTTLE_PER_MINUTE: '5' });
  });
  afterAll(async () => stack?.close());

  it('answers 429 in the envelope with Retry-After once a user passes the limit', async () => {
    const ann = await signIn(stack, 'ann.lee@leewealth.example');
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await request(stack.api.url).get('/api/me').set('authorization', `Bearer ${ann.accessToken}`);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(limited).toBeDefined();
    expect(limited!.body).toMatchObject({ success: false, error: { code: 'RATE_LIMITED' } });
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps the count in Redis, so a second API instance sees the same limit', async () => {
    const marcus = await signIn(stack, 'marcus.chen@leewealth.example');
    // Another API instance (its own database, the same Redis): the limit is shared, not per process.
    const other = await startTestApp({ THROTTLE_PER_MINUTE: '5', REDIS_PREFIX: stack.api.config.redis.prefix });
    try {
      for (let i = 0; i < 3; i++) await request(stack.api.url).get('/api/me').set('authorization', `Bearer ${marcus.accessToken}`);
      let last = 0;
      for (let i = 0; i < 3; i++) last = (await request(other.url).get('/api/me').set('authorization', `Bearer ${marcus.accessToken}`)).status;
      expect(last).toBe(429);
    } finally {
      await other.close();
    }
  });
});
