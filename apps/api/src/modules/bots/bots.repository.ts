import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { TenantRepository, TenantScope } from '../../infra/tenancy/tenant-repository';
import { LIVE_BOT_STATES, RecallBot } from './recall-bot.entity';
import { RecallBotStatus } from './recall-bot-status.entity';
import { RecallWebhookReceipt } from './recall-webhook-receipt.entity';

/** recall_bot, its status timeline and webhook receipts: the only place Bots touches TypeORM. */
@Injectable()
export class BotsRepository extends TenantRepository<RecallBot> {
  protected readonly ownerColumn = 'advisor_id';

  constructor(
    @InjectRepository(RecallBot) repo: Repository<RecallBot>,
    @InjectRepository(RecallBotStatus) private readonly statuses: Repository<RecallBotStatus>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super(repo, 'b');
  }

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  getPageForScope(opts: { limit: number; offset: number; meetingId?: string }, scope?: TenantScope): Promise<[RecallBot[], number]> {
    const qb = this.scoped(scope).orderBy('b.join_at', 'DESC').addOrderBy('b.id').take(opts.limit).skip(opts.offset);
    if (opts.meetingId) qb.andWhere('b.meeting_id = :meetingId', { meetingId: opts.meetingId });
    return qb.getManyAndCount();
  }

  getById(id: string): Promise<RecallBot | null> {
    return this.repo.findOneBy({ id });
  }

  getByExternalId(externalId: string): Promise<RecallBot | null> {
    return this.repo.findOneBy({ externalId });
  }

  getLiveForMeeting(meetingId: string): Promise<RecallBot | null> {
    return this.repo.findOneBy({ meetingId, state: In(LIVE_BOT_STATES) });
  }

  getLiveByDedupeKey(dedupeKey: string): Promise<RecallBot | null> {
    return this.repo.findOneBy({ dedupeKey, state: In(LIVE_BOT_STATES) });
  }

  getLatestForMeeting(meetingId: string): Promise<RecallBot | null> {
    return this.repo.findOne({ where: { meetingId }, order: { createdAt: 'DESC' } });
  }

  /** Inserts a pending bot unless a live one already holds the meeting or its dedupe key (unique indexes). */
  async insertPendingIfAbsent(values: Partial<RecallBot>): Promise<RecallBot | null> {
    const res = await this.repo.createQueryBuilder().insert().into(RecallBot).values({ ...values, state: 'pending' }).orIgnore().returning('id').execute();
    return res.raw?.length ? this.getById(res.raw[0].id as string) : null;
  }

  /** Takes the row for a provider call: only one worker at a time gets it (the state column guards the side effect). */
  async claim(id: string, ttlMs: number): Promise<RecallBot | null> {
    const rows = (await this.repo.query(
      `UPDATE recall_bot SET claimed_until = now() + ($2 || ' milliseconds')::interval, updated_at = now()
        WHERE id = $1 AND (claimed_until IS NULL OR claimed_until < now()) RETURNING id`,
      [id, String(ttlMs)],
    )) as [{ id: string }[], number] | { id: string }[];
    const list = Array.isArray(rows[0]) ? (rows[0] as { id: string }[]) : (rows as { id: string }[]);
    return list.length ? this.getById(id) : null;
  }

  async update(id: string, patch: Partial<RecallBot>, tx?: EntityManager): Promise<void> {
    await (tx ? tx.getRepository(RecallBot) : this.repo).update(id, patch);
  }

  /** Adds a timeline entry; false when it was already there (duplicate webhook, repeated poll). */
  async addStatus(tx: EntityManager, entry: Omit<RecallBotStatus, 'id' | 'receivedAt'>): Promise<boolean> {
    const res = await tx.createQueryBuilder().insert().into(RecallBotStatus).values(entry).orIgnore().returning('id').execute();
    return Boolean(res.raw?.length);
  }

  latestStatus(tx: EntityManager, botId: string): Promise<RecallBotStatus | null> {
    return tx.getRepository(RecallBotStatus).findOne({ where: { botId }, order: { occurredAt: 'DESC', id: 'DESC' } });
  }

  timelines(botIds: string[]): Promise<RecallBotStatus[]> {
    if (!botIds.length) return Promise.resolve([]);
    return this.statuses.find({ where: { botId: In(botIds) }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  /** Records a webhook id; false when it was seen before. */
  async addReceipt(tx: EntityManager, receipt: Omit<RecallWebhookReceipt, 'receivedAt'>): Promise<boolean> {
    const res = await tx.createQueryBuilder().insert().into(RecallWebhookReceipt).values(receipt).orIgnore().returning('webhook_id').execute();
    return Boolean(res.raw?.length);
  }

  lockById(tx: EntityManager, id: string): Promise<RecallBot | null> {
    return tx.getRepository(RecallBot).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Created bots due to join soon or in a call, not polled within `intervalMs`. */
  getDueForPoll(joinAfter: Date, joinBefore: Date, polledBefore: Date, limit = 200): Promise<RecallBot[]> {
    return this.repo
      .createQueryBuilder('b')
      .where(`b.state IN ('scheduled','active','ended')`)
      .andWhere('b.external_id IS NOT NULL')
      .andWhere('b.join_at <= :joinBefore AND b.join_at >= :joinAfter', { joinBefore, joinAfter })
      .andWhere('(b.last_polled_at IS NULL OR b.last_polled_at < :polledBefore)', { polledBefore })
      .orderBy('b.join_at')
      .take(limit)
      .getMany();
  }

  /** Pending bots nobody is working on (a job died or was never queued). */
  getStalePending(updatedBefore: Date, limit = 200): Promise<RecallBot[]> {
    return this.repo
      .createQueryBuilder('b')
      .where(`b.state = 'pending'`)
      .andWhere('(b.claimed_until IS NULL OR b.claimed_until < now())')
      .andWhere('(b.waiting_until IS NULL OR b.waiting_until < now())')
      .andWhere('b.updated_at < :updatedBefore', { updatedBefore })
      .take(limit)
      .getMany();
  }

  /** Bots created at Recall that have not joined yet (still movable or removable). */
  getNotYetJoined(limit = 1000): Promise<RecallBot[]> {
    return this.repo.find({ where: { state: 'scheduled' }, order: { joinAt: 'ASC' }, take: limit });
  }

  async liveMeetingIds(meetingIds: string[]): Promise<Set<string>> {
    if (!meetingIds.length) return new Set();
    const rows = await this.repo.find({ where: { meetingId: In(meetingIds), state: In(LIVE_BOT_STATES) }, select: { meetingId: true } });
    return new Set(rows.map((r) => r.meetingId));
  }
}
