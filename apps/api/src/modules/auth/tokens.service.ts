import { sha256 } from '../../infra/crypto/sha256';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { AppError } from '../../infra/http/app-error';
import { Role } from '../../infra/http/request-context';
import { AuditService } from '../audit/audit.service';
import { RefreshSession } from './entities/refresh-session.entity';
import { RevocationList } from './revocation-list';

export interface AccessClaims {
  sub: string;
  fid: string;
  role: Role;
  sid: string;
  iat?: number;
  exp?: number;
}


/**
 * Access JWTs (15 min) and rotating refresh tokens. A revoked family or user is remembered in Redis
 * for as long as an access token could still be alive, and pushed to every process's memory
 * (RevocationList), so revocation bites at once without a Redis read per request.
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(RefreshSession) private readonly sessions: Repository<RefreshSession>,
    private readonly dataSource: DataSource,
    private readonly revocations: RevocationList,
    private readonly audit: AuditService,
  ) {}

  signAccess(claims: Omit<AccessClaims, 'iat' | 'exp'>): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.security.accessTtlSeconds;
    return { accessToken: this.jwt.sign({ ...claims }, { expiresIn }), expiresIn };
  }

  /** Verifies signature, expiry and revocation. */
  async verifyAccess(token: string): Promise<AccessClaims> {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch (err) {
      const expired = (err as Error).name === 'TokenExpiredError';
      throw new AppError('UNAUTHORIZED', expired ? 'Your session expired; refresh it or sign in again' : 'The access token is not valid', 401);
    }
    if (await this.revocations.isRevoked(claims.sid, claims.sub, claims.iat ?? 0)) throw new AppError('UNAUTHORIZED', 'This session was ended; sign in again', 401);
    return claims;
  }

  async issueRefresh(userId: string, firmId: string, familyId: string = randomUUID(), userAgent?: string): Promise<{ token: string; familyId: string }> {
    const token = `${familyId}.${randomBytes(32).toString('base64url')}`;
    await this.sessions.insert({
      familyId,
      userId,
      firmId,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + this.config.security.refreshTtlSeconds * 1000),
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, familyId };
  }

  /** Exchanges a refresh token for a new one. A token used twice means it leaked: the whole family dies. */
  async rotate(token: string, userAgent?: string): Promise<{ token: string; session: RefreshSession }> {
    const hash = sha256(token);
    const outcome = await this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(RefreshSession);
      const session = await repo.findOne({ where: { tokenHash: hash }, lock: { mode: 'pessimistic_write' } });
      if (!session) return { kind: 'unknown' as const };
      if (session.revokedAt || session.expiresAt < new Date()) return { kind: 'ended' as const };
      if (session.rotatedAt) {
        await this.revokeFamily(session.familyId, 'refresh_token_reuse', repo);
        await this.audit.record(
          { action: 'auth.refresh_reuse_detected', subjectType: 'session', subjectId: session.familyId, firmId: session.firmId, actor: { type: 'user', id: session.userId, userId: session.userId, firmId: session.firmId }, data: { familyId: session.familyId } },
          tx,
        );
        return { kind: 'reused' as const };
      }
      await repo.update(session.id, { rotatedAt: new Date() });
      const next = `${session.familyId}.${randomBytes(32).toString('base64url')}`;
      await repo.insert({ familyId: session.familyId, userId: session.userId, firmId: session.firmId, tokenHash: sha256(next), expiresAt: session.expiresAt, userAgent: userAgent?.slice(0, 300) ?? null });
      return { kind: 'rotated' as const, token: next, session };
    });
    // Errors are raised after the transaction commits, so the family's revocation is kept.
    if (outcome.kind === 'unknown') throw new AppError('UNAUTHORIZED', 'Sign in again', 401);
    if (outcome.kind === 'ended') throw new AppError('UNAUTHORIZED', 'Your session ended; sign in again', 401);
    if (outcome.kind === 'reused') throw new AppError('SESSION_REVOKED', 'This sign-in was used from two places, so it was ended everywhere. Sign in again.', 401);
    return { token: outcome.token, session: outcome.session };
  }

  async revokeFamily(familyId: string, _reason: string, repo: Repository<RefreshSession> = this.sessions): Promise<void> {
    await repo.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.revocations.revokeFamily(familyId, this.config.security.accessTtlSeconds + 60);
  }

  async revokeByToken(token: string): Promise<RefreshSession | null> {
    const session = await this.sessions.findOne({ where: { tokenHash: sha256(token) } });
    if (session) await this.revokeFamily(session.familyId, 'logout');
    return session;
  }

  /** Ends every session of a user (removed from the firm, role changed). */
  async revokeUser(userId: string): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.revocations.revokeUser(userId, Math.floor(Date.now() / 1000), this.config.security.accessTtlSeconds + 60);
  }
}
