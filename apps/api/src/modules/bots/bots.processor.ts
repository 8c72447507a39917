import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';
import { WORKER_OPTIONS } from '../../infra/queue/queue.constants';
import { BotCreationDeferred } from './bots.errors';
import { BOTS_QUEUE, BotsJob, BotsJobPayloads } from './bots.jobs';
import { BotsService } from './bots.service';

/** The bots queue: dispatches to the service. A creation that waits for the hourly quota is delayed, not failed. */
@Processor(BOTS_QUEUE, WORKER_OPTIONS)
export class BotsProcessor extends WorkerHost {
  constructor(private readonly bots: BotsService) {
    super();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    switch (job.name as BotsJob) {
      case BotsJob.Reconcile:
        try {
          return await this.bots.reconcile((job.data as BotsJobPayloads[BotsJob.Reconcile]).meetingId);
        } catch (err) {
          if (err instanceof BotCreationDeferred && token) {
            await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
            throw new DelayedError();
          }
          throw err;
        }
      case BotsJob.Sync:
        return this.bots.pollBot((job.data as BotsJobPayloads[BotsJob.Sync]).botId);
      case BotsJob.FetchTranscript:
        return this.bots.fetchTranscript((job.data as BotsJobPayloads[BotsJob.FetchTranscript]).botId);
      case BotsJob.Sweep:
        return this.bots.sweep();
      default:
        throw new Error(`bots queue: no handler for job ${job.name}`);
    }
  }
}
