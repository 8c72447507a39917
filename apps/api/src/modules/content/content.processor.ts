import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { DelayedError, Job, Queue } from 'bullmq';
import { DomainEvents } from '../../infra/events/domain-events';
import { RequestContext } from '../../infra/http/request-context';
import { WORKER_OPTIONS } from '../../infra/queue/queue.constants';
import { ProviderError } from '../../infra/resilience/provider-error';
import { RateLimited } from '../../infra/resilience/rate-limit.service';
import { CONTENT_QUEUE, ContentJob, GenerateDraftsPayload } from './content.jobs';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';
import { DraftingService, LlmUnavailable } from './drafting.service';
import { TRANSCRIPT_SOURCE, TranscriptSource } from './transcript-source';

const SWEEP_EVERY_MS = 5 * 60_000;
/** A run still 'running' after this long lost its job (crash, restart): the sweep resumes it. */
const STALE_RUN_MS = 10 * 60_000;

/** One processor for the content queue; it only dispatches. Rate-limited work waits instead of failing. */
@Processor(CONTENT_QUEUE, { ...WORKER_OPTIONS, concurrency: 4 })
export class ContentProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ContentProcessor.name);

  constructor(
    private readonly drafting: DraftingService,
    private readonly content: ContentService,
    private readonly repo: ContentRepository,
    private readonly events: DomainEvents,
    @Inject(TRANSCRIPT_SOURCE) private readonly transcripts: TranscriptSource,
    @InjectQueue(CONTENT_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Later stage listens to the earlier one; the listener only enqueues durable work.
    this.events.on('transcript.ready', async (e) => {
      await this.content.enqueue({ meetingId: e.meetingId, trigger: 'transcript' });
    });
    await this.queue.upsertJobScheduler('content-sweep', { every: SWEEP_EVERY_MS }, { name: ContentJob.Sweep, data: {} });
  }

  async process(job: Job, token?: string): Promise<unknown> {
    return RequestContext.run({ requestId: `job:${job.id}`, startedAt: Date.now(), actor: { type: 'system', id: 'content-worker' } }, async () => {
      switch (job.name as ContentJob) {
        case ContentJob.GenerateDrafts:
          return this.generate(job as Job<GenerateDraftsPayload>, token);
        case ContentJob.Sweep:
          return this.sweep();
        default:
          throw new Error(`No handler for content job ${job.name}`);
      }
    });
  }

  private async generate(job: Job<GenerateDraftsPayload>, token?: string): Promise<unknown> {
    try {
      return await this.drafting.draft(
        job.data,
        async (runId) => {
          await job.updateData({ ...job.data, runId });
        },
        job.data.llmRetries ?? 0,
      );
    } catch (err) {
      if (err instanceof LlmUnavailable && token) {
        await job.updateData({ ...job.data, llmRetries: (job.data.llmRetries ?? 0) + 1 });
        await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
        throw new DelayedError();
      }
      const waitMs = err instanceof RateLimited ? err.retryAfterMs : err instanceof ProviderError && err.kind === 'rate_limited' ? (err.retryAfterMs ?? 20_000) : null;
      if (waitMs !== null && token) {
        await job.moveToDelayed(Date.now() + waitMs + Math.floor(Math.random() * 500), token);
        throw new DelayedError();
      }
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= attempts && job.data.runId) await this.drafting.failRun(job.data.runId, (err as Error).message);
      throw err;
    }
  }

  /**
   * Finds meetings whose transcript landed without drafts (a crash between commit and event), and
   * runs a crash left half-done (drafts stored, posts not yet submitted): both are resumed.
   */
  private async sweep(): Promise<{ enqueued: number; resumed: number }> {
    let resumed = 0;
    for (const run of await this.repo.staleRuns(new Date(Date.now() - STALE_RUN_MS))) {
      await this.content.enqueue({ meetingId: run.meetingId, trigger: run.trigger, runId: run.id });
      resumed++;
    }
    const recent = await this.transcripts.transcriptsStoredSince(new Date(Date.now() - 24 * 3600_000));
    let enqueued = 0;
    for (const m of recent) {
      if (!(await this.repo.hasDrafts(m.id))) {
        await this.content.enqueue({ meetingId: m.id, trigger: 'transcript' });
        enqueued++;
      }
    }
    if (enqueued || resumed) this.logger.log({ enqueued, resumed }, 'sweep enqueued drafting work a crash had left');
    return { enqueued, resumed };
  }
}
