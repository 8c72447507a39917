import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { BOTS_QUEUE, BotsJob } from './bots.jobs';

/** Registers the one repeatable job of Bots: the sweep that polls live bots and restarts lost work. */
@Injectable()
export class BotsScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(BOTS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.bots.pollIntervalSec * 1000;
    if (!this.config.runsWorkers || every === 0) return;
    await this.queue.upsertJobScheduler('bots-sweep', { every }, { name: BotsJob.Sweep, data: {}, opts: { removeOnComplete: true, removeOnFail: 50 } });
  }
}
