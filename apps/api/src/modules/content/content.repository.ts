import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { isUuid, TenantRepository, TenantScope } from '../../infra/tenancy/tenant-repository';
import { User } from '../auth/entities/user.entity';
import { Automation } from './entities/automation.entity';
import { ContentVersion } from './entities/content-version.entity';
import { GeneratedContent } from './entities/generated-content.entity';
import { GenerationRun } from './entities/generation-run.entity';

const CONTENT_COLUMNS = [
  'c.id',
  'c.firm_id AS "firmId"',
  'c.advisor_id AS "advisorId"',
  'c.meeting_id AS "meetingId"',
  'c.run_id AS "runId"',
  'c.kind',
  'c.platform',
  'c.automation_id AS "automationId"',
  'c.title',
  'c.text_enc AS "textEnc"',
  'c.action_items AS "actionItems"',
  'c.hashtags',
  'c.evidence',
  'c.origin',
  'c.version',
  'c.superseded',
  'c.created_at AS "createdAt"',
  'c.updated_at AS "updatedAt"',
].join(', ');

/** The only place the Content module touches TypeORM. Drafts are scoped to their advisor (compliance sees the firm's). */
@Injectable()
export class ContentRepository extends TenantRepository<GeneratedContent> {
  protected readonly ownerColumn = 'advisor_id';

  constructor(
    @InjectRepository(GeneratedContent) content: Repository<GeneratedContent>,
    @InjectRepository(ContentVersion) private readonly versions: Repository<ContentVersion>,
    @InjectRepository(GenerationRun) private readonly runs: Repository<GenerationRun>,
    @InjectRepository(Automation) private readonly automations: Repository<Automation>,
  ) {
    super(content, 'c');
  }

  /** A meeting's current drafts (GET /api/content?meetingId=, on every meeting page): hand-written SQL, scoped by scopedSql(). */
  forMeeting(meetingId: string, scope?: TenantScope): Promise<GeneratedContent[]> {
    if (!isUuid(meetingId)) return Promise.resolve([]);
    const params: unknown[] = [];
    const tenant = this.scopedSql(params, scope);
    params.push(meetingId);
    return this.repo.query(`SELECT ${CONTENT_COLUMNS} FROM generated_content c WHERE ${tenant} AND c.meeting_id = $${params.length} AND NOT c.superseded ORDER BY c.kind, c.created_at`, params);
  }

  /** System context (jobs, privacy exports already authorised by the caller). */
  forMeetingSystem(meetingId: string): Promise<GeneratedContent[]> {
    return this.repo.find({ where: { meetingId }, order: { kind: 'ASC', createdAt: 'ASC' } });
  }

  contentForRun(runId: string): Promise<GeneratedContent[]> {
    return this.repo.find({ where: { runId, superseded: false } });
  }

  /** Runs left 'running' by a crash, for the sweep to resume. */
  staleRuns(olderThan: Date): Promise<GenerationRun[]> {
    return this.runs.createQueryBuilder('r').where(`r.status = 'running' AND r.created_at < :t`, { t: olderThan }).limit(200).getMany();
  }

  run(id: string): Promise<GenerationRun | null> {
    return this.runs.findOneBy({ id });
  }

  runsByIds(ids: string[]): Promise<GenerationRun[]> {
    return ids.length ? this.runs.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Creates the run unless an automatic one already exists for this meeting and input. */
  async startRun(run: Partial<GenerationRun>): Promise<{ run: GenerationRun; created: boolean }> {
    const inserted = await this.runs
      .createQueryBuilder()
      .insert()
      .values(run as never)
      .orIgnore()
      .returning('*')
      .execute();
    if (inserted.raw.length) return { run: (await this.runs.findOneByOrFail({ id: inserted.raw[0].id as string }))!, created: true };
    const existing = await this.runs.findOneOrFail({ where: { meetingId: run.meetingId!, trigger: 'transcript', status: Not('failed') }, order: { createdAt: 'DESC' } });
    return { run: existing, created: false };
  }

  finishRun(id: string, patch: Partial<GenerationRun>, tx?: EntityManager): Promise<unknown> {
    return (tx ? tx.getRepository(GenerationRun) : this.runs).update(id, { ...patch, finishedAt: new Date() } as never);
  }

  updateRun(id: string, patch: Partial<GenerationRun>): Promise<unknown> {
    return this.runs.update(id, patch as never);
  }

  hasDrafts(meetingId: string): Promise<boolean> {
    return this.repo.exists({ where: { meetingId, superseded: false } });
  }

  contentById(id: string, tx?: EntityManager): Promise<GeneratedContent | null> {
    return (tx ? tx.getRepository(GeneratedContent) : this.repo).findOneBy({ id });
  }

  async versionsOf(contentId: string): Promise<(ContentVersion & { actorName: string | null })[]> {
    const { entities, raw } = await this.versions
      .createQueryBuilder('v')
      .leftJoin(User, 'u', 'u.id = v.actor_user_id')
      .addSelect('u.name', 'actor_name')
      .where('v.content_id = :contentId', { contentId })
      .orderBy('v.version', 'DESC')
      .getRawAndEntities();
    return entities.map((e, i) => Object.assign(e, { actorName: (raw[i]?.actor_name as string | null) ?? null }));
  }

  // ----- automations -----
  automationsFor(firmId: string, userId: string): Promise<Automation[]> {
    return this.automations.find({ where: [{ firmId, userId }, { firmId, userId: IsNull() }], order: { createdAt: 'ASC' } });
  }

  automation(id: string, firmId: string): Promise<Automation | null> {
    return isUuid(id) ? this.automations.findOneBy({ id, firmId }) : Promise.resolve(null);
  }

  async createStartersOnce(firmId: string, userId: string, starters: Partial<Automation>[]): Promise<Automation[]> {
    await this.automations.manager.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`automations:${userId}`]);
      const existing = await tx.getRepository(Automation).count({ where: [{ firmId, userId }, { firmId, userId: IsNull() }] });
      if (existing === 0) await tx.getRepository(Automation).save(starters.map((s) => tx.getRepository(Automation).create({ ...s, firmId, userId })));
    });
    return this.automationsFor(firmId, userId);
  }

  saveAutomation(a: Partial<Automation>): Promise<Automation> {
    return this.automations.save(this.automations.create(a));
  }

  deleteAutomation(id: string): Promise<unknown> {
    return this.automations.delete({ id });
  }

  automationNames(ids: string[]): Promise<Automation[]> {
    return ids.length ? this.automations.findBy({ id: In(ids) }) : Promise.resolve([]);
  }
}
