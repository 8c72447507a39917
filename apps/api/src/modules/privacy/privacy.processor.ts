import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { RequestContext } from '../../infra/http/request-context';
import { declareQueue, WORKER_OPTIONS } from '../../infra/queue/queue.constants';
import { PrivacyService } from './privacy.service';

export const PRIVACY_QUEUE = declareQueue('privacy');
export enum PrivacyJob {
  RetentionPurge = 'retention-purge',
}

/** The retention purge, once a day. */
@Processor(PRIVACY_QUEUE, WORKER_OPTIONS)
export class PrivacyProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly privacy: PrivacyService,
    @InjectQueue(PRIVACY_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('retention-purge', { pattern: '17 3 * * *', tz: 'UTC' }, { name: PrivacyJob.RetentionPurge, data: {} });
  }

  process(job: Job): Promise<unknown> {
    return RequestContext.run({ requestId: `job:${job.id}`, startedAt: Date.now(), actor: { type: 'system', id: 'retention' } }, () => {
      if (job.name === PrivacyJob.RetentionPurge) return this.privacy.purgeExpired();
      throw new Error(`No handler for privacy job ${job.name}`);
    });
  }
}
