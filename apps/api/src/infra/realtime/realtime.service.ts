import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Role } from '../http/request-context';
import { REDIS, RedisFactory } from '../redis/redis.module';

/** An event for the SPA. Addressed to users, or to a firm's members with given roles. */
export interface RealtimeEvent {
  type: string;
  payload: Record<string, unknown>;
  to: { userIds?: string[]; firmId?: string; roles?: Role[] };
}

export interface Subscriber {
  userId: string;
  firmId: string;
  role: Role;
  send(type: string, payload: Record<string, unknown>): void;
}

/**
 * Fan-out through Redis pub/sub, so an event published by any process (a worker, another API
 * instance) reaches the SSE stream of a user connected to any API instance.
 */
@Injectable()
export class RealtimeService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private readonly subscribers = new Set<Subscriber>();
  private sub?: Redis;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly factory: RedisFactory,
  ) {
    this.channel = `${factory.prefix}:realtime`;
  }

  async onModuleInit(): Promise<void> {
    this.sub = this.factory.create('realtime-sub');
    this.sub.on('message', (_channel: string, message: string) => this.deliver(message));
    await this.sub.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    for (const s of this.subscribers) s.send('shutdown', {});
    this.subscribers.clear();
  }

  async publish(event: RealtimeEvent): Promise<void> {
    try {
      await this.redis.publish(this.channel, JSON.stringify(event));
    } catch (err) {
      // Real-time is a convenience: the SPA refetches on reconnect, so a lost event loses nothing.
      this.logger.warn({ err, type: event.type }, 'could not publish real-time event');
    }
  }

  attach(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  connectionCount(): number {
    return this.subscribers.size;
  }

  private deliver(message: string): void {
    let event: RealtimeEvent;
    try {
      event = JSON.parse(message) as RealtimeEvent;
    } catch {
      return;
    }
    for (const s of this.subscribers) {
      const { userIds, firmId, roles } = event.to;
      const forUser = userIds?.includes(s.userId) ?? false;
      const forFirm = firmId !== undefined && firmId === s.firmId && (!roles || roles.includes(s.role));
      if (forUser || forFirm) s.send(event.type, event.payload);
    }
  }
}
