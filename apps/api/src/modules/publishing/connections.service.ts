import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { registerEncryptedColumn } from '../../infra/crypto/encrypted-columns';
import { EncryptionService } from '../../infra/crypto/encryption.service';
import { AppError } from '../../infra/http/app-error';
import { RealtimeService } from '../../infra/realtime/realtime.service';
import { REDIS, RedisFactory } from '../../infra/redis/redis.module';
import { ProviderError } from '../../infra/resilience/provider-error';
import { ResilienceService } from '../../infra/resilience/resilience.service';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { ConnectionDto, FacebookPageOptionDto } from './dto/publishing.dto';
import { SocialAccount, SocialPlatform } from './entities/social-account.entity';
import { FACEBOOK_SCOPES, FacebookAdapter } from './providers/facebook.adapter';
import { LINKEDIN_SCOPES, LinkedInAdapter } from './providers/linkedin.adapter';
import { PublishingErrorCode } from './publishing.errors';
import { PublishingRepository } from './publishing.repository';

for (const column of ['access_token_enc', 'refresh_token_enc', 'user_token_enc']) registerEncryptedColumn({ table: 'social_account', idColumn: 'id', column, aad: { column: 'id', prefix: 'social:' } });

const STATE_TTL_SECONDS = 600;
const aad = (accountId: string) => `social:${accountId}`;

interface ConnectIntent {
  userId: string;
  firmId: string;
  platform: SocialPlatform;
}

/**
 * LinkedIn member and Facebook Page connections: the OAuth flows (started by an authenticated SPA
 * call, finished on a public callback that checks a single-use state), encrypted tokens, expiry
 * tracking with refresh where the platform allows it and a re-connect prompt otherwise.
 */
@Injectable()
export class ConnectionsService {
  private readonly logger = new Logger(ConnectionsService.name);

  constructor(
    private readonly repo: PublishingRepository,
    private readonly linkedin: LinkedInAdapter,
    private readonly facebook: FacebookAdapter,
    private readonly crypto: EncryptionService,
    private readonly resilience: ResilienceService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly redisFactory: RedisFactory,
  ) {}

  async list(): Promise<ConnectionDto[]> {
    return (await this.repo.ownAccounts()).map((a) => this.toDto(a));
  }

  async connectUrl(platform: SocialPlatform): Promise<{ url: string }> {
    const s = currentScope();
    const state = randomBytes(24).toString('base64url');
    const intent: ConnectIntent = { userId: s.userId, firmId: s.firmId, platform };
    await this.redis.set(this.stateKey(state), JSON.stringify(intent), 'EX', STATE_TTL_SECONDS);
    const redirect = this.redirectUri(platform);
    return { url: platform === 'linkedin' ? this.linkedin.authorizeUrl(state, redirect) : this.facebook.dialogUrl(state, redirect) };
  }

  /** The provider sends the browser back here; returns where the SPA should land. */
  async completeConnect(platform: SocialPlatform, q: { code?: string; state?: string; error?: string }): Promise<string> {
    const back = (params: Record<string, string>) => `${this.config.webOrigin}/settings?${new URLSearchParams({ platform, ...params }).toString()}`;
    const raw = q.state ? await this.redis.getdel(this.stateKey(q.state)) : null;
    if (!raw) return back({ error: 'invalid_state' });
    const intent = JSON.parse(raw) as ConnectIntent;
    if (intent.platform !== platform) return back({ error: 'invalid_state' });
    if (q.error || !q.code) return back({ error: q.error ?? 'missing_code' });
    try {
      const account = platform === 'linkedin' ? await this.finishLinkedIn(intent, q.code) : await this.finishFacebook(intent, q.code);
      return account.status === 'pending_page' ? back({ connected: platform, pick: account.id }) : back({ connected: platform, id: account.id });
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'connect_failed';
      this.logger.warn({ err: String(err), platform }, 'social connect failed');
      return back({ error: code.toLowerCase() });
    }
  }

  async pages(id: string): Promise<FacebookPageOptionDto[]> {
    const account = await this.facebookLogin(id);
    const pages = await this.resilience.call('facebook', (signal) => this.facebook.pages(this.userToken(account), signal), { operation: 'pages.list' });
    return pages.map((p) => ({ id: p.id, name: p.name, category: p.category ?? null, canPost: p.tasks.includes('CREATE_CONTENT') }));
  }

