import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThan, Not, Repository } from 'typeorm';
import { currentScope, isUuid, TenantRepository, TenantScope } from '../../infra/tenancy/tenant-repository';
import { Publication, PublicationStatus } from './entities/publication.entity';
import { PublicationRecord } from './entities/publication-record.entity';
import { PublishAttempt } from './entities/publish-attempt.entity';
import { SocialAccount, SocialPlatform } from './entities/social-account.entity';

export interface PublicationFilter {
  status?: PublicationStatus;
  platform?: SocialPlatform;
  contentId?: string;
  limit: number;
  offset: number;
}

export type PublicationWithAccount = Publication & { accountName: string };

/** The only place the Publishing module touches TypeORM. Request reads go through the tenant scope; jobs name the firm. */
@Injectable()
export class PublishingRepository extends TenantRepository<Publication> {
  protected readonly ownerColumn = 'advisor_id';

  constructor(
    @InjectRepository(Publication) publications: Repository<Publication>,
    @InjectRepository(SocialAccount) private readonly accounts: Repository<SocialAccount>,
    @InjectRepository(PublishAttempt) private readonly attempts: Repository<PublishAttempt>,
  ) {
    super(publications, 'p');
  }

  // ---------- social accounts: always the signed-in advisor's own ----------

  ownAccounts(scope: TenantScope = currentScope()): Promise<SocialAccount[]> {
    return this.accounts.find({ where: { firmId: scope.firmId, advisorId: scope.userId, status: Not('disconnected') }, order: { createdAt: 'ASC' } });
  }

  async ownAccount(id: string, scope: TenantScope = currentScope()): Promise<SocialAccount | null> {
    if (!isUuid(id)) return null;
    return this.accounts.findOne({ where: { id, firmId: scope.firmId, advisorId: scope.userId, status: Not('disconnected') } });
  }

  account(id: string, firmId: string): Promise<SocialAccount | null> {
    return this.accounts.findOne({ where: { id, firmId } });
  }

  liveAccount(advisorId: string, platform: SocialPlatform, externalId: string, tx?: EntityManager): Promise<SocialAccount | null> {
    return (tx ? tx.getRepository(SocialAccount) : this.accounts).findOne({ where: { advisorId, platform, externalId, status: Not('disconnected') } });
  }

  async saveAccount(account: Partial<SocialAccount>, tx?: EntityManager): Promise<SocialAccount> {
    const repo = tx ? tx.getRepository(SocialAccount) : this.accounts;
    return repo.save(repo.create(account));
  }

  async updateAccount(id: string, patch: Partial<SocialAccount>, tx?: EntityManager): Promise<void> {
    await (tx ? tx.getRepository(SocialAccount) : this.accounts).update(id, patch);
  }

  /** Connections with a token that expires, for the expiry check (every firm: a system job). */
  expiringAccounts(before: Date): Promise<SocialAccount[]> {
    return this.accounts.find({ where: { status: In(['active', 'expiring']), tokenExpiresAt: LessThan(before) } });
  }

  // ---------- publications ----------

  async list(filter: PublicationFilter): Promise<{ items: PublicationWithAccount[]; total: number }> {
    const qb = this.scoped().leftJoin(SocialAccount, 'a', 'a.id = p.social_account_id').addSelect('a.display_name', 'account_name');
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.platform) qb.andWhere('p.platform = :platform', { platform: filter.platform });
    if (filter.contentId && isUuid(filter.contentId)) qb.andWhere('p.content_id = :contentId', { contentId: filter.contentId });
    qb.orderBy('COALESCE(p.published_at, p.scheduled_at, p.created_at)', 'DESC').offset(filter.offset).limit(filter.limit);
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    return { items: entities.map((e, i) => Object.assign(e, { accountName: String(raw[i]?.account_name ?? '') })), total };
  }

  publication(id: string, tx?: EntityManager, lock = false): Promise<Publication | null> {
    return (tx ? tx.getRepository(Publication) : this.repo).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  liveByKey(idempotencyKey: string, tx?: EntityManager): Promise<Publication | null> {
    return (tx ? tx.getRepository(Publication) : this.repo).findOne({ where: { idempotencyKey, status: Not('cancelled') } });
  }

  async insertPublication(p: Partial<Publication>, tx: EntityManager): Promise<Publication> {
    return tx.getRepository(Publication).save(tx.getRepository(Publication).create(p));
  }

  /** Moves a publication only from the states given; returns whether it moved (the state column guards every side effect). */
  async transition(id: string, from: PublicationStatus[], patch: Partial<Publication>, tx?: EntityManager): Promise<boolean> {
    const res = await (tx ? tx.getRepository(Publication) : this.repo).update({ id, status: In(from) }, patch);
    return (res.affected ?? 0) > 0;
  }

  /** Publications that should have a job but may have lost it (a crash between commit and enqueue). */
  stalePublications(olderThan: Date): Promise<Publication[]> {
    return this.repo.find({ where: { status: In(['queued', 'publishing', 'verifying']), updatedAt: LessThan(olderThan) }, take: 500 });
  }

  // ---------- attempts: the exactly-once ledger ----------

  lastAttempt(publicationId: string, tx?: EntityManager): Promise<PublishAttempt | null> {
    return (tx ? tx.getRepository(PublishAttempt) : this.attempts).findOne({ where: { publicationId }, order: { attemptNo: 'DESC' } });
  }

  attemptsOf(publicationId: string): Promise<PublishAttempt[]> {
    return this.attempts.find({ where: { publicationId }, order: { attemptNo: 'ASC' } });
  }

  async insertAttempt(a: Partial<PublishAttempt>, tx: EntityManager): Promise<PublishAttempt> {
    return tx.getRepository(PublishAttempt).save(tx.getRepository(PublishAttempt).create(a));
  }

  async updateAttempt(id: string, patch: Partial<PublishAttempt>, tx?: EntityManager): Promise<void> {
    await (tx ? tx.getRepository(PublishAttempt) : this.attempts).update(id, patch);
  }

  // ---------- books and records ----------

  /** Appends the record of a publication; a second one for the same publication is ignored (one first use). */
  async insertRecord(r: Partial<PublicationRecord>, tx: EntityManager): Promise<void> {
    await tx.createQueryBuilder().insert().into(PublicationRecord).values(r).orIgnore().execute();
  }

  record(publicationId: string): Promise<PublicationRecord | null> {
    return this.repo.manager.getRepository(PublicationRecord).findOne({ where: { publicationId } });
  }
}
