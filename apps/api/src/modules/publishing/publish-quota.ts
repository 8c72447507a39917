import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { REDIS, RedisFactory } from '../../infra/redis/redis.module';
import type { SocialPlatform } from './entities/social-account.entity';

// Takes one slot in every window at once, or none: returns 0, or the 1-based index of the full one.
const TAKE_ALL = `
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i * 2 - 1]) then return i end
end
for i, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('PEXPIRE', key, ARGV[i * 2])
end
return 0`;

/**
 * The design's publishing limits (LinkedIn 100/day for the app, Facebook 25/hour, 20 posts/day per
 * advisor), shared by every worker through Redis. Windows are aligned to the clock, like
 * LinkedIn's daily limits that reset at midnight UTC, so a day of ours is a day of theirs. A full
 * window means "wait", never "fail": the caller delays the job to the returned time.
 */
@Injectable()
export class PublishQuota {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly factory: RedisFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async take(platform: SocialPlatform, advisorId: string, now = Date.now()): Promise<{ ok: true } | { ok: false; waitMs: number; limit: string }> {
    const limits = this.config.publishing.limits;
    const specs = [
      { name: platform, key: 'app', ...limits[platform] },
      { name: 'advisor', key: advisorId, ...limits.advisor },
    ];
    const keys = specs.map((s) => `${this.factory.prefix}:quota:${s.name}:${s.key}:${Math.floor(now / (s.windowSec * 1000))}`);
    const args = specs.flatMap((s) => [String(s.points), String(s.windowSec * 1000 + 60_000)]);
    const full = Number(await this.redis.eval(TAKE_ALL, keys.length, ...keys, ...args));
    if (full === 0) return { ok: true };
    const spec = specs[full - 1];
    const windowMs = spec.windowSec * 1000;
    return { ok: false, waitMs: windowMs - (now % windowMs) + Math.floor(Math.random() * Math.min(1000, windowMs / 10)), limit: `${spec.name} ${spec.points}/${spec.windowSec}s` };
  }
}
