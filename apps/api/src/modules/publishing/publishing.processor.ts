import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { RequestContext } from '../../infra/http/request-context';
import { WORKER_OPTIONS } from '../../infra/queue/queue.constants';
import { PublishingJob, PublishingJobData, PUBLISHING_QUEUE } from './publishing.jobs';
import { PublishingService } from './publishing.service';

// Worker options are decorator metadata, read when @nestjs/bullmq builds the worker (after this
// class is constructed): the constructor fills in the configured numbers.
const OPTIONS: Record<string, unknown> = { ...WORKER_OPTIONS, settings: { ...WORKER_OPTIONS.settings } };

type AnyJob = { [K in PublishingJob]: Job<PublishingJobData[K], unknown, K> }[PublishingJob];

/** The publishing queue's one processor: it only dispatches to the service. */
@Processor(PUBLISHING_QUEUE, OPTIONS)
export class PublishingProcessor extends WorkerHost {
  constructor(
    private readonly publishing: PublishingService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    const lock = config.publishing.lockMs;
    Object.assign(OPTIONS, { concurrency: config.publishing.concurrency, lockDuration: lock, lockRenewTime: Math.floor(lock / 2), stalledInterval: lock, maxStalledCount: 10 });
  }

  async process(job: AnyJob, token?: string): Promise<unknown> {
    return RequestContext.run({ requestId: `job:${job.id}`, startedAt: Date.now() }, async () => {
      switch (job.name) {
        case PublishingJob.Publish:
        case PublishingJob.Verify: {
          const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          const result = await this.publishing.advance(job.data.publicationId, { finalAttempt }).catch(async (err: unknown) => {
            if (finalAttempt) await this.publishing.giveUp(job.data.publicationId, err);
            throw err;
          });
          if ('delayUntil' in result) {
            // Waiting for a quota window or the scheduled time is not a failure: no attempt is used.
            await job.moveToDelayed(result.delayUntil, token);
            throw new DelayedError(result.reason);
          }
          return result;
        }
        case PublishingJob.Maintenance:
          return this.publishing.maintenance();
      }
    });
  }
}
