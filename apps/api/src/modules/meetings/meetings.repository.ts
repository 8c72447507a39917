import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, MoreThanOrEqual, Repository } from 'typeorm';
import { TenantRepository, TenantScope } from '../../infra/tenancy/tenant-repository';
import { CalendarSyncState } from './calendar-sync-state.entity';
import { ClientMeeting } from './client-meeting.entity';

export interface MeetingFilters {
  when?: 'upcoming' | 'past';
  from?: Date;
  to?: Date;
  platform?: string;
  hasBot?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

/** Bot states that mean "no bot" for list filters. */
const NO_BOT = ['cancelled'];

/** What a list item shows (MeetingDto) and where its source account is. */
export type MeetingListRow = Pick<
  ClientMeeting,
  'id' | 'googleAccountId' | 'title' | 'startsAt' | 'endsAt' | 'status' | 'platform' | 'meetingUrl' | 'attendees' | 'notetakerEnabled' | 'notetakerChoice' | 'excludedReason' | 'doNotRecord' | 'botStatus' | 'botStatusDetail' | 'transcriptState' | 'transcriptNote'
>;
const LIST_COLUMNS = [
  'm.id',
  'm.google_account_id AS "googleAccountId"',
  'm.title',
  'm.starts_at AS "startsAt"',
  'm.ends_at AS "endsAt"',
  'm.status',
  'm.platform',
  'm.meeting_url AS "meetingUrl"',
  'm.attendees',
  'm.notetaker_enabled AS "notetakerEnabled"',
  'm.notetaker_choice AS "notetakerChoice"',
  'm.excluded_reason AS "excludedReason"',
  'm.do_not_record AS "doNotRecord"',
  'm.bot_status AS "botStatus"',
  'm.bot_status_detail AS "botStatusDetail"',
  'm.transcript_state AS "transcriptState"',
  'm.transcript_note AS "transcriptNote"',
].join(', ');

/** client_meeting and calendar_sync_state: the only place Meetings touches TypeORM. Firm scoping via TenantRepository. */
@Injectable()
export class MeetingsRepository extends TenantRepository<ClientMeeting> {
  protected readonly ownerColumn = 'advisor_id';

  constructor(
    @InjectRepository(ClientMeeting) repo: Repository<ClientMeeting>,
    @InjectRepository(CalendarSyncState) private readonly syncStates: Repository<CalendarSyncState>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super(repo, 'm');
  }

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  /**
   * One page of the calendar list and its total (COUNT(*) OVER (), as pageWithTotal), with only the
   * columns a list item shows. Hand-written SQL: this is the API's hottest list, and building the
   * query and hydrating entities cost more than the query itself. Scoped by scopedSql().
   */
  async getPageForScope(filters: MeetingFilters, scope?: TenantScope): Promise<{ items: MeetingListRow[]; total: number }> {
    const params: unknown[] = [];
    const p = (v: unknown) => (params.push(v), `$${params.length}`);
    const where = [this.scopedSql(params, scope), `m.status <> 'cancelled'`];
    const now = new Date();
    if (filters.when === 'past') where.push(`m.starts_at < ${p(now)}`);
    else if (filters.when === 'upcoming' || (!filters.from && !filters.to)) where.push(`m.ends_at >= ${p(now)}`);
    if (filters.from) where.push(`m.starts_at >= ${p(filters.from)}`);
    if (filters.to) where.push(`m.starts_at < ${p(filters.to)}`);
    if (filters.platform) where.push(`m.platform = ${p(filters.platform)}`);
    if (filters.hasBot === true) where.push(`m.bot_status IS NOT NULL AND m.bot_status <> ALL(${p(NO_BOT)}::text[])`);
    if (filters.hasBot === false) where.push(`(m.bot_status IS NULL OR m.bot_status = ANY(${p(NO_BOT)}::text[]))`);
    if (filters.q) {
      const like = p(`%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(m.title ILIKE ${like} OR EXISTS (SELECT 1 FROM jsonb_array_elements(m.attendees) a WHERE a->>'email' ILIKE ${like} OR a->>'name' ILIKE ${like}))`);
    }
    const conditions = where.join(' AND ');
    const countParams = params.length;
    const order = filters.when === 'past' ? 'DESC' : 'ASC';
    const rows: (MeetingListRow & { pageTotal: string })[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS}, COUNT(*) OVER () AS "pageTotal" FROM client_meeting m WHERE ${conditions} ORDER BY m.starts_at ${order}, m.id ASC LIMIT ${p(filters.limit)} OFFSET ${p(filters.offset)}`,
      params,
    );
    if (rows.length) return { items: rows.map(({ pageTotal: _, ...row }) => row), total: Number(rows[0].pageTotal) };
    if (filters.offset <= 0) return { items: [], total: 0 };
    const [{ n }]: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM client_meeting m WHERE ${conditions}`, params.slice(0, countParams));
    return { items: [], total: Number(n) };
  }

  /** A meeting with its transcript ciphertext, if the caller may see it. */
  async findVisibleWithTranscript(id: string, scope?: TenantScope): Promise<ClientMeeting | null> {
    const row = await this.findVisible(id, scope);
    if (!row) return null;
    const enc = await this.repo.createQueryBuilder('m').select('m.transcript_enc', 'enc').where('m.id = :id', { id }).getRawOne<{ enc: string | null }>();
    row.transcriptEnc = enc?.enc ?? null;
    return row;
  }

  /** System read (jobs, Bots): by id, no request scope. */
  getById(id: string): Promise<ClientMeeting | null> {
    return this.repo.findOneBy({ id });
  }