  async selectPage(id: string, pageId: string): Promise<ConnectionDto> {
    const s = currentScope();
    const login = await this.facebookLogin(id);
    const pages = await this.resilience.call('facebook', (signal) => this.facebook.pages(this.userToken(login), signal), { operation: 'pages.list' });
    const page = pages.find((p) => p.id === pageId);
    if (!page) throw AppError.conflict(PublishingErrorCode.PAGE_NOT_AVAILABLE, 'That Page was not shared with Aftermeet; connect Facebook again and select it');
    if (!page.tasks.includes('CREATE_CONTENT')) throw AppError.conflict(PublishingErrorCode.PAGE_NOT_AVAILABLE, `Your role on "${page.name}" cannot create content; ask a Page admin for the Create content task`);
    const saved = await this.dataSource.transaction(async (tx) => {
      const existing = await this.repo.liveAccount(s.userId, 'facebook', page.id, tx);
      const target = existing ?? login;
      await this.repo.updateAccount(
        target.id,
        {
          externalId: page.id,
          displayName: page.name,
          status: 'active',
          accessTokenEnc: this.crypto.encrypt(page.accessToken, aad(target.id)),
          userTokenEnc: null,
          // A Page token obtained with a long-lived user token does not expire (external-apis.md §5.4).
          tokenExpiresAt: null,
          scopes: login.scopes,
          lastError: null,
        },
        tx,
      );
      if (existing) await this.repo.updateAccount(login.id, { status: 'disconnected', userTokenEnc: null }, tx);
      await this.audit.record({ action: 'social_account.connected', subjectType: 'social_account', subjectId: target.id, data: { platform: 'facebook', pageId: page.id, pageName: page.name } }, tx);
      return (await this.repo.account(target.id, s.firmId))!;
    });
    return this.toDto(saved);
  }

  async disconnect(id: string): Promise<void> {
    const account = await this.repo.ownAccount(id);
    if (!account) throw AppError.notFound('Connection');
    await this.dataSource.transaction(async (tx) => {
      await this.repo.updateAccount(account.id, { status: 'disconnected', accessTokenEnc: null, refreshTokenEnc: null, userTokenEnc: null }, tx);
      await this.audit.record({ action: 'social_account.disconnected', subjectType: 'social_account', subjectId: account.id, data: { platform: account.platform, externalId: account.externalId } }, tx);
    });
  }

  /** A usable token for a publishing call; LinkedIn partner apps refresh it when it is close to expiry. */
  async accessToken(account: SocialAccount): Promise<string> {
    if (!account.accessTokenEnc) throw new ProviderError(account.platform, 'auth_expired', `${account.displayName} must be re-connected`);
    if (account.tokenExpiresAt && account.tokenExpiresAt.getTime() <= Date.now()) {
      if (account.refreshTokenEnc) return (await this.refresh(account)).token;
      throw new ProviderError(account.platform, 'auth_expired', `The ${account.platform} token of ${account.displayName} expired; re-connect it in Settings`);
    }
    return this.crypto.decrypt(account.accessTokenEnc, aad(account.id));
  }

  /** The platform refused our token: the advisor must re-connect; they are told so. */
  async markReconnectRequired(account: SocialAccount, reason: string): Promise<void> {
    if (account.status === 'reconnect_required' || account.status === 'disconnected') return;
    await this.repo.updateAccount(account.id, { status: 'reconnect_required', lastError: reason });
    await this.audit.record({ action: 'social_account.reconnect_required', subjectType: 'social_account', subjectId: account.id, firmId: account.firmId, data: { platform: account.platform, reason } });
    await this.notify(account, 'reconnect_required', `Re-connect ${account.displayName} (${account.platform}): ${reason}`);
  }

  /** Repeatable: refresh what can be refreshed, prompt a re-connect from N days before expiry, mark expired tokens. */
  async checkExpiries(now = new Date()): Promise<{ refreshed: number; expiring: number; expired: number }> {
    const warnMs = this.config.publishing.reconnectWarnDays * 86_400_000;
    const out = { refreshed: 0, expiring: 0, expired: 0 };
    for (const a of await this.repo.expiringAccounts(new Date(now.getTime() + warnMs))) {
      const canRefresh = Boolean(a.refreshTokenEnc) && (!a.refreshExpiresAt || a.refreshExpiresAt.getTime() > now.getTime());
      if (canRefresh) {
        try {
          await this.refresh(a);
          out.refreshed++;
          continue;
        } catch (err) {
          this.logger.warn({ err: String(err), account: a.id }, 'token refresh failed');
        }
      }
      const expired = !a.tokenExpiresAt || a.tokenExpiresAt.getTime() <= now.getTime();
      const next = expired ? 'expired' : 'expiring';
      if (a.status === next) continue;
      await this.repo.updateAccount(a.id, { status: next });
      await this.audit.record({ action: `social_account.${next}`, subjectType: 'social_account', subjectId: a.id, firmId: a.firmId, data: { platform: a.platform, tokenExpiresAt: a.tokenExpiresAt?.toISOString() ?? null } });
      const days = a.tokenExpiresAt ? Math.max(0, Math.ceil((a.tokenExpiresAt.getTime() - now.getTime()) / 86_400_000)) : 0;
      await this.notify(a, next, expired ? `${a.displayName} (${a.platform}) is disconnected: its access expired. Re-connect it to keep posting.` : `${a.displayName} (${a.platform}) stops working in ${days} day(s). Re-connect it now.`);
      out[next]++;
    }
    return out;
  }

