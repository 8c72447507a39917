import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/**
 * Typed domain events between modules, in the one direction of the pipeline: an earlier stage
 * emits, a later stage listens (and usually only enqueues a durable job). Listeners must be
 * idempotent; each stage also has a sweep that finds work an event failed to start (a crash
 * between commit and emit), so nothing depends on an in-memory event alone.
 */
export interface DomainEventMap {
  /** Meetings: a meeting's time, link, status, notetaker choice or consent changed; Bots reconciles its bot. */
  'meeting.changed': { meetingId: string; firmId: string; advisorId: string; version: number; reason: 'sync' | 'toggle' | 'consent' | 'request' };
  /** Auth: a firm's compliance settings or an advisor's overrides changed. */
  'compliance.settings_changed': { firmId: string };
  /** Meetings/Bots: a transcript was stored for a meeting. */
  'transcript.ready': { meetingId: string; firmId: string; advisorId: string; source: 'recall' | 'upload' | 'audio' };
  /** Content: drafts for a meeting were generated and validated. */
  'drafts.ready': { meetingId: string; firmId: string; advisorId: string; contentIds: string[] };
  /** Compliance: a post version was approved (by a person or automatically). */
  'post.approved': { contentId: string; versionId: string; firmId: string; advisorId: string };
}

export type DomainEventName = keyof DomainEventMap;

@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly emitter = new EventEmitter({ captureRejections: true });

  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  on<K extends DomainEventName>(name: K, listener: (payload: DomainEventMap[K]) => Promise<void> | void): void {
    this.emitter.on(name, async (payload: DomainEventMap[K]) => {
      try {
        await listener(payload);
      } catch (err) {
        // The stage's sweep will pick the work up; the error is logged, never lost silently.
        this.logger.error({ err, event: name }, 'domain event listener failed');
      }
    });
  }
}

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
