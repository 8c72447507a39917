import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis, RedisOptions } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/config';

export const REDIS = Symbol('REDIS');

/** Makes ioredis connections from REDIS_URL and closes every one it made at shutdown. */
@Injectable()
export class RedisFactory implements OnApplicationShutdown {
  private readonly made: Redis[] = [];
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get prefix(): string {
    return this.config.redis.prefix;
  }

  create(name: string, options: RedisOptions = {}): Redis {
    const client = new IORedis(this.config.redis.url, { connectionName: `aftermeet:${name}`, lazyConnect: false, ...options });
    client.on('error', () => undefined); // reported through health checks, not as unhandled errors
    this.made.push(client);
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.made.map((c) => c.quit().catch(() => c.disconnect())));
  }
}

@Global()
@Module({
  providers: [
    RedisFactory,
    { provide: REDIS, inject: [RedisFactory], useFactory: (f: RedisFactory) => f.create('main', { maxRetriesPerRequest: 2 }) },
  ],
  exports: [RedisFactory, REDIS],
})
export class RedisModule {}