  toDto(a: SocialAccount): ConnectionDto {
    const warnMs = this.config.publishing.reconnectWarnDays * 86_400_000;
    const msLeft = a.tokenExpiresAt ? a.tokenExpiresAt.getTime() - Date.now() : null;
    const broken = a.status === 'expired' || a.status === 'reconnect_required' || (msLeft !== null && msLeft <= 0);
    const warning = !broken && (a.status === 'expiring' || a.status === 'pending_page' || (msLeft !== null && msLeft < warnMs));
    const message = broken
      ? `Re-connect ${a.platform === 'linkedin' ? 'LinkedIn' : 'Facebook'} to keep posting${a.lastError ? ` (${a.lastError})` : ''}`
      : a.status === 'pending_page'
        ? 'Pick the Facebook Page to post to'
        : warning
          ? `Access expires in ${Math.max(0, Math.ceil((msLeft ?? 0) / 86_400_000))} day(s); re-connect to renew it`
          : null;
    return {
      id: a.id,
      platform: a.platform,
      displayName: a.displayName,
      externalId: a.externalId,
      status: a.status,
      health: broken ? 'error' : warning ? 'warning' : 'ok',
      tokenExpiresAt: a.tokenExpiresAt?.toISOString() ?? null,
      daysLeft: msLeft === null ? null : Math.max(0, Math.floor(msLeft / 86_400_000)),
      canRefresh: Boolean(a.refreshTokenEnc),
      message,
      connectedAt: a.createdAt.toISOString(),
    };
  }

  private async finishLinkedIn(intent: ConnectIntent, code: string): Promise<SocialAccount> {
    const tokens = await this.resilience.call('linkedin', (signal) => this.linkedin.exchangeCode(code, this.redirectUri('linkedin'), signal), { operation: 'oauth.token', retries: 0 });
    if (!tokens.scopes.includes('w_member_social'))
      throw new AppError('missing_permission', `LinkedIn did not grant ${LINKEDIN_SCOPES.filter((x) => !tokens.scopes.includes(x)).join(', ')}`);
    // LinkedIn may answer 401 REVOKED_ACCESS_TOKEN for a few seconds after login: one retry.
    const info = await this.resilience.call('linkedin', (signal) => this.linkedin.userinfo(tokens.accessToken, signal), { operation: 'userinfo', retries: 1 }).catch(async (err) => {
      if (!(err instanceof ProviderError) || err.kind !== 'auth_expired') throw err;
      await new Promise((r) => setTimeout(r, 1500));
      return this.resilience.call('linkedin', (signal) => this.linkedin.userinfo(tokens.accessToken, signal), { operation: 'userinfo', retries: 0 });
    });
    return this.dataSource.transaction(async (tx) => {
      const existing = await this.repo.liveAccount(intent.userId, 'linkedin', info.sub, tx);
      const id = existing?.id ?? randomUUID();
      const account = await this.repo.saveAccount(
        {
          ...(existing ?? {}),
          id,
          firmId: intent.firmId,
          advisorId: intent.userId,
          platform: 'linkedin',
          externalId: info.sub,
          displayName: info.name,
          status: 'active',
          accessTokenEnc: this.crypto.encrypt(tokens.accessToken, aad(id)),
          refreshTokenEnc: tokens.refreshToken ? this.crypto.encrypt(tokens.refreshToken, aad(id)) : null,
          tokenExpiresAt: new Date(Date.now() + tokens.expiresIn * 1000),
          refreshExpiresAt: tokens.refreshExpiresIn !== undefined ? new Date(Date.now() + tokens.refreshExpiresIn * 1000) : null,
          scopes: tokens.scopes,
          lastError: null,
        },
        tx,
      );
      await this.audit.record(
        { action: 'social_account.connected', subjectType: 'social_account', subjectId: id, firmId: intent.firmId, actor: { type: 'user', id: intent.userId, userId: intent.userId, firmId: intent.firmId }, data: { platform: 'linkedin', memberId: info.sub, refreshable: Boolean(tokens.refreshToken), scopes: tokens.scopes } },
        tx,
      );
      return account;
    });
  }

