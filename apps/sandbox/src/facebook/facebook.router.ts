import { createHmac } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { AdminError } from '../core/admin-error';
import type { SandboxContext } from '../core/context';
import type { FaultShape } from '../core/faults';
import { escapeHtml, PAGE_STYLE, randomToken, str, withParams } from '../core/http';

const THROTTLE_MESSAGES: Record<number, string> = {
  1: 'An unknown error occurred',
  2: 'An unexpected error has occurred. Please retry your request later.',
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80001: '(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
};
const TRANSIENT = new Set([1, 2, 4, 17, 32, 613, 80001]);
const SUBCODE_MESSAGES: Record<number, string> = {
  458: 'Error validating access token: The user has not authorized application.',
  459: 'Error validating access token: You cannot access the app till you log in to www.facebook.com and follow the instructions given.',
  460: 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
  463: 'Error validating access token: Session has expired.',
  464: 'Error validating access token: Sessions for the user are not allowed because the user is not a confirmed user.',
  467: 'Error validating access token: The access token is invalid since the user logged out or the session was invalidated.',
  492: 'Error validating access token: The user is not an admin of this page any more.',
};

function graphErrorBody(code: number, message: string, extra: Record<string, unknown> = {}) {
  // Graph reports token, permission, parameter and throttling errors alike as OAuthException
  return { error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: `A${randomToken(15)}` } };
}

export const facebookFaultShape: FaultShape = (kind, status) => {
  if (kind === 'expired_token') return { status: 400, body: graphErrorBody(190, SUBCODE_MESSAGES[463], { error_subcode: 463 }) };
  if (kind === 'revoked_token') return { status: 400, body: graphErrorBody(190, SUBCODE_MESSAGES[460], { error_subcode: 460 }) };
  if (kind === 'rate_limit' || status === 429) return { status: status === 429 ? 400 : status, body: graphErrorBody(4, THROTTLE_MESSAGES[4], { is_transient: true }) };
  if (status >= 500) return { status, body: graphErrorBody(2, THROTTLE_MESSAGES[2], { is_transient: true }) };
  return { status, body: graphErrorBody(1, THROTTLE_MESSAGES[1], { is_transient: false }) };
};

interface FbUser {
  id: string;
  name: string;
  email: string;
}
interface FbPage {
  id: string;
  name: string;
  category: string;
  /** user id → tasks */
  roles: Record<string, string[]>;
}
interface FbToken {
  token: string;
  kind: 'user' | 'page';
  userId: string;
  pageId?: string;
  scopes: string[];
  pages: string[];
  issuedMs: number;
  /** 0 = never */
  expiresMs: number;
  longLived: boolean;
  dataAccessExpiresMs: number;
}
interface FbPost {
  id: string;
  pageId: string;
  message?: string;
  link?: string;
  published: boolean;
  scheduledPublishTime?: number;
  createdMs: number;
  byUserId: string;
}
interface QueuedError {
  code: number;
  subcode?: number;
  count: number;
  pageId?: string;
  httpStatus: number;
}
interface Settings {
  codeTokenSeconds: number;
  badLinkHosts: string[];
  usage: { app?: Record<string, number>; page?: Record<string, number>; buc?: Record<string, number> } | null;
  autoApprove: boolean;
  defaultUser: string;
  deny: boolean;
  /** "Require App Secret": every Graph call with a token must carry a valid appsecret_proof. A given proof is always checked. */
  requireAppSecretProof: boolean;
}
const DEFAULT_SETTINGS = (): Settings => ({ codeTokenSeconds: 7200, badLinkHosts: ['unscrapable.example', 'bad-link.example'], usage: null, autoApprove: false, defaultUser: '', deny: false, requireAppSecretProof: false });

const SEED_USERS: FbUser[] = [
  { id: '10158000000000001', name: 'Ann Lee', email: 'ann.lee@leewealth.example' },
  { id: '10158000000000002', name: 'Marcus Chen', email: 'marcus.chen@leewealth.example' },
  { id: '10158000000000003', name: 'David Okafor', email: 'david.okafor@harborviewfp.example' },
];
const FULL = ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'];
const SEED_PAGES = (): FbPage[] => [
  { id: '104000000000001', name: 'Lee Wealth Partners', category: 'Financial Service', roles: { '10158000000000001': FULL, '10158000000000002': ['ANALYZE', 'MODERATE', 'CREATE_CONTENT'] } },
  { id: '104000000000002', name: 'Ann Lee, CFP', category: 'Financial Planner', roles: { '10158000000000001': FULL } },
  { id: '104000000000003', name: 'Lee Wealth Community Events', category: 'Community', roles: { '10158000000000001': ['ANALYZE', 'ADVERTISE'] } },
  { id: '104000000000004', name: 'Harborview Financial Planning', category: 'Financial Service', roles: { '10158000000000003': FULL } },
];

