import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { RequestContext } from '../../infra/http/request-context';

/** Limits per user or per API key when known, else per client address. Counters live in Redis. */
@Injectable()
export class ActorThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = RequestContext.actor();
    if (actor && actor.type !== 'system') return `${actor.type}:${actor.id}`;
    return `ip:${String(req.ip ?? 'unknown')}`;
  }
}
