import { declareQueue } from '../../infra/queue/queue.constants';

export const PUBLISHING_QUEUE = declareQueue('publishing');

export enum PublishingJob {
  /** Send a publication (or resume it from the ledger: reconcile, verify). */
  Publish = 'publish',
  /** Read an accepted post back from the platform. */
  Verify = 'verify',
  /** Repeatable: token expiry (refresh or re-connect prompt) and a sweep for publications without a job. */
  Maintenance = 'maintenance',
}

export interface PublishingJobData {
  [PublishingJob.Publish]: { publicationId: string; firmId: string };
  [PublishingJob.Verify]: { publicationId: string; firmId: string };
  [PublishingJob.Maintenance]: Record<string, never>;
}

/** Deterministic ids (style.md §11): one send per post version and account, however often it is enqueued. */
export const publishJobId = (submissionId: string, accountId: string) => `publish:${submissionId}:${accountId}`;
export const verifyJobId = (publicationId: string, check: number) => `verify:${publicationId}:${check}`;
