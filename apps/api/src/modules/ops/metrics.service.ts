import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { declaredQueues } from '../../infra/queue/queue.constants';
import { ResilienceService } from '../../infra/resilience/resilience.service';
import { WorkerLauncher } from '../../infra/queue/worker-launcher';

const BREAKER_VALUE = { closed: 0, half_open: 1, open: 2 } as const;

/** Prometheus metrics: HTTP, queues, jobs, breakers, provider calls, compliance outcomes. */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({ name: 'aftermeet_http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['method', 'route', 'status'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [this.registry] });
  readonly jobOutcomes = new Counter({ name: 'aftermeet_jobs_total', help: 'Finished jobs by queue and outcome', labelNames: ['queue', 'outcome'], registers: [this.registry] });
  readonly providerDuration = new Histogram({ name: 'aftermeet_provider_call_duration_seconds', help: 'Provider call latency', labelNames: ['provider', 'operation', 'outcome'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], registers: [this.registry] });
  readonly providerErrors = new Counter({ name: 'aftermeet_provider_errors_total', help: 'Provider call failures by kind', labelNames: ['provider', 'operation', 'kind'], registers: [this.registry] });
  readonly complianceOutcomes = new Counter({ name: 'aftermeet_compliance_outcomes_total', help: 'Compliance validations by platform and outcome', labelNames: ['platform', 'outcome'], registers: [this.registry] });
  private readonly queueDepth = new Gauge({ name: 'aftermeet_queue_jobs', help: 'Jobs per queue and state', labelNames: ['queue', 'state'], registers: [this.registry] });
  private readonly queueAge = new Gauge({ name: 'aftermeet_queue_oldest_waiting_seconds', help: 'Age of the oldest waiting job per queue', labelNames: ['queue'], registers: [this.registry] });
  private readonly breakerState = new Gauge({ name: 'aftermeet_breaker_state', help: 'Circuit breaker per provider (0 closed, 1 half-open, 2 open)', labelNames: ['provider'], registers: [this.registry] });

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly resilience: ResilienceService,
    private readonly workers: WorkerLauncher,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'aftermeet_' });
  }

  onModuleInit(): void {
    this.workers.onOutcome((queue, outcome) => this.jobOutcomes.inc({ queue, outcome }));
    this.resilience.observe((e) => {
      this.providerDuration.observe({ provider: e.provider, operation: e.operation, outcome: e.outcome }, e.ms / 1000);
      if (e.outcome !== 'ok') this.providerErrors.inc({ provider: e.provider, operation: e.operation, kind: e.kind ?? e.outcome });
    });
  }

  queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** Reads queue and breaker state at scrape time. */
  async render(): Promise<string> {
    for (const [provider, state] of Object.entries(this.resilience.states())) this.breakerState.set({ provider }, BREAKER_VALUE[state]);
    await Promise.all(
      declaredQueues().map(async (name) => {
        try {
          const q = this.queue(name);
          const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
          for (const [state, n] of Object.entries(counts)) this.queueDepth.set({ queue: name, state }, n);
          const [oldest] = await q.getJobs(['waiting'], 0, 0, true);
          this.queueAge.set({ queue: name }, oldest ? (Date.now() - oldest.timestamp) / 1000 : 0);
        } catch {
          // A queue that cannot be read shows up in /health/ready; metrics keep their last values.
        }
      }),
    );
    return this.registry.metrics();
  }
}
