import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * Workers are declared with `autorun: false`; this starts them only when API_ROLE is `worker` or
 * `all`, so an `api` process never takes jobs. Shutdown is @nestjs/bullmq's: `worker.close()`
 * lets running jobs finish, and a job cut off by a crash is handed back by BullMQ's stall check.
 */
@Injectable()
export class WorkerLauncher implements OnApplicationBootstrap {
  private readonly logger = new Logger('Workers');
  private hosts: WorkerHost[] = [];

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
      worker.run().catch((err) => this.logger.error({ err, queue: worker.name }, 'worker stopped'));
    }
    this.logger.log({ queues: this.hosts.map((h) => h.worker.name) }, 'workers started');
  }

  queues(): string[] {
    return this.hosts.map((h) => h.worker.name);
  }
}
