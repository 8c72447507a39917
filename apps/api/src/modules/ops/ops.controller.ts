import { Controller, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request } from 'express';
import { ApiEnvelope, RawResponse } from '../../infra/http/api-envelope';
import { Public, Roles } from '../auth/auth.decorators';
import { MetricsService } from './metrics.service';
import { OpsService } from './ops.service';

export class QueueStatusDto {
  @ApiProperty() name: string;
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() failed: number;
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'Seconds the oldest waiting job has waited' }) oldestWaitingSeconds: number;
}

export class FailedJobDto {
  @ApiProperty() queue: string;
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() attemptsMade: number;
  @ApiProperty() failedReason: string;
  @ApiPropertyOptional({ nullable: true }) failedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class OpsOverviewDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: ['up', 'down'] } }) dependencies: Record<string, 'up' | 'down'>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: ['closed', 'open', 'half_open'] } }) breakers: Record<string, string>;
  @ApiProperty({ type: [QueueStatusDto] }) queues: QueueStatusDto[];
  @ApiProperty({ type: [FailedJobDto] }) recentFailures: FailedJobDto[];
  @ApiProperty({ description: 'Open the queue dashboard with this path (admins)' }) dashboardPath: string;
}

@ApiTags('ops')
@Controller()
export class OpsController {
  constructor(
    private readonly ops: OpsService,
    private readonly metrics: MetricsService,
  ) {}

  @Get('metrics')
  @Public()
  @SkipThrottle()
  @RawResponse()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics (Bearer METRICS_TOKEN when one is configured)' })
  async prometheus(@Req() req: Request): Promise<string> {
    this.ops.checkMetricsToken(req.header('authorization'));
    return this.metrics.render();
  }

  @Get('ops/overview')
  @Roles('admin')
  @ApiOperation({ summary: 'Dependencies, provider breakers, queue depths and recent failures (admin)' })
  @ApiEnvelope(OpsOverviewDto)
  overview(): Promise<OpsOverviewDto> {
    return this.ops.overview();
  }

  @Post('ops/queues/:queue/jobs/:jobId/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry a failed job (admin)' })
  @ApiEnvelope(FailedJobDto)
  retry(@Param('queue') queue: string, @Param('jobId') jobId: string): Promise<FailedJobDto> {
    return this.ops.retry(queue, jobId);
  }
}
