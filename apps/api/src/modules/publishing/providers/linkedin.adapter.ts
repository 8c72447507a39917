import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../infra/config/config';
import { parseRetryAfter, ProviderError } from '../../../infra/resilience/provider-error';
import { LINKEDIN_MAX_LENGTH, renderLinkedInCommentary, toLinkedInCommentary } from '../formatting';
import { CreatedPost, DuplicatePostError, Lookup, PublishTarget, ReadBack, SocialPublisher } from './social-publisher.port';

export const LINKEDIN_SCOPES = ['openid', 'profile', 'email', 'w_member_social'];

export interface LinkedInTokens {
  accessToken: string;
  expiresIn: number;
  scopes: string[];
  refreshToken?: string;
  refreshExpiresIn?: number;
}

/** LinkedIn: OAuth 2.0 (member), /v2/userinfo, and member posts through the versioned Posts API. */
@Injectable()
export class LinkedInAdapter implements SocialPublisher {
  readonly platform = 'linkedin' as const;
  readonly maxLength = LINKEDIN_MAX_LENGTH;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get li() {
    return this.config.linkedin;
  }

  authorizeUrl(state: string, redirectUri: string): string {
    const q = new URLSearchParams({ response_type: 'code', client_id: this.li.clientId, redirect_uri: redirectUri, state, scope: LINKEDIN_SCOPES.join(' ') });
    return `${this.li.authBaseUrl}/authorization?${q.toString()}`;
  }

