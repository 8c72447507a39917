import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiExtraModels, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../../infra/http/app-error';
import { ApiEnvelope, ErrorEnvelopeDto } from '../../infra/http/api-envelope';
import { declaredQueues } from '../../infra/queue/queue.constants';
import { REDIS_HEALTH } from './health.tokens';
import { Public } from '../auth/auth.decorators';
import { SkipThrottle } from '@nestjs/throttler';
import { ResilienceService } from '../../infra/resilience/resilience.service';

const CHECK_TIMEOUT_MS = 1500;

export class DependencyStatusDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false }) message?: string;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStatusDto' } })
  dependencies: Record<string, DependencyStatusDto>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: ['closed', 'open', 'half_open'] } })
  breakers: Record<string, string>;
}

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty() uptimeSeconds: number;
}

@ApiTags('health')
@Public()
@SkipThrottle()
@ApiExtraModels(DependencyStatusDto)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
    private readonly resilience: ResilienceService,
    @Inject(REDIS_HEALTH) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiEnvelope(LivenessDto)
  live(): LivenessDto {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Postgres, Redis and every queue answer' })
  @ApiEnvelope(ReadinessDto)
  @ApiResponse({ status: 503, description: 'A dependency is down; error.details names it', type: ErrorEnvelopeDto })
  async ready(): Promise<ReadinessDto> {
    const checks = [
      () => this.db.pingCheck('postgres').withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            if ((await this.redis.ping()) !== 'PONG') throw new Error('unexpected PING answer');
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      ...declaredQueues().map(
        (name) => () =>
          this.indicators
            .check(`queue:${name}`)
            .attempt(async () => {
              const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
              return { ...(await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')) };
            })
            .withTimeout(CHECK_TIMEOUT_MS),
      ),
    ];
    const result = await this.health.check(checks).catch((err: { response?: unknown }) => err.response ?? err);
    const details = ((result as { details?: Record<string, { status: string; message?: string }> }).details ?? {}) as Record<
      string,
      { status: string; message?: string }
    >;
    const dependencies: Record<string, DependencyStatusDto> = {};
    for (const [name, d] of Object.entries(details)) {
      dependencies[name] = d.status === 'up' ? { status: 'up' } : { status: 'down', message: d.message ?? 'not answering' };
    }
    const down = Object.entries(dependencies).filter(([, d]) => d.status === 'down');
    if (down.length > 0) {
      throw new AppError(
        'DEPENDENCY_DOWN',
        `Not ready: ${down.map(([n, d]) => `${n} (${d.message})`).join(', ')}`,
        HttpStatus.SERVICE_UNAVAILABLE,
        down.map(([name, d]) => ({ dependency: name, message: d.message })),
      );
    }
    return { status: 'ok', dependencies, breakers: this.resilience.states() };
  }
}
