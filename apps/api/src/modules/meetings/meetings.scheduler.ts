import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { GoogleAccountsService } from '../auth/google-accounts.service';
import { MEETINGS_QUEUE, MeetingsJob, MeetingsJobPayloads, syncJobId } from './meetings.jobs';

/**
 * The one place repeatable calendar syncs are registered: a job scheduler per active Google account
 * (every CALENDAR_SYNC_INTERVAL_SECONDS), kept in step with the accounts by a scheduling job that runs
 * at boot and then every interval (new accounts get a scheduler, disconnected ones lose theirs).
 */
@Injectable()
export class MeetingsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(MeetingsScheduler.name);

  constructor(
    @InjectQueue(MEETINGS_QUEUE) private readonly queue: Queue,
    private readonly accounts: GoogleAccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.meetings.syncIntervalSec * 1000;
    if (!this.config.runsWorkers || every === 0) return;
    await this.queue.upsertJobScheduler('calendar-schedule', { every }, { name: MeetingsJob.ScheduleSyncs, data: {} });
  }

  async scheduleSyncs(): Promise<{ scheduled: number; removed: number }> {
    const every = this.config.meetings.syncIntervalSec * 1000;
    if (every === 0) return { scheduled: 0, removed: 0 };
    const active = await this.accounts.activeSources();
    const wanted = new Set(active.map((a) => syncJobId(a.id)));
    for (const a of active) {
      const data: MeetingsJobPayloads[MeetingsJob.SyncCalendar] = { googleAccountId: a.id, reason: 'schedule' };
      await this.queue.upsertJobScheduler(syncJobId(a.id), { every }, { name: MeetingsJob.SyncCalendar, data, opts: { removeOnComplete: true, removeOnFail: 100 } });
    }
    let removed = 0;
    for (const s of await this.queue.getJobSchedulers()) {
      if (s.key.startsWith('calendar-sync-') && !wanted.has(s.key)) {
        await this.queue.removeJobScheduler(s.key);
        removed++;
      }
    }
    this.logger.log({ scheduled: active.length, removed }, 'calendar sync schedulers updated');
    return { scheduled: active.length, removed };
  }
}
