import express, { type Request, type Response, type Router } from 'express';
import { AdminError } from '../core/admin-error';
import type { SandboxContext } from '../core/context';
import type { FaultShape } from '../core/faults';
import { bearer, escapeHtml, hashInt, PAGE_STYLE, randomToken, str, withParams } from '../core/http';
import { JwtSigner } from '../core/jwt';
import { applyLittleText } from './little-text';

export const linkedinFaultShape: FaultShape = (kind, status) => {
  if (kind === 'expired_token') return { status: 401, body: { status: 401, serviceErrorCode: 65602, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' } };
  if (kind === 'revoked_token') return { status: 401, body: { status: 401, serviceErrorCode: 65601, code: 'REVOKED_ACCESS_TOKEN', message: 'The token used in the request has been revoked by the user' } };
  if (status === 401) return { status, body: { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' } };
  if (kind === 'rate_limit' || status === 429) return { status, body: { status: 429, message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' } };
  if (status >= 500) return { status, body: { status, message: status === 504 ? 'Gateway Timeout' : 'Internal Server Error' } };
  return { status, body: { status, message: 'Bad Request' } };
};

interface Member {
  sub: string;
  email: string;
  name: string;
  givenName: string;
  familyName: string;
}

interface LiToken {
  token: string;
  sub: string;
  scope: string[];
  createdMs: number;
  expiresMs: number;
  revoked: boolean;
}

interface LiRefresh {
  token: string;
  sub: string;
  scope: string[];
  expiresMs: number;
  revoked: boolean;
}

interface LiPost {
  urn: string;
  author: string;
  sub: string;
  via: 'posts' | 'ugcPosts';
  raw: string;
  commentary: string;
  text: string;
  truncated: boolean;
  visibility: string;
  lifecycleState: string;
  distribution?: unknown;
  content?: unknown;
  ghost: boolean;
  createdMs: number;
  deleted: boolean;
}

const SEED_MEMBERS: [string, string][] = [
  ['Ann Lee', 'ann.lee@leewealth.example'],
  ['Marcus Chen', 'marcus.chen@leewealth.example'],
  ['David Okafor', 'david.okafor@harborviewfp.example'],
];

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function memberId(email: string): string {
  let out = '';
  for (let i = 0; out.length < 10; i++) out += B62[hashInt(`${email}#${i}`) % 62];
  return out;
}

interface Settings {
  partnerMode: boolean;
  memberDailyLimit: number;
  appDailyLimit: number;
  inactiveVersions: string[];
  /** Versions older than this many months (sandbox clock) answer 426; LinkedIn keeps one about 12 months. */
  maxVersionAgeMonths: number;
  /** Tokens younger than this many seconds answer 401 REVOKED_ACCESS_TOKEN (seen right after login); 0 = off. */
  freshTokenGraceSeconds: number;
  ghost: boolean;
  ghostMembers: string[];
  autoApprove: boolean;
  defaultMember: string;
  deny: boolean;
}
const DEFAULT_SETTINGS = (): Settings => ({ partnerMode: false, memberDailyLimit: 150, appDailyLimit: 100_000, inactiveVersions: [], maxVersionAgeMonths: 24, freshTokenGraceSeconds: 0, ghost: false, ghostMembers: [], autoApprove: false, defaultMember: '', deny: false });

export interface LinkedInModule {
  router: Router;
  admin: Router;
  reset(): void;
}

export function createLinkedInModule(ctx: SandboxContext): LinkedInModule {
  const { config, clock, inspector } = ctx;
  ctx.faults.registerShape('linkedin', linkedinFaultShape);
  const signer = new JwtSigner();
  const members = new Map<string, Member>();
  const codes = new Map<string, { sub: string; redirectUri: string; scope: string[]; expiresMs: number; used: boolean }>();
  const tokens = new Map<string, LiToken>();
  const refreshTokens = new Map<string, LiRefresh>();
  const firstConsent = new Map<string, number>();
  const posts = new Map<string, LiPost>();
  const usage = new Map<string, number>();
  let settings = DEFAULT_SETTINGS();
  let shareSeq = 0;

  const addMember = (name: string, email: string): Member => {
    const existing = [...members.values()].find((m) => m.email === email.toLowerCase());
    if (existing) return existing;
    const [given, ...rest] = name.split(' ');
    const m: Member = { sub: memberId(email.toLowerCase()), email: email.toLowerCase(), name, givenName: given, familyName: rest.join(' ') };
    members.set(m.sub, m);
    return m;
  };
  const seed = () => SEED_MEMBERS.forEach(([n, e]) => addMember(n, e));
  seed();
  const findMember = (idOrEmail: string) => members.get(idOrEmail) ?? [...members.values()].find((m) => m.email === idOrEmail.toLowerCase());

  inspector.registerSnapshot('linkedin', () => ({
    members: [...members.values()].map((m) => ({ sub: m.sub, email: m.email, name: m.name })),
    tokens: [...tokens.values()].map((t) => ({ email: members.get(t.sub)?.email, token: t.token.slice(0, 12) + '…', scope: t.scope.join(','), expiresAt: new Date(t.expiresMs).toISOString(), revoked: t.revoked })),
    posts: [...posts.values()].map((p) => ({
      urn: p.urn,
      author: p.author,
      member: members.get(p.sub)?.email,
      text: p.text,
      commentary: p.commentary,
      truncated: p.truncated,
      visible: !p.ghost && !p.deleted,
      ghost: p.ghost,
      via: p.via,
      lifecycleState: p.lifecycleState,
      createdAt: new Date(p.createdMs).toISOString(),
    })),
    settings,
  }));

  const liError = (res: Response, status: number, message: string, extra: Record<string, unknown> = {}) => res.status(status).json({ status, message, ...extra });
  const dayKey = () => new Date(clock.nowMs()).toISOString().slice(0, 10);

  const router = express.Router();
  router.use(express.urlencoded({ extended: false }));
  router.use(express.json({ limit: '1mb' }));

  // ---------- OAuth ----------
  const errorPage = (res: Response, status: number, msg: string) => res.status(status).type('html').send(`<!doctype html><title>LinkedIn</title><style>${PAGE_STYLE}</style><h1>${escapeHtml(msg)}</h1>`);
  const AUTH_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'state', 'scope'];

  function approve(res: Response, p: Record<string, string | undefined>, idOrEmail: string) {
    const m = findMember(idOrEmail);
    if (!m) return errorPage(res, 400, `No sandbox member ${idOrEmail}`);
    const scope = (p.scope ?? '').split(/[\s,]+/).filter(Boolean);
    const code = `AQ${randomToken(40)}`;
    codes.set(code, { sub: m.sub, redirectUri: p.redirect_uri as string, scope, expiresMs: clock.nowMs() + 30 * 60_000, used: false });
    if (!firstConsent.has(m.sub)) firstConsent.set(m.sub, clock.nowMs());
    inspector.record('linkedin', 'consent', { email: m.email, scope: scope.join(' ') });
    res.redirect(302, withParams(p.redirect_uri as string, { code, state: p.state }));
  }
  function deny(res: Response, p: Record<string, string | undefined>) {
    res.redirect(302, withParams(p.redirect_uri as string, { error: 'user_cancelled_authorize', error_description: 'The user cancelled the authorization', state: p.state }));
  }
  function checkAuthParams(p: Record<string, string | undefined>, res: Response): boolean {
    if (p.client_id !== config.linkedinClientId) return (errorPage(res, 400, 'Invalid client_id (the application could not be found)'), false);
    if (!p.redirect_uri || !/^https?:\/\//.test(p.redirect_uri)) return (errorPage(res, 400, 'The redirect_uri does not match the registered value'), false);
    if (p.response_type !== 'code') return (errorPage(res, 400, 'response_type must be code'), false);
    return true;
  }

  router.get('/oauth/v2/authorization', (req, res) => {
    const p: Record<string, string | undefined> = {};
    for (const k of AUTH_PARAMS) p[k] = str(req.query[k]);
    if (!checkAuthParams(p, res)) return;
    if (str(req.query.sandbox_deny) === '1' || settings.deny) return deny(res, p);
    const hint = str(req.query.login_hint) || settings.defaultMember;
    if ((str(req.query.sandbox_auto) === '1' || settings.autoApprove) && hint) return approve(res, p, hint);
    const hidden = AUTH_PARAMS.filter((k) => p[k] !== undefined)
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p[k])}">`)
      .join('');
    res.type('html').send(`<!doctype html><html><head><title>LinkedIn sign in (sandbox)</title><style>${PAGE_STYLE}</style></head><body>
<h1>Sign in to LinkedIn</h1><p class="muted">Sandbox: app <code>${escapeHtml(p.client_id)}</code> asks for <code>${escapeHtml(p.scope)}</code></p>
<form method="post" action="authorization/decision">${hidden}
<div class="card">${[...members.values()].map((m) => `<button class="primary" name="member" value="${escapeHtml(m.sub)}" data-account="${escapeHtml(m.email)}">Allow as ${escapeHtml(m.name)} &lt;${escapeHtml(m.email)}&gt;</button><br>`).join('')}</div>
<div class="card"><b>Another member</b><br><input name="new_email" type="email" placeholder="email"> <input name="new_name" placeholder="Full name"> <button name="member" value="__new__">Add and allow</button></div>
<button class="deny" name="decision" value="cancel">Cancel</button></form></body></html>`);
  });
  router.post('/oauth/v2/authorization/decision', (req, res) => {
    const b = req.body as Record<string, unknown>;
    const p: Record<string, string | undefined> = {};
    for (const k of AUTH_PARAMS) p[k] = str(b[k]);
    if (!checkAuthParams(p, res)) return;
    if (str(b.decision) === 'cancel') return deny(res, p);
    let id = str(b.member);
    if (id === '__new__') {
      const email = str(b.new_email)?.trim();
      if (!email || !email.includes('@')) return errorPage(res, 400, 'Enter a valid email');
      id = addMember(str(b.new_name)?.trim() || email.split('@')[0], email).sub;
    }
    if (!id) return errorPage(res, 400, 'Pick a member');
    approve(res, p, id);
  });

  const tokenError = (res: Response, status: number, error: string, description: string) => res.status(status).json({ error, error_description: description });

  function issue(sub: string, scope: string[], withRefresh: boolean) {
    const t: LiToken = { token: `AQV${randomToken(60)}`, sub, scope, createdMs: clock.nowMs(), expiresMs: clock.nowMs() + 5_184_000_000, revoked: false };
    tokens.set(t.token, t);
    const body: Record<string, unknown> = { access_token: t.token, expires_in: 5_184_000, scope: [...scope].sort().join(','), token_type: 'Bearer' };
    const m = members.get(sub) as Member;
    if (scope.includes('openid')) {
      const now = Math.floor(clock.nowMs() / 1000);
      body.id_token = signer.sign({ iss: 'https://www.linkedin.com/oauth', aud: config.linkedinClientId, iat: now, exp: now + 3600, sub, name: m.name, given_name: m.givenName, family_name: m.familyName, email: m.email, email_verified: 'true', locale: 'en_US' });
    }
    if (withRefresh) {
      let rt = [...refreshTokens.values()].find((r) => r.sub === sub && !r.revoked);
      if (!rt) {
        rt = { token: `AQX${randomToken(60)}`, sub, scope, expiresMs: (firstConsent.get(sub) ?? clock.nowMs()) + 365 * 86_400_000, revoked: false };
        refreshTokens.set(rt.token, rt);
      }
      body.refresh_token = rt.token;
      body.refresh_token_expires_in = Math.max(0, Math.floor((rt.expiresMs - clock.nowMs()) / 1000));
    }
    inspector.record('linkedin', 'token_issued', { email: m.email, scope: body.scope, refresh_token: withRefresh });
    return body;
  }

  router.post('/oauth/v2/accessToken', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (str(b.client_id) !== config.linkedinClientId || str(b.client_secret) !== config.linkedinClientSecret)
      return tokenError(res, 401, 'invalid_client', 'Client authentication failed');
    const grant = str(b.grant_type);
    if (grant === 'authorization_code') {
      const c = codes.get(str(b.code) ?? '');
      if (!c || c.used || clock.nowMs() > c.expiresMs || c.redirectUri !== str(b.redirect_uri)) {
        if (c) c.used = true;
        return tokenError(res, 400, 'invalid_request', 'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists');
      }
      c.used = true;
      return res.json(issue(c.sub, c.scope, settings.partnerMode));
    }
    if (grant === 'refresh_token') {
      const rt = refreshTokens.get(str(b.refresh_token) ?? '');
      if (!rt || rt.revoked || clock.nowMs() >= rt.expiresMs) return tokenError(res, 400, 'invalid_grant', 'The provided authorization grant or refresh token is invalid, expired or revoked.');
      return res.json(issue(rt.sub, rt.scope, true));
    }
    return tokenError(res, 400, 'invalid_request', `A required parameter "grant_type" is missing or invalid`);
  });

  router.post('/oauth/v2/introspectToken', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (str(b.client_id) !== config.linkedinClientId || str(b.client_secret) !== config.linkedinClientSecret) return tokenError(res, 401, 'invalid_client', 'Client authentication failed');
    const t = tokens.get(str(b.token) ?? '');
    if (!t) return res.json({ active: false });
    const status = t.revoked ? 'revoked' : clock.nowMs() >= t.expiresMs ? 'expired' : 'active';
    res.json({
      active: status === 'active',
      client_id: config.linkedinClientId,
      authorized_at: Math.floor(t.createdMs / 1000),
      created_at: Math.floor(t.createdMs / 1000),
      status,
      expires_at: Math.floor(t.expiresMs / 1000),
      scope: t.scope.join(','),
      auth_type: '3L',
    });
  });
  router.get('/oauth/openid/jwks', (_req, res) => res.json({ keys: [signer.jwk] }));

  // ---------- API auth ----------
  function authMember(req: Request, res: Response): { m: Member; t: LiToken } | undefined {
    const tok = bearer(req);
    const t = tok ? tokens.get(tok) : undefined;
    if (!t) return void liError(res, 401, 'Invalid access token', { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN' });
    if (t.revoked) return void liError(res, 401, 'The token used in the request has been revoked by the user', { serviceErrorCode: 65601, code: 'REVOKED_ACCESS_TOKEN' });
    if (clock.nowMs() >= t.expiresMs) return void liError(res, 401, 'The token used in the request has expired', { serviceErrorCode: 65602, code: 'EXPIRED_ACCESS_TOKEN' });
    if (settings.freshTokenGraceSeconds > 0 && clock.nowMs() - t.createdMs < settings.freshTokenGraceSeconds * 1000)
      return void liError(res, 401, 'The token used in the request has been revoked by the user', { serviceErrorCode: 65601, code: 'REVOKED_ACCESS_TOKEN' });
    return { m: members.get(t.sub) as Member, t };
  }

  router.get('/v2/userinfo', (req, res) => {
    const a = authMember(req, res);
    if (!a) return;
    if (!a.t.scope.includes('openid')) return liError(res, 403, 'Not enough permissions to access: userinfo.GET.NO_VERSION', { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    const body: Record<string, unknown> = { sub: a.m.sub, locale: { country: 'US', language: 'en' } };
    if (a.t.scope.includes('profile')) Object.assign(body, { name: a.m.name, given_name: a.m.givenName, family_name: a.m.familyName, picture: `https://media.licdn.com/dms/image/sandbox/${a.m.sub}/profile-displayphoto-shrink_100_100/0/` });
    if (a.t.scope.includes('email')) Object.assign(body, { email: a.m.email, email_verified: true });
    res.json(body);
  });

  /** Versioned-API headers: LinkedIn-Version (active YYYYMM) and X-Restli-Protocol-Version. */
  function checkHeaders(req: Request, res: Response, versioned: boolean): boolean {
    if (versioned) {
      const v = req.header('linkedin-version');
      if (!v) return (liError(res, 400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', { code: 'VERSION_MISSING' }), false);
      const m = /^(\d{4})(\d{2})(?:\.\d{2})?$/.exec(v.trim());
      const now = new Date(clock.nowMs());
      const monthsOld = m ? (now.getUTCFullYear() - Number(m[1])) * 12 + (now.getUTCMonth() + 1 - Number(m[2])) : NaN;
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || monthsOld < 0 || monthsOld > settings.maxVersionAgeMonths || settings.inactiveVersions.includes(v.trim()))
        return (liError(res, 426, `Requested version ${v} is not active`, { code: 'NONEXISTENT_VERSION' }), false);
    }
    if (req.header('x-restli-protocol-version') !== '2.0.0') return (liError(res, 400, 'X-Restli-Protocol-Version: 2.0.0 header is required'), false);
    return true;
  }

  function quota(res: Response, sub: string): boolean {
    const day = dayKey();
    const mk = `${day}|${sub}`;
    const ak = `${day}|app`;
    const mc = (usage.get(mk) ?? 0) + 1;
    const ac = (usage.get(ak) ?? 0) + 1;
    if (ac > settings.appDailyLimit) return (liError(res, 429, 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.'), false);
    if (mc > settings.memberDailyLimit) return (liError(res, 429, 'Resource level throttle MEMBER DAY limit for calls to this resource is reached.'), false);
    usage.set(mk, mc);
    usage.set(ak, ac);
    return true;
  }

  function createPost(res: Response, m: Member, raw: string, via: LiPost['via'], fields: Partial<LiPost>): LiPost | undefined {
    const dup = [...posts.values()].find((p) => p.sub === m.sub && p.raw === raw && raw !== '' && !p.deleted && clock.nowMs() - p.createdMs < 86_400_000);
    if (dup) {
      liError(res, 422, `Content is a duplicate of ${dup.urn}`, { errorDetails: { inputErrors: [{ code: 'DUPLICATE_POST', description: 'Duplicate post is detected', input: {} }] } });
      return undefined;
    }
    const lt = via === 'posts' ? applyLittleText(raw) : { stored: raw, rendered: raw, truncated: false };
    const urn = `urn:li:share:${7_012_345_678_901_234_567n + BigInt(++shareSeq) * 1_000_003n}`;
    const ghost = settings.ghost || settings.ghostMembers.includes(m.sub) || settings.ghostMembers.includes(m.email);
    const post: LiPost = {
      urn,
      author: `urn:li:person:${m.sub}`,
      sub: m.sub,
      via,
      raw,
      commentary: lt.stored,
      text: lt.rendered,
      truncated: lt.truncated,
      visibility: 'PUBLIC',
      lifecycleState: 'PUBLISHED',
      ghost,
      createdMs: clock.nowMs(),
      deleted: false,
      ...fields,
    };
    posts.set(urn, post);
    inspector.record('linkedin', 'post_published', { urn, member: m.email, text: post.text, truncated: post.truncated, ghost, via });
    return post;
  }

  function postJson(p: LiPost) {
    return {
      id: p.urn,
      author: p.author,
      commentary: p.commentary,
      visibility: p.visibility,
      lifecycleState: p.lifecycleState,
      distribution: p.distribution ?? { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      ...(p.content ? { content: p.content } : {}),
      isReshareDisabledByAuthor: false,
      lifecycleStateInfo: { isEditedByAuthor: false },
      createdAt: p.createdMs,
      lastModifiedAt: p.createdMs,
      publishedAt: p.createdMs,
    };
  }

  router.post('/rest/posts', (req, res) => {
    const a = authMember(req, res);
    if (!a || !checkHeaders(req, res, true)) return;
    if (!a.t.scope.includes('w_member_social')) return liError(res, 403, 'Not enough permissions to access: partnerApiPostsExternal.CREATE.20240101', { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    const b = (req.body ?? {}) as Record<string, unknown>;
    const field = (path: string, msg: string) => liError(res, 400, `ERROR :: ${path} :: ${msg}`, { code: 'INVALID_REQUEST' });
    if (typeof b.author !== 'string') return field('/author', 'field is required but not found and has no default value');
    if (b.author !== `urn:li:person:${a.m.sub}`) return liError(res, 403, `Member ${a.m.sub} does not have permission to create content on behalf of ${b.author}`, { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'].includes(String(b.visibility))) return field('/visibility', `"${String(b.visibility)}" is not an enum symbol`);
    if (!['PUBLISHED', 'DRAFT'].includes(String(b.lifecycleState))) return field('/lifecycleState', `"${String(b.lifecycleState)}" is not an enum symbol`);
    if (typeof b.distribution !== 'object' || b.distribution === null) return field('/distribution', 'field is required but not found and has no default value');
    if (b.commentary !== undefined && typeof b.commentary !== 'string') return field('/commentary', 'expected a string');
    const raw = (b.commentary as string | undefined) ?? '';
    if (!raw && !b.content) return field('/commentary', 'commentary or content is required');
    if (raw.length > 3000) return field('/commentary', `length of ${raw.length} exceeds the maximum allowed length of 3000`);
    if (!quota(res, a.m.sub)) return;
    const post = createPost(res, a.m, raw, 'posts', { visibility: String(b.visibility), lifecycleState: String(b.lifecycleState), distribution: b.distribution, content: b.content });
    if (!post) return;
    res.setHeader('x-restli-id', post.urn);
    res.setHeader('x-linkedin-id', post.urn);
    res.status(201).end();
  });

  router.get('/rest/posts/:urn', (req, res) => {
    const a = authMember(req, res);
    if (!a || !checkHeaders(req, res, true)) return;
    const p = posts.get(String(req.params.urn));
    if (!p || p.ghost || p.deleted) return liError(res, 404, `Not Found: ${req.params.urn}`, { code: 'NOT_FOUND' });
    res.json(postJson(p));
  });

  router.delete('/rest/posts/:urn', (req, res) => {
    const a = authMember(req, res);
    if (!a || !checkHeaders(req, res, true)) return;
    const p = posts.get(String(req.params.urn));
    if (!p || p.ghost || p.deleted) return liError(res, 404, `Not Found: ${req.params.urn}`, { code: 'NOT_FOUND' });
    if (p.sub !== a.m.sub) return liError(res, 403, 'Not enough permissions to delete this post', { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    p.deleted = true;
    res.status(204).end();
  });

  router.post('/v2/ugcPosts', (req, res) => {
    const a = authMember(req, res);
    if (!a || !checkHeaders(req, res, false)) return;
    if (!a.t.scope.includes('w_member_social')) return liError(res, 403, 'Not enough permissions to access: ugcPosts.CREATE.NO_VERSION', { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    const b = (req.body ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (b.author !== `urn:li:person:${a.m.sub}`) return liError(res, 403, `Member ${a.m.sub} does not have permission to create content on behalf of ${String(b.author)}`, { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    const share = b.specificContent?.['com.linkedin.ugc.ShareContent'];
    const text = share?.shareCommentary?.text;
    if (typeof text !== 'string') return liError(res, 422, 'ERROR :: /specificContent/com.linkedin.ugc.ShareContent/shareCommentary/text :: field is required', { code: 'INVALID_REQUEST' });
    if (text.length > 3000) return liError(res, 422, `ERROR :: /specificContent/com.linkedin.ugc.ShareContent/shareCommentary/text :: length of ${text.length} exceeds 3000`);
    const visibility = b.visibility?.['com.linkedin.ugc.MemberNetworkVisibility'];
    if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'].includes(String(visibility))) return liError(res, 422, 'ERROR :: /visibility/com.linkedin.ugc.MemberNetworkVisibility :: invalid enum value');
    if (!quota(res, a.m.sub)) return;
    const post = createPost(res, a.m, text, 'ugcPosts', { visibility: String(visibility), lifecycleState: String(b.lifecycleState ?? 'PUBLISHED'), content: share.media });
    if (!post) return;
    res.setHeader('x-restli-id', post.urn);
    res.status(201).json({ id: post.urn });
  });

  router.get('/v2/ugcPosts/:urn', (req, res) => {
    const a = authMember(req, res);
    if (!a) return;
    const p = posts.get(String(req.params.urn));
    if (!p || p.ghost || p.deleted) return liError(res, 404, `Not Found: ${req.params.urn}`);
    res.json({
      id: p.urn,
      author: p.author,
      lifecycleState: p.lifecycleState,
      specificContent: { 'com.linkedin.ugc.ShareContent': { shareCommentary: { text: p.commentary }, shareMediaCategory: p.content ? 'ARTICLE' : 'NONE', ...(p.content ? { media: p.content } : {}) } },
      visibility: { 'com.linkedin.ugc.MemberNetworkVisibility': p.visibility },
      created: { actor: p.author, time: p.createdMs },
      firstPublishedAt: p.createdMs,
    });
  });

  router.use((_req, res) => liError(res, 404, 'Resource not found'));

  // ---------- admin ----------
  const admin = express.Router();
  admin.use(express.json());
  admin.get('/settings', (_req, res) => res.json(settings));
  admin.put('/settings', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const def = DEFAULT_SETTINGS() as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(b)) {
      if (!(k in def)) throw new AdminError(`unknown setting "${k}" (known: ${Object.keys(def).join(', ')})`);
      const want = Array.isArray(def[k]) ? 'array' : typeof def[k];
      const got = Array.isArray(v) ? 'array' : typeof v;
      if (want !== got) throw new AdminError(`${k} must be ${want === 'array' ? 'an array of strings' : `a ${want}`}`);
      if (want === 'number' && ((v as number) < 0 || !Number.isInteger(v))) throw new AdminError(`${k} must be an integer >= 0`);
    }
    settings = { ...settings, ...(b as Partial<Settings>) };
    res.json(settings);
  });
  admin.post('/members', (req, res) => {
    const { email, name } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof email !== 'string' || !email.includes('@')) throw new AdminError('email is required');
    res.status(201).json(addMember(typeof name === 'string' ? name : email.split('@')[0], email));
  });
  admin.get('/members', (_req, res) => res.json({ members: [...members.values()] }));
  admin.post('/members/:id/revoke', (req, res) => {
    const m = findMember(String(req.params.id));
    if (!m) throw new AdminError(`unknown member ${req.params.id}`, 404);
    let n = 0;
    for (const t of tokens.values()) if (t.sub === m.sub && !t.revoked) ((t.revoked = true), n++);
    for (const t of refreshTokens.values()) if (t.sub === m.sub) t.revoked = true;
    res.json({ revoked: n });
  });
  admin.post('/members/:id/expire-tokens', (req, res) => {
    const m = findMember(String(req.params.id));
    if (!m) throw new AdminError(`unknown member ${req.params.id}`, 404);
    let n = 0;
    for (const t of tokens.values()) if (t.sub === m.sub && t.expiresMs > clock.nowMs()) ((t.expiresMs = clock.nowMs()), n++);
    res.json({ expired: n });
  });
  admin.get('/posts', (_req, res) => res.json({ posts: [...posts.values()] }));

  return {
    router,
    admin,
    reset: () => {
      members.clear();
      codes.clear();
      tokens.clear();
      refreshTokens.clear();
      firstConsent.clear();
      posts.clear();
      usage.clear();
      settings = DEFAULT_SETTINGS();
      shareSeq = 0;
      seed();
    },
  };
}

export function createLinkedInRouter(ctx: SandboxContext): Router {
  return createLinkedInModule(ctx).router;
}
