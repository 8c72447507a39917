import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../../infra/config/config';
import { ProviderError } from '../../../infra/resilience/provider-error';
import { FACEBOOK_MAX_LENGTH } from '../formatting';
import { CreatedPost, DuplicatePostError, Lookup, PublishTarget, ReadBack, SocialPublisher } from './social-publisher.port';

export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'];

export interface FacebookPage {
  id: string;
  name: string;
  category?: string;
  accessToken: string;
  tasks: string[];
}

const THROTTLE_CODES = new Set([4, 17, 32, 613, 80001]);

/** Facebook: Login dialog, long-lived user tokens, the user's Pages and posting to a Page feed (Graph API). */
@Injectable()
export class FacebookAdapter implements SocialPublisher {
  readonly platform = 'facebook' as const;
  readonly maxLength = FACEBOOK_MAX_LENGTH;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get fb() {
    return this.config.facebook;
  }

  private graph(path: string): string {
    return `${this.fb.graphBaseUrl}/${this.fb.graphVersion}${path}`;
  }

  dialogUrl(state: string, redirectUri: string): string {
    const q = new URLSearchParams({ client_id: this.fb.appId, redirect_uri: redirectUri, state, response_type: 'code', scope: FACEBOOK_SCOPES.join(',') });
    return `${this.fb.wwwBaseUrl}/${this.fb.graphVersion}/dialog/oauth?${q.toString()}`;
  }

  /** Code → user token → long-lived user token (~60 days); Page tokens obtained with it do not expire. */
  async exchangeCode(code: string, redirectUri: string, signal: AbortSignal): Promise<{ accessToken: string; expiresIn: number | null }> {
    const short = await this.get<{ access_token: string }>(
      `/oauth/access_token?${new URLSearchParams({ client_id: this.fb.appId, client_secret: this.fb.appSecret, redirect_uri: redirectUri, code }).toString()}`,
      signal,
    );
    const long = await this.get<{ access_token: string; expires_in?: number }>(
      `/oauth/access_token?${new URLSearchParams({ grant_type: 'fb_exchange_token', client_id: this.fb.appId, client_secret: this.fb.appSecret, fb_exchange_token: short.access_token }).toString()}`,
      signal,
    );
    return { accessToken: long.access_token, expiresIn: long.expires_in ?? null };
  }

  async me(userToken: string, signal: AbortSignal): Promise<{ id: string; name: string }> {
    return this.get(`/me?${this.auth(userToken, { fields: 'id,name' })}`, signal);
  }

  async grantedScopes(userToken: string, signal: AbortSignal): Promise<string[]> {
    const body = await this.get<{ data: { permission: string; status: string }[] }>(`/me/permissions?${this.auth(userToken)}`, signal);
    return body.data.filter((p) => p.status === 'granted').map((p) => p.permission);
  }

  /** Every Page the user shared with the app, following `paging.next`. */
  async pages(userToken: string, signal: AbortSignal): Promise<FacebookPage[]> {
    const out: FacebookPage[] = [];
    let url: string | undefined = this.graph(`/me/accounts?${this.auth(userToken, { fields: 'id,name,category,access_token,tasks', limit: '25' })}`);
    for (let i = 0; url && i < 20; i++) {
      const body: { data: { id: string; name: string; category?: string; access_token: string; tasks?: string[] }[]; paging?: { next?: string } } = await this.getUrl(url, signal);
      out.push(...body.data.map((p) => ({ id: p.id, name: p.name, category: p.category, accessToken: p.access_token, tasks: p.tasks ?? [] })));
      url = body.paging?.next;
    }
    return out;
  }

  format(text: string): string {
    return text;
  }

  liveUrl(externalId: string): string {
    const [page, post] = externalId.split('_');
    return `https://www.facebook.com/${page}/posts/${post ?? ''}`;
  }

