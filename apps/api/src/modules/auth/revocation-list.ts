import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { REDIS, RedisFactory } from '../../infra/redis/redis.module';

/** How long a subscriber's last answered PING proves it has every revocation published before it. */
export const SYNC_WINDOW_MS = 1000;
const PING_EVERY_MS = 200;
const SWEEP_EVERY_MS = 60_000;

type Kind = 'family' | 'user';
interface Published {
  id: string;
  kind: Kind;
  target: string;
  value: string;
  ttl: number;
}

/**
 * Revoked session families and users, answered from memory in every process.
 *
 * The truth stays in Redis (`<prefix>:revoked:<kind>:<id>`, expiring when no access token issued
 * before the revocation can still be alive). A revocation writes its key and publishes it on one
 * channel in the same MULTI; every process subscribes, loads the existing keys after each
 * (re)subscribe, and keeps entries until they expire as the keys do. A process answers from memory
 * only while it is in sync: subscribed, loaded, and its last PING on the subscriber connection
 * (answered in order after every message published before it) was sent less than SYNC_WINDOW_MS
 * ago. Otherwise it reads the keys, as before (one MGET).
 *
 * "At once": the revoking call returns when every process subscribed at publish time has applied
 * the revocation (each acknowledges on the channel) or, failing that, after SYNC_WINDOW_MS, by
 * which time a process that did not receive it has stopped trusting its memory.
 */
