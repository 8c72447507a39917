import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { REDIS, RedisFactory } from '../redis/redis.module';

export interface LimitSpec {
  /** Name of the limit, part of the Redis key: `recall:bot-create`. */
  name: string;
  points: number;
  durationSec: number;
}

export class RateLimited extends Error {
  constructor(
    readonly limit: string,
    readonly retryAfterMs: number,
  ) {
    super(`Limit ${limit} reached; next slot in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'RateLimited';
  }
}

/**
 * Shared-across-processes quotas in Redis (rate-limiter-flexible): the design's limits on what we
 * send to providers (bot creations per advisor, LLM calls per firm, posts per platform).
 */
@Injectable()
export class RateLimitService {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly factory: RedisFactory,
  ) {}

  private limiter(spec: LimitSpec): RateLimiterRedis {
    const id = `${spec.name}:${spec.points}:${spec.durationSec}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.factory.prefix}:rl:${spec.name}`,
        points: spec.points,
        duration: spec.durationSec,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /** Takes one slot or throws RateLimited with the wait until the next one. */
  async take(spec: LimitSpec, key: string, points = 1): Promise<void> {
    try {
      await this.limiter(spec).consume(key, points);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new RateLimited(spec.name, e.msBeforeNext);
      throw e;
    }
  }

  /** Gives a slot back (the work it was taken for did not happen). */
  async refund(spec: LimitSpec, key: string, points = 1): Promise<void> {
    await this.limiter(spec).reward(key, points);
  }

  async remaining(spec: LimitSpec, key: string): Promise<{ remaining: number; resetMs: number }> {
    const res = await this.limiter(spec).get(key);
    return { remaining: res ? Math.max(0, spec.points - res.consumedPoints) : spec.points, resetMs: res?.msBeforeNext ?? 0 };
  }
}
