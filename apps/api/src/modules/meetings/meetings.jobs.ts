import { declareQueue } from '../../infra/queue/queue.constants';

export const MEETINGS_QUEUE = declareQueue('meetings');

export enum MeetingsJob {
  /** Sync one connected Google account's primary calendar (incremental, or full on first run / 410). */
  SyncCalendar = 'calendar.sync',
  /** Keeps one repeatable SyncCalendar per active account (added for new accounts, removed for gone ones). */
  ScheduleSyncs = 'calendar.schedule',
}

export interface MeetingsJobPayloads {
  [MeetingsJob.SyncCalendar]: { googleAccountId: string; reason: 'schedule' | 'request' };
  [MeetingsJob.ScheduleSyncs]: Record<string, never>;
}

/** BullMQ custom ids take at most two colons; one id per account keeps one queued sync at a time. */
export const syncJobId = (googleAccountId: string) => `calendar-sync-${googleAccountId}`;
