import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { Redis } from 'ioredis';

type Hit = (hitKey: string, blockKey: string, throttlerName: string, ttl: number, limit: number, blockDuration: number) => Promise<unknown>;

/**
 * The Redis storage of @nest-lab/throttler-storage-redis with its own script, sent as EVALSHA
 * (ioredis `defineCommand`, falling back to EVAL once after a SCRIPT FLUSH or a restart) instead
 * of the script's whole text on every request. Same keys, same script, same answers. Give it a
 * client with `enableAutoPipelining`, so the counters of requests arriving together share one write.
 */
export class ThrottlerStorageRedisScript extends ThrottlerStorageRedisService {
  private readonly hit: Hit;

  constructor(redis: Redis) {
    super(redis);
    redis.defineCommand('throttlerHit', { numberOfKeys: 2, lua: this.scriptSrc });
    this.hit = (redis as unknown as { throttlerHit: Hit }).throttlerHit.bind(redis);
  }

  override async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const results = await this.hit(`{${key}:${throttlerName}}:hits`, `{${key}:${throttlerName}}:blocked`, throttlerName, ttl, limit, blockDuration);
    if (!Array.isArray(results) || !results.slice(0, 4).every((v) => typeof v === 'number')) throw new TypeError(`Expected four numbers from the throttle script, got ${String(results)}`);
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = results as number[];
    return { totalHits, timeToExpire: Math.ceil(timeToExpire / 1000), isBlocked: isBlocked === 1, timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000) };
  }
}