@Injectable()
export class RevocationList implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Revocations');
  /** family id → expiry (epoch ms) */
  private readonly families = new Map<string, number>();
  /** user id → tokens issued at or before `since` (epoch s) are refused, until `expiresAt` (epoch ms) */
  private readonly users = new Map<string, { since: number; expiresAt: number }>();
  private readonly pendingAcks = new Map<string, { need: number; got: number; done: () => void }>();
  private readonly channel: string;
  readonly instanceId = randomUUID().slice(0, 8);
  private sub?: Redis;
  /** bumped on every connection loss: work started for an older connection must not mark us in sync */
  private epoch = 0;
  private loadedEpoch = -1;
  private loading = false;
  private pingOutstanding = false;
  private lastPongSentAt = -Infinity;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly factory: RedisFactory,
  ) {
    this.channel = `${factory.prefix}:revocations`;
  }

  key(kind: Kind, id: string): string {
    return `${this.factory.prefix}:revoked:${kind}:${id}`;
  }

  async onModuleInit(): Promise<void> {
    const sub = (this.sub = this.factory.create(`revocations-sub:${this.instanceId}`));
    sub.on('message', (_channel: string, message: string) => this.onMessage(message));
    sub.on('close', () => this.lost());
    sub.on('ready', () => void this.resync());
    this.timers.push(setInterval(() => this.tick(), PING_EVERY_MS).unref(), setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref());
  }

  onModuleDestroy(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.lost();
  }

  /** True while revocations can be answered from memory (see the class comment). */
  inSync(): boolean {
    return this.loadedEpoch === this.epoch && this.sub?.status === 'ready' && performance.now() - this.lastPongSentAt < SYNC_WINDOW_MS;
  }

  /** Whether a token of this session family and user, issued at `iat` (epoch s), has been revoked. */
  async isRevoked(familyId: string, userId: string, iat: number): Promise<boolean> {
    if (this.inSync()) {
      const now = Date.now();
      const family = this.families.get(familyId);
      if (family !== undefined && family > now) return true;
      const user = this.users.get(userId);
      return user !== undefined && user.expiresAt > now && user.since >= iat;
    }
    const [family, user] = await this.redis.mget(this.key('family', familyId), this.key('user', userId));
    return Boolean(family) || (user !== null && Number(user) >= iat);
  }

  revokeFamily(familyId: string, ttlSeconds: number): Promise<void> {
    return this.publish({ id: randomUUID(), kind: 'family', target: familyId, value: '1', ttl: ttlSeconds });
  }

  /** Refuses the user's tokens issued at or before `since` (epoch s). */
  revokeUser(userId: string, since: number, ttlSeconds: number): Promise<void> {
    return this.publish({ id: randomUUID(), kind: 'user', target: userId, value: String(since), ttl: ttlSeconds });
  }

  private async publish(p: Published): Promise<void> {
    let done!: () => void;
    const acked = new Promise<void>((resolve) => (done = resolve));
    const pending = { need: Infinity, got: 0, done };
    this.pendingAcks.set(p.id, pending);
    try {
      const results = await this.redis.multi().set(this.key(p.kind, p.target), p.value, 'EX', p.ttl).publish(this.channel, JSON.stringify(p)).exec();
      const failed = results?.find(([err]) => err);
      if (!results || failed) throw failed?.[0] ?? new Error('revocation not written');
      pending.need = Number(results[1][1]);
      if (pending.got >= pending.need) done();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([acked, new Promise<void>((resolve) => (timer = setTimeout(resolve, SYNC_WINDOW_MS + 50)))]);
      clearTimeout(timer);
    } finally {
      this.pendingAcks.delete(p.id);
    }
  }

  private onMessage(message: string): void {
    let m: Partial<Published> & { ack?: string };
    try {
      m = JSON.parse(message) as typeof m;
    } catch {
      return;
    }
    if (m.ack) {
      const pending = this.pendingAcks.get(m.ack);
      if (pending && ++pending.got >= pending.need) pending.done();
      return;
    }
    if ((m.kind !== 'family' && m.kind !== 'user') || typeof m.target !== 'string' || typeof m.value !== 'string' || typeof m.ttl !== 'number') return;
    this.apply(m.kind, m.target, m.value, Date.now() + m.ttl * 1000);
    if (m.id) this.redis.publish(this.channel, JSON.stringify({ ack: m.id })).catch(() => undefined);
  }

  /** Merges one revocation; the stricter of two answers wins (a later time, a later expiry). */
  private apply(kind: Kind, target: string, value: string, expiresAt: number): void {
    if (kind === 'family') {
      this.families.set(target, Math.max(expiresAt, this.families.get(target) ?? 0));
      return;
    }
    const since = Number(value);
    if (!Number.isFinite(since)) return;
    const prev = this.users.get(target);
    this.users.set(target, { since: Math.max(since, prev?.since ?? -Infinity), expiresAt: Math.max(expiresAt, prev?.expiresAt ?? 0) });
  }

  private lost(): void {
    this.epoch++;
    this.pingOutstanding = false;
    this.lastPongSentAt = -Infinity;
  }

  /** After (re)connecting: subscribe, then load every revocation written before the subscription took effect. */
  private async resync(): Promise<void> {
    const sub = this.sub;
    if (!sub || this.loading || sub.status !== 'ready') return;
    const epoch = this.epoch;
    this.loading = true;
    try {
      await sub.subscribe(this.channel);
      const prefix = `${this.factory.prefix}:revoked:`;
      const match = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
        cursor = next;
        if (keys.length) {
          const pipe = this.redis.pipeline();
          for (const k of keys) pipe.get(k).pttl(k);
          const replies = (await pipe.exec()) ?? [];
          const now = Date.now();
          keys.forEach((k, i) => {
            const value = replies[2 * i]?.[1] as string | null;
            const pttl = replies[2 * i + 1]?.[1] as number;
            if (value === null || typeof pttl !== 'number' || pttl <= 0) return;
            const [kind, ...rest] = k.slice(prefix.length).split(':');
            if (kind === 'family' || kind === 'user') this.apply(kind, rest.join(':'), value, now + pttl);
          });
        }
      } while (cursor !== '0');
      if (epoch === this.epoch) this.loadedEpoch = epoch;
    } catch (err) {
      // Stay out of sync (requests read Redis); the next tick tries again.
      this.logger.warn({ err }, 'could not load revocations');
    } finally {
      this.loading = false;
    }
  }

  private tick(): void {
    const sub = this.sub;
    if (!sub || sub.status !== 'ready') return;
    if (this.loadedEpoch !== this.epoch) {
      void this.resync();
      return;
    }
    if (this.pingOutstanding) return;
    const epoch = this.epoch;
    const sentAt = performance.now();
    this.pingOutstanding = true;
    sub.ping().then(
      () => {
        if (epoch !== this.epoch) return;
        this.pingOutstanding = false;
        this.lastPongSentAt = Math.max(this.lastPongSentAt, sentAt);
      },
      () => {
        if (epoch === this.epoch) this.pingOutstanding = false;
      },
    );
  }

  private sweep(): void {
    const now = Date.now();
    for (const [k, exp] of this.families) if (exp <= now) this.families.delete(k);
    for (const [k, u] of this.users) if (u.expiresAt <= now) this.users.delete(k);
  }
}
