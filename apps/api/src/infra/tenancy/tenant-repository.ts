import { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../http/app-error';
import { RequestContext, Role } from '../http/request-context';

export interface TenantScope {
  firmId: string;
  userId: string;
  role: Role;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** The tenant of the current request: the signed-in member, or the member an API key belongs to. */
export function currentScope(): TenantScope {
  const actor = RequestContext.actor();
  if (!actor?.firmId || !actor.userId || !actor.role) throw AppError.unauthorized();
  return { firmId: actor.firmId, userId: actor.userId, role: actor.role };
}

/**
 * The one place firm scoping happens. A module's repository extends this and builds every read
 * from `scoped()`: rows of other firms are invisible, and advisors see only rows they own
 * (`ownerColumn`), while compliance officers and admins see their whole firm. Jobs, which act for
 * the system, name the firm explicitly with `forFirm()`.
 */
export abstract class TenantRepository<T extends ObjectLiteral> {
  /** Column naming the advisor who owns a row; null when every member of the firm may see it. */
  protected abstract readonly ownerColumn: string | null;

  protected constructor(
    protected readonly repo: Repository<T>,
    protected readonly alias: string,
  ) {}

  protected scoped(scope: TenantScope = currentScope()): SelectQueryBuilder<T> {
    const qb = this.repo.createQueryBuilder(this.alias).where(`${this.alias}.firm_id = :tenantFirmId`, { tenantFirmId: scope.firmId });
    if (this.ownerColumn && scope.role === 'advisor') qb.andWhere(`${this.alias}.${this.ownerColumn} = :tenantUserId`, { tenantUserId: scope.userId });
    return qb;
  }

  /**
   * The same tenant condition for a hand-written query (hot lists): appends its parameters to
   * `params` and returns the SQL, numbered to follow them (`m.firm_id = $1 AND m.advisor_id = $2`).
   */
  protected scopedSql(params: unknown[], scope: TenantScope = currentScope()): string {
    params.push(scope.firmId);
    let sql = `${this.alias}.firm_id = $${params.length}`;
    if (this.ownerColumn && scope.role === 'advisor') {
      params.push(scope.userId);
      sql += ` AND ${this.alias}.${this.ownerColumn} = $${params.length}`;
    }
    return sql;
  }

  protected forFirm(firmId: string): SelectQueryBuilder<T> {
    return this.repo.createQueryBuilder(this.alias).where(`${this.alias}.firm_id = :tenantFirmId`, { tenantFirmId: firmId });
  }

  /** The row with this id if the caller may see it; anything else (other firm, colleague's, malformed id) is "not found". */
  async findVisible(id: string, scope?: TenantScope): Promise<T | null> {
    if (!isUuid(id)) return null;
    return this.scoped(scope).andWhere(`${this.alias}.id = :id`, { id }).getOne();
  }

  async getVisible(id: string, what: string, scope?: TenantScope): Promise<T> {
    const row = await this.findVisible(id, scope);
    if (!row) throw AppError.notFound(what);
    return row;
  }

  /**
   * One page of a list and the list's total in one round trip (COUNT(*) OVER () rides along with
   * the page). Only an empty page, past the end, needs a separate count. The query must page with
   * offset/limit (not skip/take, which splits joined queries in two), and join only many-to-one:
   * the window counts rows, so a one-to-many join or DISTINCT would count more than entities.
   */
  protected async pageWithTotal(qb: SelectQueryBuilder<T>, offset: number): Promise<{ entities: T[]; raw: Record<string, unknown>[]; total: number }> {
    const counted = qb.clone().addSelect('COUNT(*) OVER ()', 'page_total');
    const { entities, raw } = await counted.getRawAndEntities();
    if (raw.length) return { entities, raw, total: Number(raw[0].page_total) };
    return { entities, raw, total: offset > 0 ? await qb.clone().offset(undefined).limit(undefined).getCount() : 0 };
  }
}
