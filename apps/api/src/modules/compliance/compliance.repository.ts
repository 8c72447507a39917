import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { currentScope, isUuid, TenantRepository, TenantScope } from '../../infra/tenancy/tenant-repository';
import { User } from '../auth/entities/user.entity';
import { FirmRule } from './entities/firm-rule.entity';
import { PostSubmission } from './entities/post-submission.entity';
import { ReviewDecision } from './entities/review-decision.entity';
import { ReviewItem, ReviewStatus } from './entities/review-item.entity';

export interface QueueFilter {
  status?: ReviewStatus;
  platform?: string;
  category?: string;
  advisorId?: string;
  minRisk?: number;
  limit: number;
  offset: number;
}

/** The only place the Compliance module touches TypeORM. Reads go through the tenant scope. */
@Injectable()
export class ComplianceRepository extends TenantRepository<ReviewItem> {
  protected readonly ownerColumn = 'advisor_id';

  constructor(
    @InjectRepository(ReviewItem) items: Repository<ReviewItem>,
    @InjectRepository(PostSubmission) private readonly submissions: Repository<PostSubmission>,
    @InjectRepository(ReviewDecision) private readonly decisions: Repository<ReviewDecision>,
    @InjectRepository(FirmRule) private readonly rules: Repository<FirmRule>,
  ) {
    super(items, 'r');
  }

  async visibleItem(contentId: string, scope?: TenantScope): Promise<ReviewItem | null> {
    if (!isUuid(contentId)) return null;
    return this.scoped(scope).andWhere('r.content_id = :contentId', { contentId }).getOne();
  }

  /** A page of the review queue with each post's advisor name and latest text (ciphertext), in one query. */
  async queue(filter: QueueFilter): Promise<{ items: (ReviewItem & { advisorName: string; latestTextEnc: string | null })[]; total: number }> {
    const qb = this.scoped()
      .leftJoin(User, 'u', 'u.id = r.advisor_id')
      .addSelect('u.name', 'advisor_name')
      .leftJoin(PostSubmission, 's', 's.id = r.latest_submission_id')
      .addSelect('s.text_enc', 'latest_text_enc');
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.platform) qb.andWhere('r.platform = :platform', { platform: filter.platform });
    if (filter.category) qb.andWhere(':category = ANY(r.categories)', { category: filter.category });
    if (filter.advisorId) qb.andWhere('r.advisor_id = :advisorId', { advisorId: filter.advisorId });
    if (filter.minRisk !== undefined) qb.andWhere('r.risk_score >= :minRisk', { minRisk: filter.minRisk });
    qb.orderBy('r.risk_score', 'DESC').addOrderBy('r.updated_at', 'ASC').offset(filter.offset).limit(filter.limit);
    const { entities, raw, total } = await this.pageWithTotal(qb, filter.offset);
    return { items: entities.map((e, i) => Object.assign(e, { advisorName: String(raw[i]?.advisor_name ?? ''), latestTextEnc: (raw[i]?.latest_text_enc as string | null | undefined) ?? null })), total };
  }

  statusesFor(contentIds: string[], scope?: TenantScope): Promise<ReviewItem[]> {
    if (contentIds.length === 0) return Promise.resolve([]);
    return this.scoped(scope).andWhere('r.content_id IN (:...ids)', { ids: contentIds.filter(isUuid) }).getMany();
  }

  itemsForFirm(contentIds: string[], firmId: string): Promise<ReviewItem[]> {
    return contentIds.length ? this.forFirm(firmId).andWhere('r.content_id IN (:...ids)', { ids: contentIds }).getMany() : Promise.resolve([]);
  }

  itemForFirm(contentId: string, firmId: string, tx?: EntityManager, lock = false): Promise<ReviewItem | null> {
    const repo = tx ? tx.getRepository(ReviewItem) : this.repo;
    return repo.findOne({ where: { contentId, firmId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  submission(id: string, tx?: EntityManager): Promise<PostSubmission | null> {
    return (tx ? tx.getRepository(PostSubmission) : this.submissions).findOne({ where: { id } });
  }

  versions(contentId: string, firmId: string): Promise<PostSubmission[]> {
    return this.submissions.find({ where: { contentId, firmId }, order: { version: 'DESC' } });
  }

  async decisionsFor(contentId: string, firmId: string): Promise<(ReviewDecision & { reviewerName: string | null })[]> {
    const { entities, raw } = await this.decisions
      .createQueryBuilder('d')
      .leftJoin(User, 'u', 'u.id = d.reviewer_id')
      .addSelect('u.name', 'reviewer_name')
      .where('d.content_id = :contentId AND d.firm_id = :firmId', { contentId, firmId })
      .orderBy('d.created_at', 'DESC')
      .getRawAndEntities();
    return entities.map((e, i) => Object.assign(e, { reviewerName: (raw[i]?.reviewer_name as string | null) ?? null }));
  }

  latestDecision(contentId: string, firmId: string): Promise<ReviewDecision | null> {
    return this.decisions.findOne({ where: { contentId, firmId }, order: { createdAt: 'DESC' } });
  }

  activeRules(firmId: string): Promise<FirmRule[]> {
    return this.rules.find({ where: { firmId, active: true }, order: { createdAt: 'ASC' } });
  }

  async addRule(rule: Partial<FirmRule>, tx: EntityManager): Promise<FirmRule> {
    return tx.getRepository(FirmRule).save(tx.getRepository(FirmRule).create(rule));
  }

  async deactivateRule(firmId: string, ruleId: string, tx: EntityManager): Promise<boolean> {
    const res = await tx.getRepository(FirmRule).update({ firmId, ruleId, active: true }, { active: false });
    return (res.affected ?? 0) > 0;
  }

  /** Books and records of one firm in a time range, oldest first. */
  async recordsBetween(firmId: string, from: Date, to: Date): Promise<{ submissions: PostSubmission[]; decisions: (ReviewDecision & { reviewerName: string | null })[] }> {
    const submissions = await this.submissions
      .createQueryBuilder('s')
      .where('s.firm_id = :firmId AND s.created_at >= :from AND s.created_at < :to', { firmId, from, to })
      .orderBy('s.created_at', 'ASC')
      .getMany();
    const { entities, raw } = await this.decisions
      .createQueryBuilder('d')
      .leftJoin(User, 'u', 'u.id = d.reviewer_id')
      .addSelect('u.name', 'reviewer_name')
      .where('d.firm_id = :firmId AND d.created_at >= :from AND d.created_at < :to', { firmId, from, to })
      .orderBy('d.created_at', 'ASC')
      .getRawAndEntities();
    return { submissions, decisions: entities.map((e, i) => Object.assign(e, { reviewerName: (raw[i]?.reviewer_name as string | null) ?? null })) };
  }

  scope(): TenantScope {
    return currentScope();
  }
}
