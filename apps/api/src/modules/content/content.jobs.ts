import { declareQueue } from '../../infra/queue/queue.constants';

export const CONTENT_QUEUE = declareQueue('content');

export enum ContentJob {
  GenerateDrafts = 'generate-drafts',
  Sweep = 'sweep',
}

export interface GenerateDraftsPayload {
  meetingId: string;
  trigger: 'transcript' | 'manual' | 'regenerate';
  /** Regenerate one draft only. */
  contentId?: string;
  instruction?: string | null;
  requestedBy?: string | null;
  /** Set once the run row exists, so a delayed job resumes the same run. */
  runId?: string;
  /** How often this job already waited out an LLM outage. */
  llmRetries?: number;
}

export type ContentJobPayload = { name: ContentJob.GenerateDrafts; data: GenerateDraftsPayload } | { name: ContentJob.Sweep; data: Record<string, never> };

/** BullMQ accepts custom ids with at most two ':' (three parts). */
export const generateJobId = (p: GenerateDraftsPayload): string =>
  p.runId
    ? `generate:${p.meetingId}:resume-${p.runId}`
    : p.trigger === 'transcript'
      ? `generate:${p.meetingId}:auto`
      : `generate:${p.meetingId}:${p.trigger}-${p.contentId ?? 'all'}-${Date.now()}`;
