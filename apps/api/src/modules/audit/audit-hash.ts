import { sha256 } from '../../infra/crypto/sha256';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the digest does not depend on how Postgres stores jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export { sha256 };

export interface ChainedFields {
  chain: string;
  chainSeq: string;
  occurredAt: Date;
  firmId: string | null;
  actorType: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  requestId: string | null;
  digest: string;
  prevHash: string;
}

export function eventHash(e: ChainedFields): string {
  return sha256(
    canonicalJson({
      chain: e.chain,
      chainSeq: String(e.chainSeq),
      occurredAt: e.occurredAt.toISOString(),
      firmId: e.firmId,
      actorType: e.actorType,
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      requestId: e.requestId,
      digest: e.digest,
      prevHash: e.prevHash,
    }),
  );
}
