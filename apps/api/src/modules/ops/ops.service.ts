import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { AppError } from '../../infra/http/app-error';
import { declaredQueues } from '../../infra/queue/queue.constants';
import { REDIS } from '../../infra/redis/redis.module';
import { ResilienceService } from '../../infra/resilience/resilience.service';
import { AuditService } from '../audit/audit.service';
import { FailedJobDto, OpsOverviewDto, QueueStatusDto } from './ops.controller';
import { MetricsService } from './metrics.service';

const withTimeout = <T>(p: Promise<T>, ms = 1500): Promise<T> => Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error('timeout')), ms))]);

@Injectable()
export class OpsService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly resilience: ResilienceService,
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  checkMetricsToken(header: string | undefined): void {
    const expected = this.config.metricsToken;
    if (!expected) return;
    const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
    const want = Buffer.from(expected);
    if (given.length !== want.length || !timingSafeEqual(given, want)) throw new AppError('UNAUTHORIZED', 'Send the metrics token as a Bearer token', HttpStatus.UNAUTHORIZED);
  }

  async overview(): Promise<OpsOverviewDto> {
    const dependencies: Record<string, 'up' | 'down'> = {};
    dependencies.postgres = await withTimeout(this.dataSource.query('SELECT 1')).then(() => 'up' as const, () => 'down' as const);
    dependencies.redis = await withTimeout(this.redis.ping()).then(() => 'up' as const, () => 'down' as const);
    const queues: QueueStatusDto[] = [];
    const recentFailures: FailedJobDto[] = [];
    for (const name of declaredQueues()) {
      try {
        const q = this.metrics.queue(name);
        const c = await withTimeout(q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'));
        const [oldest] = await withTimeout(q.getJobs(['waiting'], 0, 0, true));
        queues.push({ name, waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0, oldestWaitingSeconds: oldest ? Math.round((Date.now() - oldest.timestamp) / 1000) : 0 });
        const failed = await withTimeout(q.getJobs(['failed'], 0, 9, false));
        recentFailures.push(...failed.map((j) => toFailed(name, j)));
        dependencies[`queue:${name}`] = 'up';
      } catch {
        dependencies[`queue:${name}`] = 'down';
      }
    }
    recentFailures.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
    return { dependencies, breakers: this.resilience.states(), queues, recentFailures: recentFailures.slice(0, 25), dashboardPath: '/admin/queues' };
  }

  async retry(queueName: string, jobId: string): Promise<FailedJobDto> {
    if (!declaredQueues().includes(queueName)) throw AppError.notFound('Queue');
    const job = await this.metrics.queue(queueName).getJob(jobId);
    if (!job) throw AppError.notFound('Job');
    if (!(await job.isFailed())) throw AppError.conflict('JOB_NOT_FAILED', 'Only failed jobs can be retried');
    await job.retry('failed');
    await this.audit.record({ action: 'ops.job_retried', subjectType: 'job', subjectId: `${queueName}:${jobId}`, data: { queue: queueName, name: job.name } });
    return toFailed(queueName, job);
  }
}

function toFailed(queue: string, j: Job): FailedJobDto {
  return { queue, id: String(j.id), name: j.name, attemptsMade: j.attemptsMade, failedReason: (j.failedReason ?? '').slice(0, 500), failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null, data: scrub(j.data as Record<string, unknown>) };
}

/** Job payloads carry ids, not secrets; still, never echo anything token-like. */
function scrub(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data ?? {}).filter(([k]) => !/token|secret|password|key/i.test(k)));
}
