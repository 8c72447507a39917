import { declareQueue } from '../../infra/queue/queue.constants';

export const BOTS_QUEUE = declareQueue('bots');

export enum BotsJob {
  /** Make Recall match the meeting: create, move or remove its bot (idempotent; keyed by meeting version). */
  Reconcile = 'bot.reconcile',
  /** Poll one bot's status (fallback when webhooks are off or lost). */
  Sync = 'bot.sync',
  /** Fetch and store the transcript of a finished bot. */
  FetchTranscript = 'bot.transcript',
  /** Repeatable: finds bots to poll and work an event failed to start. */
  Sweep = 'bots.sweep',
}

export interface BotsJobPayloads {
  [BotsJob.Reconcile]: { meetingId: string; version: number };
  [BotsJob.Sync]: { botId: string };
  [BotsJob.FetchTranscript]: { botId: string };
  [BotsJob.Sweep]: Record<string, never>;
}

/** BullMQ custom ids take exactly three colon-separated parts. */
export const reconcileJobId = (meetingId: string, version: number) => `bot:reconcile:${meetingId}-v${version}`;
export const syncJobId = (botId: string) => `bot:sync:${botId}`;
export const transcriptJobId = (botId: string) => `bot:transcript:${botId}`;
