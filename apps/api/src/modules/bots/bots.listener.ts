import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../infra/events/domain-events';
import { BotsService } from './bots.service';

/** Meetings says a meeting changed; Bots only queues a reconcile (durable, idempotent, keyed by version). */
@Injectable()
export class BotsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly bots: BotsService,
  ) {}

  onModuleInit(): void {
    this.events.on('meeting.changed', async (e) => {
      await this.bots.enqueueReconcile(e.meetingId, e.version);
    });
  }
}
