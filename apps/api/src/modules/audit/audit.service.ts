import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, RequestContext } from '../../infra/http/request-context';
import { AuditEvent } from './audit-event.entity';
import { canonicalJson, eventHash, GENESIS_HASH, sha256 } from './audit-hash';

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  firmId?: string | null;
  /** Defaults to the actor of the current request or job. */
  actor?: Actor;
  /** What changed; stored, and digested into the chain. Never put secrets or raw PII here. */
  data?: Record<string, unknown>;
}

export interface ChainVerification {
  chain: string;
  valid: boolean;
  events: number;
  /** The first broken link, when the chain does not verify. */
  brokenAt?: { chainSeq: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' };
  headHash: string;
}

const SYSTEM: Actor = { type: 'system', id: 'system' };

/** Append-only, hash-chained audit trail: one chain per firm (and one for system events). */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  static chainFor(firmId: string | null | undefined): string {
    return firmId ? `firm:${firmId}` : 'system';
  }

  /** Appends an event. Pass the caller's transaction manager so the event commits with the change it records. */
  async record(input: AuditInput, manager?: EntityManager): Promise<AuditEvent> {
    if (manager) return this.append(input, manager);
    return this.dataSource.transaction((tx) => this.append(input, tx));
  }

  private async append(input: AuditInput, tx: EntityManager): Promise<AuditEvent> {
    const actor = input.actor ?? RequestContext.actor() ?? SYSTEM;
    const firmId = input.firmId === undefined ? (actor.firmId ?? null) : input.firmId;
    const chain = AuditService.chainFor(firmId);
    // Serialises appends to one chain, across processes, for the life of the transaction.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [chain]);
    const [last] = await tx.query(`SELECT chain_seq, hash FROM audit_event WHERE chain = $1 ORDER BY chain_seq DESC LIMIT 1`, [chain]);
    const data = input.data ?? {};
    const fields = {
      chain,
      chainSeq: String(last ? Number(last.chain_seq) + 1 : 1),
      occurredAt: new Date(),
      firmId,
      actorType: actor.type,
      actorId: actor.id,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      requestId: RequestContext.requestId() ?? null,
      digest: sha256(canonicalJson(data)),
      prevHash: last ? (last.hash as string) : GENESIS_HASH,
    };
    const event = tx.create(AuditEvent, { ...fields, data, hash: eventHash(fields) });
    return tx.save(AuditEvent, event);
  }

  /** Recomputes every link of a chain: an edited, inserted or deleted row breaks it. */
  async verify(firmId: string | null): Promise<ChainVerification> {
    const chain = AuditService.chainFor(firmId);
    const rows = await this.dataSource.getRepository(AuditEvent).find({ where: { chain }, order: { chainSeq: 'ASC' } });
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    for (const row of rows) {
      if (Number(row.chainSeq) !== expectedSeq) return { chain, valid: false, events: rows.length, brokenAt: { chainSeq: row.chainSeq, reason: 'gap' }, headHash: prev };
      if (row.prevHash !== prev) return { chain, valid: false, events: rows.length, brokenAt: { chainSeq: row.chainSeq, reason: 'prev_hash_mismatch' }, headHash: prev };
      const digestOk = sha256(canonicalJson(row.data)) === row.digest;
      if (!digestOk || eventHash(row) !== row.hash) return { chain, valid: false, events: rows.length, brokenAt: { chainSeq: row.chainSeq, reason: 'hash_mismatch' }, headHash: prev };
      prev = row.hash;
      expectedSeq++;
    }
    return { chain, valid: true, events: rows.length, headHash: prev };
  }

  async list(firmId: string, opts: { from?: Date; to?: Date; limit: number; offset: number; action?: string; subjectId?: string }) {
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.chain = :chain', { chain: AuditService.chainFor(firmId) })
      .orderBy('e.chain_seq', 'DESC')
      .take(opts.limit)
      .skip(opts.offset);
    if (opts.from) qb.andWhere('e.occurred_at >= :from', { from: opts.from });
    if (opts.to) qb.andWhere('e.occurred_at < :to', { to: opts.to });
    if (opts.action) qb.andWhere('e.action = :action', { action: opts.action });
    if (opts.subjectId) qb.andWhere('e.subject_id = :sid', { sid: opts.subjectId });
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