  lockById(tx: EntityManager, id: string): Promise<ClientMeeting | null> {
    return tx.getRepository(ClientMeeting).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockByEvent(tx: EntityManager, googleAccountId: string, eventId: string): Promise<ClientMeeting | null> {
    return tx.getRepository(ClientMeeting).findOne({ where: { googleAccountId, eventId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts unless another sync inserted the same event first; null then (the caller re-reads with a lock). */
  async insertIfAbsent(tx: EntityManager, values: Partial<ClientMeeting>): Promise<ClientMeeting | null> {
    const res = await tx.createQueryBuilder().insert().into(ClientMeeting).values(values).orIgnore().returning('*').execute();
    if (!res.raw?.length) return null;
    return tx.getRepository(ClientMeeting).findOneByOrFail({ id: res.raw[0].id as string });
  }

  save(tx: EntityManager, meeting: ClientMeeting): Promise<ClientMeeting> {
    return tx.getRepository(ClientMeeting).save(meeting);
  }

  /** Upcoming, not cancelled meetings of one account (for reconciling a full sync). */
  getLiveForAccountBetween(googleAccountId: string, from: Date, to: Date): Promise<ClientMeeting[]> {
    return this.repo
      .createQueryBuilder('m')
      .where('m.google_account_id = :googleAccountId', { googleAccountId })
      .andWhere(`m.status <> 'cancelled'`)
      .andWhere('m.ends_at >= :from AND m.starts_at < :to', { from, to })
      .getMany();
  }

  /** Not cancelled meetings of one advisor starting at this instant (the same meeting may sit in two calendars). */
  getLiveForAdvisorAt(advisorId: string, startsAt: Date): Promise<ClientMeeting[]> {
    return this.repo.createQueryBuilder('m').where('m.advisor_id = :advisorId', { advisorId }).andWhere('m.starts_at = :startsAt', { startsAt }).andWhere(`m.status <> 'cancelled'`).orderBy('m.created_at').addOrderBy('m.id').getMany();
  }

  /** Meetings that want a notetaker from now until `until` (Bots' sweep). */
  getWantingNotetakerBetween(from: Date, until: Date): Promise<ClientMeeting[]> {
    return this.repo
      .createQueryBuilder('m')
      .where('m.notetaker_enabled = true')
      .andWhere(`m.status <> 'cancelled'`)
      .andWhere('m.meeting_url IS NOT NULL')
      .andWhere('m.starts_at >= :from AND m.starts_at < :until', { from, until })
      .getMany();
  }

  async setBotStatus(ids: string[], status: string | null, detail: string | null): Promise<void> {
    if (ids.length) await this.repo.update({ id: In(ids) }, { botStatus: status, botStatusDetail: detail });
  }

  async storeTranscript(tx: EntityManager, id: string, values: Pick<ClientMeeting, 'transcriptEnc' | 'transcriptState' | 'transcriptSource' | 'transcriptNote' | 'transcriptStoredAt'>): Promise<void> {
    await tx.getRepository(ClientMeeting).update(id, values);
  }

  getSyncState(googleAccountId: string): Promise<CalendarSyncState | null> {
    return this.syncStates.findOneBy({ googleAccountId });
  }

  async saveSyncState(state: Partial<CalendarSyncState> & { googleAccountId: string; firmId: string; userId: string }): Promise<void> {
    await this.syncStates.upsert(state, ['googleAccountId']);
  }

  /** Runs fn holding a session advisory lock for one account, so two syncs of the same calendar never interleave. */
  async withAccountLock<T>(googleAccountId: string, fn: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`calendar-sync:${googleAccountId}`]);
      try {
        return await fn();
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`calendar-sync:${googleAccountId}`]);
      }
    } finally {
      await runner.release();
    }
  }

  /** For Content's sweep: meetings whose transcript was stored since a time (system context, all firms). */
  getTranscriptStoredSince(since: Date): Promise<Pick<ClientMeeting, 'id' | 'firmId' | 'advisorId'>[]> {
    return this.repo.find({ where: { transcriptState: 'stored', transcriptStoredAt: MoreThanOrEqual(since) }, select: { id: true, firmId: true, advisorId: true } });
  }

  /** For privacy exports and deletions: a firm's meetings of one advisor or with one attendee, transcripts included. */
  getForPrivacy(firmId: string, by: { advisorId?: string; attendeeEmail?: string }): Promise<ClientMeeting[]> {
    const qb = this.repo.createQueryBuilder('m').addSelect('m.transcriptEnc').where('m.firm_id = :firmId', { firmId });
    if (by.advisorId) qb.andWhere('m.advisor_id = :advisorId', { advisorId: by.advisorId });
    if (by.attendeeEmail) qb.andWhere(`EXISTS (SELECT 1 FROM jsonb_array_elements(m.attendees) a WHERE lower(a->>'email') = lower(:email))`, { email: by.attendeeEmail });
    return qb.orderBy('m.starts_at', 'ASC').getMany();
  }

  async getIdsWithTranscriptEndedBefore(firmId: string, cutoff: Date): Promise<string[]> {
    const rows = await this.repo.createQueryBuilder('m').select('m.id', 'id').where(`m.firm_id = :firmId AND m.ends_at < :cutoff AND m.transcript_state = 'stored'`, { firmId, cutoff }).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async markTranscriptDeleted(ids: string[], note: string): Promise<void> {
    if (ids.length) await this.repo.update({ id: In(ids) }, { transcriptEnc: null, transcriptState: 'deleted', transcriptNote: note });
  }
}