export interface FacebookModule {
  router: Router;
  admin: Router;
  reset(): void;
}

export function createFacebookModule(ctx: SandboxContext): FacebookModule {
  const { config, clock, inspector } = ctx;
  ctx.faults.registerShape('facebook', facebookFaultShape);
  let users = new Map(SEED_USERS.map((u) => [u.id, { ...u }]));
  let pages = new Map(SEED_PAGES().map((p) => [p.id, p]));
  const codes = new Map<string, { userId: string; redirectUri: string; scopes: string[]; pages: string[]; expiresMs: number; used: boolean }>();
  const tokens = new Map<string, FbToken>();
  const posts = new Map<string, FbPost>();
  /** userId → invalidation subcode (460, 492, 458...) applied to all that user's tokens. */
  const invalidated = new Map<string, { subcode: number; pageId?: string }>();
  let errors: QueuedError[] = [];
  let calls: { ms: number; pageId?: string }[] = [];
  let settings = DEFAULT_SETTINGS();
  let postSeq = 0;

  inspector.registerSnapshot('facebook', () => ({
    users: [...users.values()],
    pages: [...pages.values()].map((p) => ({ id: p.id, name: p.name, roles: p.roles })),
    tokens: [...tokens.values()].map((t) => ({
      kind: t.kind,
      user: users.get(t.userId)?.email,
      page: t.pageId,
      token: t.token.slice(0, 12) + '…',
      longLived: t.longLived,
      expiresAt: t.expiresMs ? new Date(t.expiresMs).toISOString() : 'never',
      scopes: t.scopes.join(','),
    })),
    posts: [...posts.values()].map((p) => ({ id: p.id, page: p.pageId, pageName: pages.get(p.pageId)?.name, message: p.message ?? null, link: p.link ?? null, published: p.published, by: users.get(p.byUserId)?.email, createdAt: new Date(p.createdMs).toISOString() })),
    settings,
    queuedErrors: errors,
  }));

  const router = express.Router();
  router.use(express.urlencoded({ extended: false }));
  router.use(express.json());

  const graphError = (res: Response, httpStatus: number, code: number, message: string, extra: Record<string, unknown> = {}) => res.status(httpStatus).json(graphErrorBody(code, message, extra));
  const params = (req: Request): Record<string, string | undefined> => {
    const out: Record<string, string | undefined> = {};
    for (const src of [req.query as Record<string, unknown>, (req.body ?? {}) as Record<string, unknown>])
      for (const [k, v] of Object.entries(src)) out[k] = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : out[k];
    return out;
  };

  // ---------- login dialog ----------
  const DIALOG = ['client_id', 'redirect_uri', 'state', 'scope', 'response_type'];
  const errorPage = (res: Response, msg: string) => res.status(400).type('html').send(`<!doctype html><title>Facebook</title><style>${PAGE_STYLE}</style><h1>Sorry, something went wrong.</h1><p>${escapeHtml(msg)}</p>`);
  function checkDialog(p: Record<string, string | undefined>, res: Response): boolean {
    if (p.client_id !== config.facebookAppId) return (errorPage(res, 'Invalid App ID: the provided app ID does not look like a valid app ID.'), false);
    if (!p.redirect_uri || !/^https?:\/\//.test(p.redirect_uri)) return (errorPage(res, "URL blocked: This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings."), false);
    return true;
  }
  const userPages = (userId: string) => [...pages.values()].filter((pg) => pg.roles[userId]);
  function grant(res: Response, p: Record<string, string | undefined>, userRef: string, scopes?: string[], pageIds?: string[]) {
    const u = users.get(userRef) ?? [...users.values()].find((x) => x.email === userRef.toLowerCase());
    if (!u) return errorPage(res, `No sandbox user ${userRef}`);
    const requested = (p.scope ?? '').split(/[\s,]+/).filter(Boolean);
    const granted = ['public_profile', ...requested.filter((s) => !scopes || scopes.includes(s))].filter((s, i, a) => a.indexOf(s) === i);
    const own = userPages(u.id).map((pg) => pg.id);
    const picked = pageIds ? own.filter((id) => pageIds.includes(id)) : own;
    const code = `AQ${randomToken(48)}`;
    codes.set(code, { userId: u.id, redirectUri: p.redirect_uri as string, scopes: granted, pages: picked, expiresMs: clock.nowMs() + 10 * 60_000, used: false });
    inspector.record('facebook', 'consent', { user: u.email, scopes: granted, pages: picked });
    res.redirect(302, withParams(p.redirect_uri as string, { code, state: p.state }) + '#_=_');
  }
  function deny(res: Response, p: Record<string, string | undefined>) {
    res.redirect(302, withParams(p.redirect_uri as string, { error: 'access_denied', error_code: '200', error_reason: 'user_denied', error_description: 'Permissions error', state: p.state }) + '#_=_');
  }
  router.get('/www/:version/dialog/oauth', (req, res) => {
    const p: Record<string, string | undefined> = {};
    for (const k of DIALOG) p[k] = str(req.query[k]);
    if (!checkDialog(p, res)) return;
    if (str(req.query.sandbox_deny) === '1' || settings.deny) return deny(res, p);
    const hint = str(req.query.login_hint) || settings.defaultUser;
    if ((str(req.query.sandbox_auto) === '1' || settings.autoApprove) && hint) {
      const pagesParam = str(req.query.sandbox_pages);
      const decline = str(req.query.sandbox_decline)?.split(',');
      const requested = (p.scope ?? '').split(/[\s,]+/).filter(Boolean);
      return grant(res, p, hint, decline ? requested.filter((s) => !decline.includes(s)) : undefined, pagesParam ? pagesParam.split(',') : undefined);
    }
    const hidden = DIALOG.filter((k) => p[k] !== undefined)
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p[k])}">`)
      .join('');
    const requested = (p.scope ?? '').split(/[\s,]+/).filter(Boolean);
    res.type('html').send(`<!doctype html><html><head><title>Log in with Facebook (sandbox)</title><style>${PAGE_STYLE}</style></head><body>
<h1>Continue with Facebook</h1><p class="muted">Sandbox: app <code>${escapeHtml(p.client_id)}</code> requests <code>${escapeHtml(p.scope)}</code></p>
<form method="post" action="oauth/decision">${hidden}
<div class="card"><b>Permissions</b><br>${requested.map((s) => `<label><input type="checkbox" name="granted" value="${escapeHtml(s)}" checked> ${escapeHtml(s)}</label><br>`).join('')}</div>
<div class="card"><b>Pages to share</b> (only the chosen user's pages apply)<br>${[...pages.values()]
      .map((pg) => `<label><input type="checkbox" name="page" value="${pg.id}" checked> ${escapeHtml(pg.name)} <span class="muted">(${Object.keys(pg.roles).map((id) => escapeHtml(users.get(id)?.name)).join(', ')})</span></label><br>`)
      .join('')}</div>
<div class="card">${[...users.values()].map((u) => `<button class="primary" name="user" value="${u.id}" data-account="${escapeHtml(u.email)}">Continue as ${escapeHtml(u.name)}</button>`).join(' ')}</div>
<button class="deny" name="decision" value="cancel">Cancel</button></form></body></html>`);
  });
  router.post('/www/:version/dialog/oauth/decision', (req, res) => {
    const b = req.body as Record<string, unknown>;
    const p: Record<string, string | undefined> = {};
    for (const k of DIALOG) p[k] = str(b[k]);
    if (!checkDialog(p, res)) return;
    if (str(b.decision) === 'cancel') return deny(res, p);
    const userId = str(b.user);
    if (!userId) return errorPage(res, 'Pick a user');
    grant(res, p, userId, ([] as string[]).concat((b.granted as string | string[] | undefined) ?? []), ([] as string[]).concat((b.page as string | string[] | undefined) ?? []));
  });

  // ---------- graph ----------
  const graph = express.Router({ mergeParams: true });
  graph.use((req, res, next) => {
    if (!/^v\d+\.\d+$/.test(String((req.params as Record<string, string>).version))) return graphError(res, 400, 2500, `Unknown path components: /${String((req.params as Record<string, string>).version)}`);
    next();
  });

  function usageHeaders(res: Response, t: FbToken | undefined) {
    const nowMs = clock.nowMs();
    calls = calls.filter((c) => nowMs - c.ms < 86_400_000);
    calls.push({ ms: nowMs, pageId: t?.kind === 'page' ? t.pageId : undefined });
    const pct = (n: number, limit: number) => Math.ceil((n * 100) / limit);
    const lastHour = calls.filter((c) => nowMs - c.ms < 3_600_000).length;
    const app = settings.usage?.app ?? { call_count: pct(lastHour, 200), total_cputime: pct(lastHour, 400), total_time: pct(lastHour, 400) };
    if (Object.values(app).some((v) => v > 0)) res.setHeader('X-App-Usage', JSON.stringify(app));
    if (t?.kind === 'page' && t.pageId) {
      const n = calls.filter((c) => c.pageId === t.pageId).length;
      const page = settings.usage?.page ?? { call_count: pct(n, 4800), total_cputime: pct(n, 9600), total_time: pct(n, 9600) };
      const buc = settings.usage?.buc ?? { call_count: page.call_count, total_cputime: page.total_cputime, total_time: page.total_time, estimated_time_to_regain_access: 0 };
      if (Object.values(page).some((v) => v > 0)) res.setHeader('X-Page-Usage', JSON.stringify(page));
      res.setHeader('X-Business-Use-Case-Usage', JSON.stringify({ [t.pageId]: [{ type: 'pages', ...buc }] }));
    }
  }

  function takeQueuedError(res: Response, pageId?: string): boolean {
    const e = errors.find((x) => !x.pageId || x.pageId === pageId);
    if (!e) return false;
    e.count--;
    if (e.count <= 0) errors = errors.filter((x) => x !== e);
    const extra: Record<string, unknown> = {};
    if (e.subcode) extra.error_subcode = e.subcode;
    if (TRANSIENT.has(e.code)) extra.is_transient = true;
    if (e.code === 80001) res.setHeader('X-Business-Use-Case-Usage', JSON.stringify({ [pageId ?? '0']: [{ type: 'pages', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 15 }] }));
    const msg = e.code === 190 ? (SUBCODE_MESSAGES[e.subcode ?? 467] ?? SUBCODE_MESSAGES[467]) : (THROTTLE_MESSAGES[e.code] ?? `(#${e.code}) Sandbox injected error`);
    graphError(res, e.httpStatus, e.code, msg, extra);
    return true;
  }

  /** Resolves the access token (param or Bearer); answers 190 on failure. */
  function auth(req: Request, res: Response): FbToken | undefined {
    const p = params(req);
    const h = req.header('authorization');
    const raw = p.access_token ?? (h && /^Bearer\s+/i.test(h) ? h.replace(/^Bearer\s+/i, '').trim() : undefined);
    if (!raw) return void graphError(res, 400, 2500, 'An active access token must be used to query information about the current user.');
    const t = tokens.get(raw);
    if (!t) return void graphError(res, 400, 190, 'Invalid OAuth access token - Cannot parse access token');
    const proof = p.appsecret_proof;
    if (proof !== undefined || settings.requireAppSecretProof) {
      const want = createHmac('sha256', config.facebookAppSecret).update(raw).digest('hex');
      if (!proof) return void graphError(res, 400, 100, 'API calls from the server require an appsecret_proof argument');
      if (proof !== want) return void graphError(res, 400, 100, 'Invalid appsecret_proof provided in the API argument');
    }
    const inv = invalidated.get(t.userId);
    if (inv && (!inv.pageId || inv.pageId === t.pageId)) return void graphError(res, 400, 190, SUBCODE_MESSAGES[inv.subcode] ?? SUBCODE_MESSAGES[467], { error_subcode: inv.subcode });
    if (t.expiresMs && clock.nowMs() >= t.expiresMs)
      return void graphError(res, 400, 190, `Error validating access token: Session has expired on ${new Date(t.expiresMs).toUTCString()}. The current time is ${clock.now().toUTCString()}.`, { error_subcode: 463 });
    return t;
  }

  const fbTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

  function issueUser(userId: string, scopes: string[], pageIds: string[], longLived: boolean): FbToken {
    const t: FbToken = {
      token: `EAAG${randomToken(90)}`,
      kind: 'user',
      userId,
      scopes,
      pages: pageIds,
      issuedMs: clock.nowMs(),
      expiresMs: clock.nowMs() + (longLived ? 5_184_000_000 : settings.codeTokenSeconds * 1000),
      longLived,
      dataAccessExpiresMs: clock.nowMs() + 90 * 86_400_000,
    };
    tokens.set(t.token, t);
    inspector.record('facebook', 'token_issued', { kind: 'user', user: users.get(userId)?.email, longLived, scopes });
    return t;
  }

  graph.all('/oauth/access_token', (req, res) => {
    const p = params(req);
    if (p.client_id !== config.facebookAppId) return graphError(res, 400, 101, 'Error validating application. Invalid application ID.');
    if (p.client_secret !== config.facebookAppSecret) return graphError(res, 400, 1, 'Error validating client secret.', { error_subcode: 0 });
    if (p.grant_type === 'fb_exchange_token') {
      const src = tokens.get(p.fb_exchange_token ?? '');
      if (!src || src.kind !== 'user') return graphError(res, 400, 190, 'Invalid OAuth access token - Cannot parse access token');
      if (src.expiresMs && clock.nowMs() >= src.expiresMs) return graphError(res, 400, 190, SUBCODE_MESSAGES[463], { error_subcode: 463 });
      const t = issueUser(src.userId, src.scopes, src.pages, true);
      return res.json({ access_token: t.token, token_type: 'bearer', expires_in: Math.floor((t.expiresMs - clock.nowMs()) / 1000) });
    }
    if (p.grant_type === 'client_credentials') return res.json({ access_token: `${config.facebookAppId}|${config.facebookAppSecret}`, token_type: 'bearer' });
    const c = codes.get(p.code ?? '');
    if (!c || c.used || clock.nowMs() > c.expiresMs) {
      if (c) c.used = true;
      return graphError(res, 400, 100, 'This authorization code has been used.', { error_subcode: 36009 });
    }
    if (c.redirectUri !== p.redirect_uri) return graphError(res, 400, 100, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', { error_subcode: 36008 });
    c.used = true;
    const t = issueUser(c.userId, c.scopes, c.pages, false);
    res.json({ access_token: t.token, token_type: 'bearer', expires_in: Math.floor((t.expiresMs - clock.nowMs()) / 1000) });
  });

  graph.get('/debug_token', (req, res) => {
    const p = params(req);
    const appToken = `${config.facebookAppId}|${config.facebookAppSecret}`;
    if (p.access_token !== appToken && !tokens.has(p.access_token ?? '')) return graphError(res, 400, 190, 'Invalid OAuth access token - Cannot parse access token');
    const t = tokens.get(p.input_token ?? '');
    if (!t) return res.json({ data: { is_valid: false, error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }, scopes: [] } });
    const inv = invalidated.get(t.userId);
    const expired = t.expiresMs !== 0 && clock.nowMs() >= t.expiresMs;
    const valid = !expired && !(inv && (!inv.pageId || inv.pageId === t.pageId));
    res.json({
      data: {
        app_id: config.facebookAppId,
        type: t.kind === 'page' ? 'PAGE' : 'USER',
        application: 'Aftermeet (sandbox)',
        data_access_expires_at: Math.floor(t.dataAccessExpiresMs / 1000),
        expires_at: t.expiresMs ? Math.floor(t.expiresMs / 1000) : 0,
        is_valid: valid,
        issued_at: Math.floor(t.issuedMs / 1000),
        ...(t.pageId ? { profile_id: t.pageId } : {}),
        scopes: t.scopes,
        granular_scopes: t.scopes.filter((s) => s.startsWith('pages_')).map((scope) => ({ scope, target_ids: t.pages })),
        user_id: t.userId,
        ...(!valid ? { error: { code: 190, subcode: expired ? 463 : inv?.subcode, message: expired ? SUBCODE_MESSAGES[463] : SUBCODE_MESSAGES[inv?.subcode ?? 467] } } : {}),
      },
    });
  });

  graph.get('/me/accounts', (req, res) => {
    const t = auth(req, res);
    if (!t) return;
    usageHeaders(res, t);
    if (takeQueuedError(res)) return;
    if (t.kind !== 'user') return graphError(res, 400, 100, '(#100) Tried accessing nonexisting field (accounts) on node type (Page)');
    if (!t.scopes.includes('pages_show_list')) return graphError(res, 403, 200, '(#200) Requires pages_show_list permission to manage the object');
    const p = params(req);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 25) || 25));
    const list = t.pages.map((id) => pages.get(id)).filter((pg): pg is FbPage => Boolean(pg?.roles[t.userId]));
    let start = 0;
    if (p.after) start = Number(Buffer.from(p.after, 'base64url').toString().replace('idx:', '')) + 1;
    if (p.before) start = Math.max(0, Number(Buffer.from(p.before, 'base64url').toString().replace('idx:', '')) - limit);
    const slice = list.slice(start, start + limit);
    const cursor = (i: number) => Buffer.from(`idx:${i}`).toString('base64url');
    const data = slice.map((pg) => {
      let pt = [...tokens.values()].find((x) => x.kind === 'page' && x.pageId === pg.id && x.userId === t.userId && x.longLived === t.longLived && (x.expiresMs === 0 || x.expiresMs === t.expiresMs));
      if (!pt) {
        pt = { token: `EAAG${randomToken(90)}`, kind: 'page', userId: t.userId, pageId: pg.id, scopes: t.scopes, pages: [pg.id], issuedMs: clock.nowMs(), expiresMs: t.longLived ? 0 : t.expiresMs, longLived: t.longLived, dataAccessExpiresMs: t.dataAccessExpiresMs };
        tokens.set(pt.token, pt);
        inspector.record('facebook', 'token_issued', { kind: 'page', user: users.get(t.userId)?.email, page: pg.id, expires: pt.expiresMs ? new Date(pt.expiresMs).toISOString() : 'never' });
      }
      return { access_token: pt.token, category: pg.category, category_list: [{ id: '2256', name: pg.category }], name: pg.name, id: pg.id, tasks: pg.roles[t.userId] };
    });
    const body: Record<string, unknown> = { data };
    if (slice.length) {
      const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + slice.length - 1) } };
      const url = new URL(`${config.publicUrl}/facebook/graph/${(req.params as Record<string, string>).version}/me/accounts`);
      if (start + limit < list.length) {
        url.searchParams.set('access_token', t.token);
        url.searchParams.set('limit', String(limit));
        url.searchParams.set('after', cursor(start + slice.length - 1));
        if (p.fields) url.searchParams.set('fields', p.fields);
        paging.next = url.toString();
      }
      body.paging = paging;
    }
    res.json(body);
  });

  graph.get('/me/permissions', (req, res) => {
    const t = auth(req, res);
    if (!t) return;
    res.json({ data: t.scopes.map((permission) => ({ permission, status: 'granted' })) });
  });

  graph.get('/me', (req, res) => {
    const t = auth(req, res);
    if (!t) return;
    usageHeaders(res, t);
    if (takeQueuedError(res)) return;
    if (t.kind === 'page') {
      const pg = pages.get(t.pageId as string) as FbPage;
      return res.json({ id: pg.id, name: pg.name });
    }
    const u = users.get(t.userId) as FbUser;
    const fields = (params(req).fields ?? 'id,name').split(',');
    const out: Record<string, unknown> = { id: u.id, name: u.name };
    if (fields.includes('email') && t.scopes.includes('email')) out.email = u.email;
    res.json(out);
  });

  graph.post('/:pageId/feed', (req, res) => {
    const t = auth(req, res);
    if (!t) return;
    const pageId = String(req.params.pageId);
    usageHeaders(res, t);
    if (takeQueuedError(res, pageId)) return;
    const pg = pages.get(pageId);
    if (!pg) return graphError(res, 400, 100, `(#100) Unsupported post request. Object with ID '${pageId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 });
    if (t.kind !== 'page' || t.pageId !== pageId || !t.scopes.includes('pages_manage_posts') || !t.scopes.includes('pages_read_engagement'))
      return graphError(res, 403, 200, '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission');
    if (!(pg.roles[t.userId] ?? []).includes('CREATE_CONTENT')) return graphError(res, 403, 200, '(#200) The user does not have sufficient administrative permission (CREATE_CONTENT) on this Page');
    const p = params(req);
    if (!p.message && !p.link) return graphError(res, 400, 100, '(#100) Missing message or attachment');
    const published = p.published === undefined ? true : !(p.published === 'false' || p.published === '0');
    let scheduled: number | undefined;
    if (p.scheduled_publish_time !== undefined) {
      scheduled = Number(p.scheduled_publish_time);
      const delta = scheduled * 1000 - clock.nowMs();
      if (published || !Number.isFinite(scheduled) || delta < 10 * 60_000 || delta > 30 * 86_400_000)
        return graphError(res, 400, 100, '(#100) The specified scheduled publish time is invalid.');
    }
    if (p.link) {
      let host = '';
      try {
        host = new URL(p.link).hostname;
      } catch {
        return graphError(res, 400, 100, '(#100) link URL is not properly formatted');
      }
      if (settings.badLinkHosts.some((h) => host === h || host.endsWith(`.${h}`))) return graphError(res, 400, 1609005, 'Error Posting Link', { error_user_title: 'Error Posting Link', error_user_msg: 'The link could not be scraped.' });
    }
    const dup = [...posts.values()].find((x) => x.pageId === pageId && x.message && x.message === p.message && clock.nowMs() - x.createdMs < 86_400_000);
    if (dup) return graphError(res, 400, 506, '(#506) Duplicate status message', { error_user_title: 'Duplicate Status Update', error_user_msg: 'This status update is identical to the last one you posted.' });
    const id = `${pageId}_${122_100_000_000_000_000n + BigInt(++postSeq) * 7919n}`;
    const stored: FbPost = { id, pageId, message: p.message, link: p.link, published, scheduledPublishTime: scheduled, createdMs: clock.nowMs(), byUserId: t.userId };
    posts.set(id, stored);
    if (scheduled !== undefined)
      clock.at(scheduled * 1000, () => {
        if (!posts.has(id)) return;
        stored.published = true;
        inspector.record('facebook', 'post_published', { id, page: pageId, pageName: pg.name, message: stored.message ?? null, scheduled: true, published: true });
      });
    inspector.record('facebook', 'post_published', { id, page: pageId, pageName: pg.name, message: p.message ?? null, link: p.link ?? null, published });
    res.json({ id });
  });

  // A Page's published posts, newest first (needs pages_read_engagement); `since` in unix seconds.
  graph.get('/:pageId/published_posts', (req, res) => {
    const t = auth(req, res);
    if (!t) return;
    usageHeaders(res, t);
    const pageId = String(req.params.pageId);
    if (takeQueuedError(res, pageId)) return;
    if (!pages.get(pageId)) return graphError(res, 400, 100, `(#100) Object with ID '${pageId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 });
    if (t.kind !== 'page' || t.pageId !== pageId || !t.scopes.includes('pages_read_engagement')) return graphError(res, 403, 200, '(#200) Requires pages_read_engagement permission and a Page access token');
    const p = params(req);
    const since = p.since ? Number(p.since) * 1000 : 0;
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 25) || 25));
    const data = [...posts.values()]
      .filter((x) => x.pageId === pageId && x.published && x.createdMs >= since)
      .sort((a, b) => b.createdMs - a.createdMs)
      .slice(0, limit)
      .map((x) => ({ id: x.id, created_time: fbTime(x.createdMs), ...(x.message !== undefined ? { message: x.message } : {}) }));
    res.json({ data });
  });

  graph.get('/:id', (req, res) => {
    const t = auth(req, res);
    if (!t) return;
    usageHeaders(res, t);
    const id = String(req.params.id);
    if (takeQueuedError(res, id.split('_')[0])) return;
    const post = posts.get(id);
    if (post) {
      const pg = pages.get(post.pageId) as FbPage;
      return res.json({
        id: post.id,
        created_time: fbTime(post.createdMs),
        ...(post.message !== undefined ? { message: post.message } : {}),
        ...(post.link ? { link: post.link } : {}),
        is_published: post.published,
        ...(post.scheduledPublishTime ? { scheduled_publish_time: post.scheduledPublishTime } : {}),
        permalink_url: `https://www.facebook.com/${post.pageId}/posts/${post.id.split('_')[1]}`,
        from: { name: pg.name, id: pg.id },
      });
    }
    const pg = pages.get(id);
    if (pg) return res.json({ id: pg.id, name: pg.name, category: pg.category });
    const u = users.get(id);
    if (u) return res.json({ id: u.id, name: u.name });
    graphError(res, 400, 100, `(#100) Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 });
  });

  graph.delete('/:id', (req, res) => {
    const t = auth(req, res);
    if (!t) return;
    const post = posts.get(String(req.params.id));
    if (!post || t.pageId !== post.pageId) return graphError(res, 400, 100, '(#100) Unsupported delete request.', { error_subcode: 33 });
    posts.delete(post.id);
    res.json({ success: true });
  });

  graph.use((_req, res) => graphError(res, 400, 100, 'Unknown path components'));
  router.use('/graph/:version', graph);
  router.use((_req, res) => graphError(res, 404, 803, 'Unknown path'));

  // ---------- admin ----------
  const admin = express.Router();
  admin.use(express.json());
  admin.get('/settings', (_req, res) => res.json(settings));
  admin.put('/settings', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const known = Object.keys(DEFAULT_SETTINGS());
    for (const k of Object.keys(b)) if (!known.includes(k)) throw new AdminError(`unknown setting "${k}" (known: ${known.join(', ')})`);
    if (b.codeTokenSeconds !== undefined && (typeof b.codeTokenSeconds !== 'number' || b.codeTokenSeconds < 1)) throw new AdminError('codeTokenSeconds must be a number >= 1');
    if (b.badLinkHosts !== undefined && !(Array.isArray(b.badLinkHosts) && b.badLinkHosts.every((h) => typeof h === 'string'))) throw new AdminError('badLinkHosts must be an array of host names');
    if (b.usage !== undefined && b.usage !== null && typeof b.usage !== 'object') throw new AdminError('usage must be null or {app?, page?, buc?} with percentage numbers');
    for (const k of ['autoApprove', 'deny', 'requireAppSecretProof']) if (b[k] !== undefined && typeof b[k] !== 'boolean') throw new AdminError(`${k} must be a boolean`);
    if (b.defaultUser !== undefined && typeof b.defaultUser !== 'string') throw new AdminError('defaultUser must be a string');
    settings = { ...settings, ...(b as Partial<Settings>) };
    res.json(settings);
  });
  admin.post('/errors', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (typeof b.code !== 'number' || !Number.isInteger(b.code)) throw new AdminError('code (a Graph error code such as 4, 17, 32, 613, 80001, 190, 2) is required');
    if (b.subcode !== undefined && typeof b.subcode !== 'number') throw new AdminError('subcode must be a number');
    if (b.count !== undefined && (typeof b.count !== 'number' || b.count < 1)) throw new AdminError('count must be a number >= 1');
    if (b.pageId !== undefined && typeof b.pageId !== 'string') throw new AdminError('pageId must be a string');
    if (b.httpStatus !== undefined && (typeof b.httpStatus !== 'number' || b.httpStatus < 400 || b.httpStatus > 599)) throw new AdminError('httpStatus must be 400..599');
    const e: QueuedError = { code: b.code, subcode: b.subcode as number | undefined, count: (b.count as number | undefined) ?? 1, pageId: b.pageId as string | undefined, httpStatus: (b.httpStatus as number | undefined) ?? (b.code === 2 ? 500 : 400) };
    errors.push(e);
    res.status(201).json({ queued: errors });
  });
  admin.delete('/errors', (_req, res) => {
    errors = [];
    res.json({ queued: [] });
  });
  admin.post('/users/:id/invalidate', (req, res) => {
    const ref = String(req.params.id);
    const u = users.get(ref) ?? [...users.values()].find((x) => x.email === ref.toLowerCase());
    if (!u) throw new AdminError(`unknown user ${ref}`, 404);
    const b = (req.body ?? {}) as Record<string, unknown>;
    const subcode = (b.subcode as number | undefined) ?? 460;
    if (![458, 459, 460, 463, 464, 467, 492].includes(subcode)) throw new AdminError('subcode must be one of 458, 459, 460, 463, 464, 467, 492');
    if (b.pageId !== undefined && typeof b.pageId !== 'string') throw new AdminError('pageId must be a string');
    invalidated.set(u.id, { subcode, pageId: b.pageId as string | undefined });
    if (subcode === 492 && b.pageId) {
      const pg = pages.get(b.pageId as string);
      if (pg) delete pg.roles[u.id];
    }
    res.json({ user: u.id, subcode, pageId: b.pageId ?? null });
  });
  admin.post('/users/:id/restore', (req, res) => {
    const ref = String(req.params.id);
    const u = users.get(ref) ?? [...users.values()].find((x) => x.email === ref.toLowerCase());
    if (!u) throw new AdminError(`unknown user ${ref}`, 404);
    invalidated.delete(u.id);
    res.json({ user: u.id });
  });
  admin.post('/users/:id/expire-tokens', (req, res) => {
    const ref = String(req.params.id);
    const u = users.get(ref) ?? [...users.values()].find((x) => x.email === ref.toLowerCase());
    if (!u) throw new AdminError(`unknown user ${ref}`, 404);
    let n = 0;
    for (const t of tokens.values()) if (t.userId === u.id && t.expiresMs !== 0 && t.expiresMs > clock.nowMs()) ((t.expiresMs = clock.nowMs()), n++);
    res.json({ expired: n });
  });
  admin.get('/posts', (_req, res) => res.json({ posts: [...posts.values()] }));

  return {
    router,
    admin,
    reset: () => {
      users = new Map(SEED_USERS.map((u) => [u.id, { ...u }]));
      pages = new Map(SEED_PAGES().map((p) => [p.id, p]));
      codes.clear();
      tokens.clear();
      posts.clear();
      invalidated.clear();
      errors = [];
      calls = [];
      settings = DEFAULT_SETTINGS();
      postSeq = 0;
    },
  };
}

export function createFacebookRouter(ctx: SandboxContext): Router {
  return createFacebookModule(ctx).router;
}