  private async finishFacebook(intent: ConnectIntent, code: string): Promise<SocialAccount> {
    const token = await this.resilience.call('facebook', (signal) => this.facebook.exchangeCode(code, this.redirectUri('facebook'), signal), { operation: 'oauth.token', retries: 0 });
    const [me, scopes] = await Promise.all([
      this.resilience.call('facebook', (signal) => this.facebook.me(token.accessToken, signal), { operation: 'me' }),
      this.resilience.call('facebook', (signal) => this.facebook.grantedScopes(token.accessToken, signal), { operation: 'me.permissions' }),
    ]);
    const missing = FACEBOOK_SCOPES.filter((x) => !scopes.includes(x));
    if (missing.length) throw new AppError('missing_permission', `Facebook did not grant ${missing.join(', ')}`);
    return this.dataSource.transaction(async (tx) => {
      const externalId = `user:${me.id}`;
      const existing = await this.repo.liveAccount(intent.userId, 'facebook', externalId, tx);
      const id = existing?.id ?? randomUUID();
      const account = await this.repo.saveAccount(
        {
          ...(existing ?? {}),
          id,
          firmId: intent.firmId,
          advisorId: intent.userId,
          platform: 'facebook',
          externalId,
          displayName: me.name,
          status: 'pending_page',
          userTokenEnc: this.crypto.encrypt(token.accessToken, aad(id)),
          tokenExpiresAt: token.expiresIn ? new Date(Date.now() + token.expiresIn * 1000) : null,
          scopes,
        },
        tx,
      );
      await this.audit.record(
        { action: 'social_account.facebook_login', subjectType: 'social_account', subjectId: id, firmId: intent.firmId, actor: { type: 'user', id: intent.userId, userId: intent.userId, firmId: intent.firmId }, data: { facebookUserId: me.id, scopes } },
        tx,
      );
      return account;
    });
  }

  private async facebookLogin(id: string): Promise<SocialAccount> {
    const account = await this.repo.ownAccount(id);
    if (!account) throw AppError.notFound('Connection');
    if (account.platform !== 'facebook' || !account.userTokenEnc)
      throw AppError.conflict(PublishingErrorCode.NOT_A_FACEBOOK_LOGIN, 'Pick a Page right after connecting Facebook; connect Facebook again to choose another Page');
    return account;
  }

  private userToken(account: SocialAccount): string {
    return this.crypto.decrypt(account.userTokenEnc!, aad(account.id));
  }

  private async refresh(account: SocialAccount): Promise<{ token: string }> {
    const refreshToken = this.crypto.decrypt(account.refreshTokenEnc!, aad(account.id));
    try {
      const t = await this.resilience.call('linkedin', (signal) => this.linkedin.refresh(refreshToken, signal), { operation: 'oauth.refresh' });
      await this.repo.updateAccount(account.id, {
        status: 'active',
        accessTokenEnc: this.crypto.encrypt(t.accessToken, aad(account.id)),
        ...(t.refreshToken ? { refreshTokenEnc: this.crypto.encrypt(t.refreshToken, aad(account.id)) } : {}),
        tokenExpiresAt: new Date(Date.now() + t.expiresIn * 1000),
        lastError: null,
      });
      await this.audit.record({ action: 'social_account.refreshed', subjectType: 'social_account', subjectId: account.id, firmId: account.firmId, data: { platform: account.platform } });
      return { token: t.accessToken };
    } catch (err) {
      if (err instanceof ProviderError && err.kind === 'auth_expired') await this.markReconnectRequired(account, 'LinkedIn refused the refresh token');
      throw err;
    }
  }

  private async notify(a: SocialAccount, kind: string, message: string): Promise<void> {
    await this.realtime.publish({
      type: 'notification',
      payload: { kind: `connection.${kind}`, connectionId: a.id, platform: a.platform, message, link: `${this.config.webOrigin}/settings#connections` },
      to: { userIds: [a.advisorId] },
    });
  }

  private redirectUri(platform: SocialPlatform): string {
    return `${this.config.publicUrl}/api/social/connections/${platform}/callback`;
  }

  private stateKey(state: string): string {
    return `${this.redisFactory.prefix}:social-oauth:${state}`;
  }
}
