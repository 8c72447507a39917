import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * Workers are declared with `autorun: false`; this starts them only when API_ROLE is `worker` or
 * `all`, so an `api` process never takes jobs. Shutdown is @nestjs/bullmq's: `worker.close()`
 * lets running jobs finish, and a job cut off by a crash is handed back by BullMQ's stall check.
 */
@Injectable()
export class WorkerLauncher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Workers');
  private hosts: WorkerHost[] = [];
  private readonly outcomeListeners: ((queue: string, outcome: 'completed' | 'failed') => void)[] = [];

  /** Metrics and ops subscribe to job outcomes here. */
  onOutcome(listener: (queue: string, outcome: 'completed' | 'failed') => void): void {
    this.outcomeListeners.push(listener);
  }

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.hosts = this.discovery
      .getProviders()
      .map((w) => w.instance as unknown)
      .filter((i): i is WorkerHost => i instanceof WorkerHost);
    if (!this.config.runsWorkers) return;
    for (const host of this.hosts) {
      const worker = host.worker;
      worker.on('completed', () => this.outcomeListeners.forEach((l) => l(worker.name, 'completed')));
      worker.on('failed', () => this.outcomeListeners.forEach((l) => l(worker.name, 'failed')));
      worker.run().catch((err) => this.logger.error({ err, queue: worker.name }, 'worker stopped'));
    }
    this.logger.log({ queues: this.hosts.map((h) => h.worker.name) }, 'workers started');
  }

  /**
   * A graceful `worker.close()` waits for Redis (running jobs, QUIT), so with Redis gone it never
   * returns and shutdown hangs. Workers whose connection is not ready are force-closed; a graceful
   * close that takes longer than CLOSE_GRACE_MS is cut by disconnecting. Jobs cut off this way are
   * handed back by BullMQ's stall check, as after a crash.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const CLOSE_GRACE_MS = 5000;
    const within = <T>(p: Promise<T>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
    await Promise.all(
      this.hosts.map(async (host) => {
        const worker = host.worker;
        const client = await Promise.race([worker.getBackend().client.catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), 250).unref())]);
        const closing = worker.close(!client || client.status !== 'ready').catch(() => undefined);
        if (await within(closing, CLOSE_GRACE_MS)) return;
        this.logger.warn({ queue: worker.name }, 'worker did not close in time (Redis unreachable?): disconnecting');
        await worker.disconnect().catch(() => undefined);
        await within(closing, 1000);
      }),
    );
  }

  queues(): string[] {
    return this.hosts.map((h) => h.worker.name);
  }
}
