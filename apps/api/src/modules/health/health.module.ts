import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RedisFactory } from '../../infra/redis/redis.module';
import { HealthController } from './health.controller';
import { REDIS_HEALTH } from './health.tokens';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [
    {
      provide: REDIS_HEALTH,
      inject: [RedisFactory],
      // Fails fast while Redis is away instead of queueing the PING, so readiness answers in time.
      useFactory: (f: RedisFactory) =>
        f.create('health', { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => 500 }),
    },
  ],
})
export class HealthModule {}
