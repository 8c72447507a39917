import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { WORKER_OPTIONS } from '../../infra/queue/queue.constants';
import { MEETINGS_QUEUE, MeetingsJob, MeetingsJobPayloads } from './meetings.jobs';
import { MeetingsScheduler } from './meetings.scheduler';
import { MeetingsService } from './meetings.service';

/** The meetings queue: dispatches to the service, nothing else. */
@Processor(MEETINGS_QUEUE, WORKER_OPTIONS)
export class MeetingsProcessor extends WorkerHost {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly scheduler: MeetingsScheduler,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as MeetingsJob) {
      case MeetingsJob.SyncCalendar:
        return this.meetings.syncAccount((job.data as MeetingsJobPayloads[MeetingsJob.SyncCalendar]).googleAccountId);
      case MeetingsJob.ScheduleSyncs:
        return this.scheduler.scheduleSyncs();
      default:
        throw new Error(`meetings queue: no handler for job ${job.name}`);
    }
  }
}