  async publish(target: PublishTarget, body: string, signal: AbortSignal): Promise<CreatedPost> {
    const res = await this.fetch(this.graph(`/${target.externalId}/feed`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ message: body, published: 'true', access_token: target.accessToken, appsecret_proof: this.proof(target.accessToken) }),
      signal,
    });
    const json = (await res.json().catch(() => ({}))) as { id?: string } & GraphErrorBody;
    if (res.ok && json.id) return { externalId: json.id, liveUrl: this.liveUrl(json.id) };
    if (res.ok) throw new ProviderError('facebook', 'retryable', 'Facebook accepted the post without an id', { code: 'NO_ID' });
    if (json.error?.code === 506) throw new DuplicatePostError('facebook', 'Facebook reports this message was already posted to the Page', null, res.status);
    throw this.classify(res, json);
  }

  async readBack(target: PublishTarget, postId: string, signal: AbortSignal): Promise<ReadBack> {
    const res = await this.fetch(this.graph(`/${postId}?${this.auth(target.accessToken, { fields: 'id,message,permalink_url,is_published' })}`), { signal });
    const json = (await res.json().catch(() => ({}))) as { message?: string; permalink_url?: string; is_published?: boolean } & GraphErrorBody;
    if (!res.ok) {
      if (json.error?.code === 100) return { found: false };
      throw this.classify(res, json);
    }
    if (json.is_published === false) return { found: false };
    return { found: true, text: json.message ?? '', liveUrl: json.permalink_url ?? this.liveUrl(postId) };
  }

  /** Lists the Page's recent published posts (pages_read_engagement) and matches the exact message. */
  async findRecent(target: PublishTarget, body: string, since: Date, signal: AbortSignal): Promise<Lookup> {
    const q = this.auth(target.accessToken, { fields: 'id,message,created_time', since: String(Math.floor(since.getTime() / 1000)), limit: '100' });
    const res = await this.fetch(this.graph(`/${target.externalId}/published_posts?${q}`), { signal });
    const json = (await res.json().catch(() => ({}))) as { data?: { id: string; message?: string }[] } & GraphErrorBody;
    if (!res.ok || !Array.isArray(json.data)) {
      if (json.error && !THROTTLE_CODES.has(json.error.code ?? 0) && json.error.code !== 190) return { unsupported: `Facebook did not list the Page's posts: ${json.error.message ?? res.status}` };
      throw this.classify(res, json);
    }
    const match = json.data.find((p) => p.message === body);
    return match ? { found: { externalId: match.id, liveUrl: this.liveUrl(match.id) } } : { notFound: true };
  }

  private proof(token: string): string {
    return createHmac('sha256', this.fb.appSecret).update(token).digest('hex');
  }

  private auth(token: string, extra: Record<string, string> = {}): string {
    return new URLSearchParams({ ...extra, access_token: token, appsecret_proof: this.proof(token) }).toString();
  }

  private get<T>(path: string, signal: AbortSignal): Promise<T> {
    return this.getUrl<T>(this.graph(path), signal);
  }

  private async getUrl<T>(url: string, signal: AbortSignal): Promise<T> {
    const res = await this.fetch(url, { signal });
    const json = (await res.json().catch(() => ({}))) as T & GraphErrorBody;
    if (!res.ok || json.error) throw this.classify(res, json);
    return json;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (err) {
      throw new ProviderError('facebook', 'retryable', `Facebook did not answer: ${(err as Error).message}`, { code: 'NO_RESPONSE' });
    }
  }

  /** Graph errors are classified by code, not HTTP status (throttling comes back as 400). */
  private classify(res: Response, body: GraphErrorBody): ProviderError {
    const e = body.error ?? {};
    const code = e.code ?? 0;
    const details = { status: res.status, code: String(code || res.status) };
    const msg = `Facebook answered ${res.status} (#${code}${e.error_subcode ? `/${e.error_subcode}` : ''}): ${e.message ?? ''}`;
    if (code === 190) return new ProviderError('facebook', 'auth_expired', msg, details);
    if (THROTTLE_CODES.has(code)) {
      let retryAfterMs: number | undefined;
      try {
        const buc = JSON.parse(res.headers.get('x-business-use-case-usage') ?? '{}') as Record<string, { estimated_time_to_regain_access?: number }[]>;
        const minutes = Math.max(0, ...Object.values(buc).flat().map((u) => u.estimated_time_to_regain_access ?? 0));
        if (minutes > 0) retryAfterMs = minutes * 60_000;
      } catch {
        // a malformed usage header only loses the hint
      }
      return new ProviderError('facebook', 'rate_limited', msg, { ...details, retryAfterMs });
    }
    if (code === 1 || code === 2 || e.is_transient || res.status >= 500) return new ProviderError('facebook', 'retryable', msg, details);
    return new ProviderError('facebook', 'permanent', msg, details);
  }
}

interface GraphErrorBody {
  error?: { message?: string; code?: number; error_subcode?: number; is_transient?: boolean };
}