  async exchangeCode(code: string, redirectUri: string, signal: AbortSignal): Promise<LinkedInTokens> {
    return this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, signal);
  }

  async refresh(refreshToken: string, signal: AbortSignal): Promise<LinkedInTokens> {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken }, signal);
  }

  async userinfo(accessToken: string, signal: AbortSignal): Promise<{ sub: string; name: string; email?: string }> {
    const res = await this.fetch(`${this.li.apiBaseUrl}/v2/userinfo`, { headers: { authorization: `Bearer ${accessToken}` }, signal });
    const body = (await res.json().catch(() => ({}))) as { sub?: string; name?: string; email?: string } & LinkedInErrorBody;
    if (!res.ok || !body.sub) throw this.classify(res, body);
    return { sub: body.sub, name: body.name ?? body.email ?? body.sub, email: body.email };
  }

  format(text: string): string {
    return toLinkedInCommentary(text);
  }

  liveUrl(urn: string): string {
    return `https://www.linkedin.com/feed/update/${urn}/`;
  }

  async publish(target: PublishTarget, body: string, signal: AbortSignal): Promise<CreatedPost> {
    const res = await this.fetch(`${this.li.apiBaseUrl}/rest/posts`, {
      method: 'POST',
      headers: { ...this.restHeaders(target.accessToken), 'content-type': 'application/json' },
      body: JSON.stringify({
        author: `urn:li:person:${target.externalId}`,
        commentary: body,
        visibility: 'PUBLIC',
        distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
      }),
      signal,
    });
    if (res.status === 201) {
      const urn = res.headers.get('x-restli-id') ?? res.headers.get('x-linkedin-id');
      // Accepted without an id: the post may exist, and we cannot name it.
      if (!urn) throw new ProviderError('linkedin', 'retryable', 'LinkedIn accepted the post without an id', { code: 'NO_ID' });
      return { externalId: urn, liveUrl: this.liveUrl(urn) };
    }
    const err = (await res.json().catch(() => ({}))) as LinkedInErrorBody;
    const duplicate = err.errorDetails?.inputErrors?.some((e) => e.code === 'DUPLICATE_POST');
    if (res.status === 422 && duplicate) {
      const urn = /urn:li:(?:share|ugcPost):\d+/.exec(err.message ?? '')?.[0] ?? null;
      throw new DuplicatePostError('linkedin', 'LinkedIn reports this text was already posted', urn, res.status);
    }
    throw this.classify(res, err);
  }

  async readBack(target: PublishTarget, urn: string, signal: AbortSignal): Promise<ReadBack> {
    const res = await this.fetch(`${this.li.apiBaseUrl}/rest/posts/${encodeURIComponent(urn)}`, { headers: this.restHeaders(target.accessToken), signal });
    if (res.status === 404) return { found: false };
    const body = (await res.json().catch(() => ({}))) as { commentary?: string; lifecycleState?: string } & LinkedInErrorBody;
    if (!res.ok) throw this.classify(res, body);
    if (body.lifecycleState && body.lifecycleState !== 'PUBLISHED') return { found: false };
    return { found: true, text: body.commentary ?? '', liveUrl: this.liveUrl(urn) };
  }

  /** Listing a member's posts needs r_member_social, which self-serve apps do not get: a person checks instead. */
  async findRecent(): Promise<Lookup> {
    return { unsupported: 'LinkedIn does not let this app list a member’s posts' };
  }

  /** What a reader sees of a commentary, for comparing a read-back with the approved text. */
  rendered(commentary: string): string {
    return renderLinkedInCommentary(commentary);
  }

  private restHeaders(token: string): Record<string, string> {
    return { authorization: `Bearer ${token}`, 'linkedin-version': this.li.version, 'x-restli-protocol-version': '2.0.0' };
  }

  private async token(params: Record<string, string>, signal: AbortSignal): Promise<LinkedInTokens> {
    const res = await this.fetch(`${this.li.authBaseUrl}/accessToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, client_id: this.li.clientId, client_secret: this.li.clientSecret }),
      signal,
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok || typeof body.access_token !== 'string') {
      const code = String(body.error ?? res.status);
      if (code === 'invalid_grant') throw new ProviderError('linkedin', 'auth_expired', 'LinkedIn refused the grant (expired or revoked)', { status: res.status, code });
      if (res.status >= 500 || res.status === 429) throw new ProviderError('linkedin', 'retryable', `LinkedIn token endpoint answered ${res.status}`, { status: res.status });
      throw new ProviderError('linkedin', 'permanent', `LinkedIn token endpoint answered ${res.status} ${code}: ${String(body.error_description ?? '')}`, { status: res.status, code });
    }
    return {
      accessToken: body.access_token,
      expiresIn: Number(body.expires_in ?? 5_184_000),
      scopes: String(body.scope ?? '').split(/[\s,]+/).filter(Boolean),
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      refreshExpiresIn: body.refresh_token_expires_in !== undefined ? Number(body.refresh_token_expires_in) : undefined,
    };
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (err) {
      // No answer: the request may or may not have reached LinkedIn (no status on the error).
      throw new ProviderError('linkedin', 'retryable', `LinkedIn did not answer: ${(err as Error).message}`, { code: 'NO_RESPONSE' });
    }
  }

  private classify(res: Response, body: LinkedInErrorBody): ProviderError {
    const details = { status: res.status, code: body.code ?? (body.serviceErrorCode ? String(body.serviceErrorCode) : undefined) };
    const msg = `LinkedIn answered ${res.status}${body.code ? ` ${body.code}` : ''}: ${body.message ?? ''}`.trim();
    if (res.status === 401) return new ProviderError('linkedin', 'auth_expired', msg, details);
    if (res.status === 429) {
      // Daily limits reset at midnight UTC; LinkedIn sends no Retry-After.
      const untilMidnight = 86_400_000 - (Date.now() % 86_400_000);
      return new ProviderError('linkedin', 'rate_limited', msg, { ...details, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) ?? Math.min(untilMidnight, 3_600_000) });
    }
    if (res.status >= 500) return new ProviderError('linkedin', 'retryable', msg, { ...details, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) });
    return new ProviderError('linkedin', 'permanent', msg, details);
  }
}

interface LinkedInErrorBody {
  status?: number;
  code?: string;
  serviceErrorCode?: number;
  message?: string;
  errorDetails?: { inputErrors?: { code?: string }[] };
}
