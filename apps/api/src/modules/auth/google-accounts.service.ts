import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { EncryptionService } from '../../infra/crypto/encryption.service';
import { registerEncryptedColumn } from '../../infra/crypto/encrypted-columns';
import { AppError } from '../../infra/http/app-error';
import { REDIS, RedisFactory } from '../../infra/redis/redis.module';
import { ProviderError } from '../../infra/resilience/provider-error';
import { ResilienceService } from '../../infra/resilience/resilience.service';
import { currentScope, isUuid } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { GoogleAccountDto } from './dto';
import { GoogleAccount } from './entities/google-account.entity';

registerEncryptedColumn({ table: 'google_account', idColumn: 'id', column: 'refresh_token_enc', aad: { column: 'google_sub', prefix: 'google:' } });
registerEncryptedColumn({ table: 'google_account', idColumn: 'id', column: 'access_token_enc', aad: { column: 'google_sub', prefix: 'google:' } });

export interface CalendarSource {
  id: string;
  userId: string;
  firmId: string;
  email: string;
}

/** Connected Google accounts (calendar sources) and their tokens; other modules get access tokens from here. */
@Injectable()
export class GoogleAccountsService {
  private readonly logger = new Logger(GoogleAccountsService.name);

  constructor(
    @InjectRepository(GoogleAccount) private readonly accounts: Repository<GoogleAccount>,
    private readonly crypto: EncryptionService,
    private readonly resilience: ResilienceService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly redisFactory: RedisFactory,
  ) {}

  async list(): Promise<GoogleAccountDto[]> {
    const s = currentScope();
    const rows = await this.accounts.find({ where: { userId: s.userId, firmId: s.firmId }, order: { createdAt: 'ASC' } });
    return rows.filter((r) => r.status !== 'disconnected').map(toDto);
  }

  /** A one-time ticket the browser takes to GET /api/auth/google to add a calendar to this user. */
  async connectUrl(): Promise<{ url: string }> {
    const s = currentScope();
    const ticket = randomBytes(24).toString('base64url');
    await this.redis.set(`${this.redisFactory.prefix}:connect:${ticket}`, s.userId, 'EX', 120);
    return { url: `/api/auth/google?connectTicket=${ticket}&returnTo=${encodeURIComponent('/settings')}` };
  }

  async consumeConnectTicket(ticket: string): Promise<string | null> {
    return this.redis.getdel(`${this.redisFactory.prefix}:connect:${ticket}`);
  }

  async disconnect(id: string): Promise<void> {
    const s = currentScope();
    const account = isUuid(id) ? await this.accounts.findOne({ where: { id, userId: s.userId, firmId: s.firmId } }) : null;
    if (!account || account.status === 'disconnected') throw AppError.notFound('Google account');
    const refresh = account.refreshTokenEnc ? this.crypto.decrypt(account.refreshTokenEnc, `google:${account.googleSub}`) : null;
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(GoogleAccount).update(account.id, { status: 'disconnected', refreshTokenEnc: null, accessTokenEnc: null, accessTokenExpiresAt: null });
      await this.audit.record({ action: 'google_account.disconnected', subjectType: 'google_account', subjectId: account.id, data: { email: account.email } }, tx);
    });
    if (refresh) {
      // Best effort: the account is disconnected here whatever Google answers.
      await this.resilience
        .call('google', (signal) => fetch(this.config.google.tokenUrl.replace(/\/token$/, '/revoke'), { method: 'POST', body: new URLSearchParams({ token: refresh }), signal }), { operation: 'oauth.revoke', retries: 0 })
        .catch((err) => this.logger.warn({ err: String(err) }, 'could not revoke Google token'));
    }
  }

  /** Every active calendar source, for the sync scheduler. */
  activeSources(): Promise<CalendarSource[]> {
    return this.accounts.find({ where: { status: 'active' }, select: { id: true, userId: true, firmId: true, email: true } });
  }

  async source(id: string): Promise<CalendarSource | null> {
    return (await this.sources([id]))[0] ?? null;
  }

  /** Several accounts in one query (a page of meetings may come from several calendars; every calendar list asks). */
  async sources(ids: string[]): Promise<(CalendarSource & { status: GoogleAccount['status'] })[]> {
    if (!ids.length) return [];
    return this.dataSource.query(`SELECT id, user_id AS "userId", firm_id AS "firmId", email, status FROM google_account WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** A valid access token for the account, refreshed when it is within 5 minutes of expiry. */
  async accessToken(accountId: string, forceRefresh = false): Promise<string> {
    const account = await this.accounts.findOneByOrFail({ id: accountId });
    if (account.status !== 'active' || !account.refreshTokenEnc) {
      throw new ProviderError('google', 'auth_expired', `Google account ${account.email} must be re-connected`);
    }
    const aad = `google:${account.googleSub}`;
    if (!forceRefresh && account.accessTokenEnc && account.accessTokenExpiresAt && account.accessTokenExpiresAt.getTime() - Date.now() > 5 * 60_000) {
      return this.crypto.decrypt(account.accessTokenEnc, aad);
    }
    const refreshToken = this.crypto.decrypt(account.refreshTokenEnc, aad);
    const token = await this.resilience.call(
      'google',
      async (signal) => {
        const res = await fetch(this.config.google.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: this.config.google.clientId, client_secret: this.config.google.clientSecret }),
          signal,
        });
        const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
        if (res.ok && body.access_token) return { accessToken: body.access_token, expiresIn: Number(body.expires_in ?? 3600) };
        if (body.error === 'invalid_grant') throw new ProviderError('google', 'auth_expired', 'Google refused the refresh token (revoked or expired)', { status: res.status, code: body.error });
        if (res.status >= 500 || res.status === 429) throw new ProviderError('google', 'retryable', `Google token endpoint answered ${res.status}`, { status: res.status });
        throw new ProviderError('google', 'permanent', `Google token endpoint answered ${res.status} ${body.error ?? ''}`, { status: res.status, code: body.error });
      },
      { operation: 'oauth.refresh' },
    ).catch(async (err) => {
      if (err instanceof ProviderError && err.kind === 'auth_expired') {
        await this.accounts.update(account.id, { status: 'reconnect_required' });
        await this.audit.record({ action: 'google_account.reconnect_required', subjectType: 'google_account', subjectId: account.id, firmId: account.firmId, data: { email: account.email } });
      }
      throw err;
    });
    await this.accounts.update(account.id, { accessTokenEnc: this.crypto.encrypt(token.accessToken, aad), accessTokenExpiresAt: new Date(Date.now() + token.expiresIn * 1000) });
    return token.accessToken;
  }
}

function toDto(a: GoogleAccount): GoogleAccountDto {
  return { id: a.id, email: a.email, status: a.status, calendarAccess: a.scopes.includes('calendar'), connectedAt: a.createdAt.toISOString() };
}
