import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { AdminError } from '../core/admin-error';
import type { SandboxContext } from '../core/context';
import type { FaultShape } from '../core/faults';
import { bearer, escapeHtml, PAGE_STYLE, str, withParams } from '../core/http';
import { parseRfc3339 } from '../core/time';
import { eventResource, getEvent, googleError, listCalendars, listEvents } from './google.calendar';
import { NY } from './google.seed';
import { ACCESS_TOKEN_SECONDS, CALENDAR_SCOPES, GoogleStore, type Attendee, type StoredEvent } from './google.store';

export const googleFaultShape: FaultShape = (kind, status, _rule, path) => {
  if (/^\/(token|revoke|oauth2\/v4\/token)\b/.test(path)) {
    // the OAuth endpoints answer in OAuth's flat shape
    if (kind === 'expired_token' || kind === 'revoked_token') return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
    if (kind === 'rate_limit' || status === 429) return { status, body: { error: 'rate_limit_exceeded', error_description: 'Rate limit exceeded.' } };
    return { status, body: { error: status >= 500 ? 'internal_failure' : 'invalid_request', error_description: status >= 500 ? 'Backend Error' : 'Bad Request' } };
  }
  if (kind === 'expired_token' || kind === 'revoked_token' || status === 401)
    return { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' }, body: errBody(401, 'authError', 'Invalid Credentials', 'global', { locationType: 'header', location: 'Authorization' }) };
  if (kind === 'rate_limit' || status === 429 || status === 403) return { status, body: errBody(status, 'rateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits') };
  if (status >= 500) return { status, body: errBody(status, 'backendError', status === 503 ? 'The service is currently unavailable.' : 'Backend Error') };
  return { status, body: errBody(status, 'badRequest', 'Bad Request') };
};

function errBody(code: number, reason: string, message: string, domain = 'global', extra: Record<string, unknown> = {}) {
  return { error: { code, message, errors: [{ domain, reason, message, ...extra }] } };
}

export interface GoogleModule {
  router: Router;
  /** Calendar v3 alone, also mounted at the app root (`/calendar/v3`) for clients that drop a rootUrl path prefix. */
  calendar: Router;
  admin: Router;
  store: GoogleStore;
  reset(): void;
}

const OAUTH_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'access_type', 'prompt', 'login_hint', 'include_granted_scopes', 'code_challenge', 'code_challenge_method', 'nonce', 'hd'];

export function createGoogleModule(ctx: SandboxContext): GoogleModule {
  const store = new GoogleStore(ctx.clock);
  const { config, inspector } = ctx;
  ctx.faults.registerShape('google', googleFaultShape);
  const issuer = () => `${config.publicUrl}/google`;
  const router = express.Router();
  router.use(express.urlencoded({ extended: false }));
  router.use(express.json());

  inspector.registerSnapshot('google', () => ({
    accounts: [...store.accounts.values()].map((a) => ({ sub: a.sub, email: a.email, name: a.name })),
    tokens: [...store.accessTokens.values()].map((t) => ({
      email: store.accounts.get(t.sub)?.email,
      token: t.token.slice(0, 18) + '…',
      scope: t.scope,
      expiresAt: new Date(t.expiresMs).toISOString(),
      expired: ctx.clock.nowMs() >= t.expiresMs,
      revoked: t.revoked,
    })),
    refreshTokens: [...store.refreshTokens.values()].map((t) => ({ email: store.accounts.get(t.sub)?.email, revoked: t.revoked })),
    settings: store.settings,
  }));

  // ---------- discovery ----------
  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({
      issuer: issuer(),
      authorization_endpoint: `${config.publicUrl}/google/o/oauth2/v2/auth`,
      token_endpoint: `${config.publicUrl}/google/token`,
      userinfo_endpoint: `${config.publicUrl}/google/v1/userinfo`,
      revocation_endpoint: `${config.publicUrl}/google/revoke`,
      jwks_uri: `${config.publicUrl}/google/oauth2/v3/certs`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'picture', 'sub', 'hd'],
      code_challenge_methods_supported: ['plain', 'S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
    });
  });
  router.get(['/oauth2/v3/certs', '/oauth2/v1/certs'], (_req, res) => {
    res.json({ keys: [store.publicJwk] });
  });

  // ---------- consent ----------
  const authErrorPage = (res: Response, status: number, title: string, detail: string) =>
    res.status(status).type('html').send(`<!doctype html><title>Error ${status}</title><style>${PAGE_STYLE}</style><h1>Access blocked: ${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p class="muted">Error ${status}: ${escapeHtml(title)}</p>`);

  function validateAuthRequest(p: Record<string, string | undefined>, res: Response): boolean {
    if (!p.client_id || p.client_id !== config.googleClientId) {
      authErrorPage(res, 401, 'invalid_client', 'The OAuth client was not found.');
      return false;
    }
    if (!p.redirect_uri || !/^https?:\/\//.test(p.redirect_uri)) {
      authErrorPage(res, 400, 'redirect_uri_mismatch', 'The redirect URI in the request does not match the ones authorized for the OAuth client.');
      return false;
    }
    if (p.response_type !== 'code') {
      authErrorPage(res, 400, 'unsupported_response_type', `Unsupported response_type "${p.response_type ?? ''}" (the sandbox implements the web server flow: response_type=code).`);
      return false;
    }
    if (!p.scope) {
      authErrorPage(res, 400, 'invalid_request', 'Missing required parameter: scope');
      return false;
    }
    if (p.code_challenge && p.code_challenge_method && !['S256', 'plain'].includes(p.code_challenge_method)) {
      authErrorPage(res, 400, 'invalid_request', 'Invalid code_challenge_method');
      return false;
    }
    return true;
  }

  function expandScopes(scope: string): string[] {
    return scope
      .split(/[\s+]+/)
      .filter(Boolean)
      .map((s) => (s === 'email' ? 'https://www.googleapis.com/auth/userinfo.email' : s === 'profile' ? 'https://www.googleapis.com/auth/userinfo.profile' : s));
  }

  function approve(res: Response, p: Record<string, string | undefined>, email: string, granted?: string[]): void {
    const acc = [...store.accounts.values()].find((a) => a.email === email.toLowerCase());
    if (!acc) return void authErrorPage(res, 400, 'unknown_account', `No sandbox account ${email}`);
    const requested = expandScopes(p.scope ?? '');
    let scopes = granted ? requested.filter((s) => granted.includes(s) || s === 'openid' || s.endsWith('userinfo.email') || s.endsWith('userinfo.profile')) : requested;
    if (store.settings.grantedScopes) scopes = scopes.filter((s) => store.settings.grantedScopes?.includes(s) || s === 'openid');
    const key = `${acc.sub}|${p.client_id}`;
    const first = !store.consented.has(key);
    store.consented.add(key);
    const prompts = (p.prompt ?? '').split(' ');
    const issueRefresh = p.access_type === 'offline' && (first || prompts.includes('consent'));
    const scope = scopes.join(' ');
    const code = store.issueCode({
      sub: acc.sub,
      clientId: p.client_id as string,
      redirectUri: p.redirect_uri as string,
      scope,
      issueRefresh,
      nonce: p.nonce,
      codeChallenge: p.code_challenge,
      codeChallengeMethod: p.code_challenge ? (p.code_challenge_method ?? 'plain') : undefined,
    });
    inspector.record('google', 'consent', { email: acc.email, scope, access_type: p.access_type ?? 'online', prompt: p.prompt ?? null });
    res.redirect(302, withParams(p.redirect_uri as string, { state: p.state, code: code.code, scope, authuser: '0', prompt: first || prompts.includes('consent') ? 'consent' : 'none' }));
  }

  function deny(res: Response, p: Record<string, string | undefined>): void {
    inspector.record('google', 'consent_denied', { client_id: p.client_id });
    res.redirect(302, withParams(p.redirect_uri as string, { error: 'access_denied', state: p.state }));
  }

  router.get('/o/oauth2/v2/auth', (req, res) => {
    const p: Record<string, string | undefined> = {};
    for (const k of OAUTH_PARAMS) p[k] = str(req.query[k]);
    if (!validateAuthRequest(p, res)) return;
    if (str(req.query.sandbox_deny) === '1' || store.settings.deny) return deny(res, p);
    const hint = p.login_hint || store.settings.defaultLoginHint;
    const auto = str(req.query.sandbox_auto) === '1' || store.settings.autoApprove;
    if (auto && hint) return approve(res, p, hint);
    const hidden = OAUTH_PARAMS.filter((k) => p[k] !== undefined)
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p[k])}">`)
      .join('');
    const scopes = expandScopes(p.scope ?? '').filter((s) => CALENDAR_SCOPES.includes(s));
    const scopeBoxes = scopes.map((s) => `<label><input type="checkbox" name="granted_scope" value="${escapeHtml(s)}" checked> ${escapeHtml(s.replace('https://www.googleapis.com/auth/', ''))}</label><br>`).join('');
    const accounts = [...store.accounts.values()]
      .map((a) => `<button class="primary" name="account" value="${escapeHtml(a.email)}" data-account="${escapeHtml(a.email)}">${escapeHtml(a.name)} &lt;${escapeHtml(a.email)}&gt;</button><br>`)
      .join('');
    res.type('html').send(`<!doctype html><html><head><title>Sign in – Google Accounts (sandbox)</title><style>${PAGE_STYLE}</style></head><body>
<h1>Choose an account</h1><p class="muted">Sandbox Google consent for client <code>${escapeHtml(p.client_id)}</code>; requested: <code>${escapeHtml(p.scope)}</code></p>
<form method="post" action="auth/decision">${hidden}
<div class="card"><b>Allow access to your calendar:</b><br>${scopeBoxes || '<span class="muted">no calendar scope requested</span>'}<input type="hidden" name="scopes_shown" value="1"></div>
<div class="card">${accounts}</div>
<div class="card"><b>Use another account</b><br><input name="new_email" type="email" placeholder="email"> <input name="new_name" placeholder="Full name"> <button name="account" value="__new__">Add and continue</button></div>
<button class="deny" name="decision" value="deny">Cancel (deny access)</button>
</form></body></html>`);
  });

  router.post('/o/oauth2/v2/auth/decision', (req, res) => {
    const b = req.body as Record<string, string | string[] | undefined>;
    const p: Record<string, string | undefined> = {};
    for (const k of OAUTH_PARAMS) p[k] = str(b[k]);
    if (!validateAuthRequest(p, res)) return;
    if (str(b.decision) === 'deny') return deny(res, p);
    let email = str(b.account);
    if (email === '__new__') {
      const ne = str(b.new_email)?.trim();
      if (!ne || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(ne)) return void authErrorPage(res, 400, 'invalid_email', 'Enter a valid email address');
      store.addAccount({ email: ne, name: str(b.new_name)?.trim() || ne.split('@')[0] });
      email = ne;
    }
    if (!email) return void authErrorPage(res, 400, 'invalid_request', 'Pick an account');
    const granted = str(b.scopes_shown) ? ([] as string[]).concat(b.granted_scope ?? []) : undefined;
    approve(res, p, email, granted);
  });

  // ---------- token ----------
  function tokenError(res: Response, status: number, error: string, description: string) {
    res.status(status).json({ error, error_description: description });
  }

  function clientAuth(req: Request): { id?: string; secret?: string } {
    const h = req.header('authorization');
    const m = h ? /^Basic\s+(.+)$/i.exec(h) : null;
    if (m) {
      const [id, secret] = Buffer.from(m[1], 'base64').toString('utf8').split(':');
      return { id: decodeURIComponent(id), secret: decodeURIComponent(secret ?? '') };
    }
    const b = req.body as Record<string, unknown>;
    return { id: str(b.client_id), secret: str(b.client_secret) };
  }

  router.post(['/token', '/oauth2/v4/token'], (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const grant = str(b.grant_type);
    const client = clientAuth(req);
    if (client.id !== config.googleClientId || client.secret !== config.googleClientSecret) return tokenError(res, 401, 'invalid_client', 'Unauthorized');
    if (grant === 'authorization_code') {
      const c = store.codes.get(str(b.code) ?? '');
      if (!c || c.used || ctx.clock.nowMs() > c.expiresMs || c.clientId !== client.id) {
        if (c) c.used = true;
        return tokenError(res, 400, 'invalid_grant', 'Bad Request');
      }
      if (str(b.redirect_uri) !== c.redirectUri) return tokenError(res, 400, 'redirect_uri_mismatch', 'Bad Request');
      if (c.codeChallenge) {
        const v = str(b.code_verifier);
        if (!v) return tokenError(res, 400, 'invalid_grant', 'Missing code verifier.');
        const calc = c.codeChallengeMethod === 'S256' ? createHash('sha256').update(v).digest('base64url') : v;
        if (calc.length !== c.codeChallenge.length || !timingSafeEqual(Buffer.from(calc), Buffer.from(c.codeChallenge))) return tokenError(res, 400, 'invalid_grant', 'Invalid code verifier.');
      }
      c.used = true;
      const acc = store.accounts.get(c.sub)!;
      const rt = c.issueRefresh ? store.issueRefresh(c.sub, c.clientId, c.scope) : undefined;
      const at = store.issueAccess(c.sub, c.clientId, c.scope, rt?.token);
      const body: Record<string, unknown> = { access_token: at.token, expires_in: ACCESS_TOKEN_SECONDS - 1, scope: c.scope, token_type: 'Bearer' };
      if (rt) body.refresh_token = rt.token;
      if (c.scope.split(' ').includes('openid')) body.id_token = store.idToken(acc, c.clientId, issuer(), c.nonce);
      inspector.record('google', 'token_issued', { grant: 'authorization_code', email: acc.email, scope: c.scope, refresh_token: Boolean(rt) });
      return res.json(body);
    }
    if (grant === 'refresh_token') {
      const rt = store.refreshTokens.get(str(b.refresh_token) ?? '');
      if (!rt || rt.revoked) return tokenError(res, 400, 'invalid_grant', 'Token has been expired or revoked.');
      if (rt.clientId !== client.id) return tokenError(res, 400, 'unauthorized_client', 'Unauthorized');
      const acc = store.accounts.get(rt.sub)!;
      const at = store.issueAccess(rt.sub, rt.clientId, rt.scope, rt.token);
      const body: Record<string, unknown> = { access_token: at.token, expires_in: ACCESS_TOKEN_SECONDS - 1, scope: rt.scope, token_type: 'Bearer' };
      if (rt.scope.split(' ').includes('openid')) body.id_token = store.idToken(acc, rt.clientId, issuer());
      inspector.record('google', 'token_issued', { grant: 'refresh_token', email: acc.email, scope: rt.scope });
      return res.json(body);
    }
    return tokenError(res, 400, grant ? 'unsupported_grant_type' : 'invalid_request', grant ? `Invalid grant_type: ${grant}` : 'Missing required parameter: grant_type');
  });

  router.post(['/revoke', '/o/oauth2/revoke'], (req, res) => {
    const token = str((req.body as Record<string, unknown>)?.token) ?? str(req.query.token);
    const at = token ? store.accessTokens.get(token) : undefined;
    const rt = token ? store.refreshTokens.get(token) : undefined;
    if (!at && !rt) return tokenError(res, 400, 'invalid_token', 'Token expired or revoked');
    if (rt) {
      rt.revoked = true;
      for (const a of store.accessTokens.values()) if (a.refreshToken === rt.token) a.revoked = true;
    }
    if (at) {
      at.revoked = true;
      const r = at.refreshToken ? store.refreshTokens.get(at.refreshToken) : undefined;
      if (r) r.revoked = true;
    }
    inspector.record('google', 'token_revoked', { email: store.accounts.get((at ?? rt)!.sub)?.email });
    res.status(200).json({});
  });

  // ---------- userinfo ----------
  router.get(['/v1/userinfo', '/oauth2/v3/userinfo', '/oauth2/v2/userinfo'], (req, res) => {
    const check = store.checkAccess(bearer(req, true));
    if (!check.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
      return res.status(401).json({ error: 'invalid_request', error_description: 'Invalid Credentials' });
    }
    const a = check.account;
    const scopes = check.token.scope.split(' ');
    const hasEmail = scopes.some((s) => s === 'email' || s.endsWith('userinfo.email'));
    const hasProfile = scopes.some((s) => s === 'profile' || s.endsWith('userinfo.profile'));
    const v2 = req.path.startsWith('/oauth2/v2');
    const body: Record<string, unknown> = v2 ? { id: a.sub } : { sub: a.sub };
    if (hasProfile) Object.assign(body, { name: a.name, given_name: a.givenName, family_name: a.familyName, picture: a.picture });
    if (hasEmail) Object.assign(body, v2 ? { email: a.email, verified_email: true } : { email: a.email, email_verified: true });
    if (a.hd) body.hd = a.hd;
    res.json(body);
  });

  // ---------- calendar ----------
  const cal = express.Router();
  cal.use((req, res, next) => {
    const check = store.checkAccess(bearer(req, true));
    if (!check.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
      if (check.reason === 'missing')
        return googleError(res, 401, 'required', 'Login Required.', 'global', { locationType: 'header', location: 'Authorization' });
      return googleError(res, 401, 'authError', 'Invalid Credentials', 'global', { locationType: 'header', location: 'Authorization' });
    }
    const scopes = check.token.scope.split(' ');
    if (!scopes.some((s) => CALENDAR_SCOPES.includes(s))) return googleError(res, 403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
    res.locals.sub = check.account.sub;
    inspector.record('google', 'request', { method: req.method, path: `/calendar/v3${req.path}`, email: check.account.email });
    next();
  });
  cal.get('/users/me/calendarList', (req, res) => listCalendars(store, req, res, res.locals.sub as string));
  cal.get('/calendars/:calendarId/events', (req, res) => listEvents(store, req, res, res.locals.sub as string));
  cal.get('/calendars/:calendarId/events/:eventId', (req, res) => getEvent(store, req, res, res.locals.sub as string));
  cal.get('/calendars/:calendarId', (req, res) => {
    const c = store.resolveCalendar(res.locals.sub as string, String(req.params.calendarId));
    if (!c) return googleError(res, 404, 'notFound', 'Not Found');
    res.json({ kind: 'calendar#calendar', etag: '"1"', id: store.publicCalendarId(c), summary: c.summary, timeZone: c.timeZone });
  });
  cal.use((_req, res) => googleError(res, 404, 'notFound', 'Not Found'));
  router.use('/calendar/v3', cal);

  // ---------- admin ----------
  const admin = express.Router();
  admin.use(express.json());
  const findEvent = (id: string) => store.events.get(id) ?? store.materialiseInstance(id);
  const accountByEmail = (email: unknown) => [...store.accounts.values()].find((a) => a.email === String(email ?? '').toLowerCase());

  function parseTime(v: unknown, field: string): { ms: number; date?: string } {
    if (typeof v === 'string') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return { ms: Date.parse(`${v}T05:00:00Z`), date: v };
      const ms = parseRfc3339(v);
      if (ms !== undefined) return { ms };
    }
    if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.date === 'string') return parseTime(o.date, field);
      if (typeof o.dateTime === 'string') return parseTime(o.dateTime, field);
    }
    throw new AdminError(`${field} must be an RFC 3339 date-time with offset, a YYYY-MM-DD date, or {dateTime}|{date}`);
  }

  admin.get('/accounts', (_req, res) => res.json({ accounts: [...store.accounts.values()] }));
  admin.post('/accounts', (req, res) => {
    const { email, name } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new AdminError('email is required (a valid address)');
    if (name !== undefined && typeof name !== 'string') throw new AdminError('name must be a string');
    const acc = store.addAccount({ email, name: (name as string | undefined) ?? email.split('@')[0] });
    res.status(201).json(acc);
  });
  admin.post('/accounts/:email/revoke', (req, res) => {
    const acc = accountByEmail(req.params.email);
    if (!acc) throw new AdminError(`unknown account ${req.params.email}`, 404);
    let n = 0;
    for (const t of store.accessTokens.values()) if (t.sub === acc.sub && !t.revoked) ((t.revoked = true), n++);
    for (const t of store.refreshTokens.values()) if (t.sub === acc.sub && !t.revoked) ((t.revoked = true), n++);
    res.json({ revoked: n });
  });
  admin.post('/accounts/:email/expire-tokens', (req, res) => {
    const acc = accountByEmail(req.params.email);
    if (!acc) throw new AdminError(`unknown account ${req.params.email}`, 404);
    let n = 0;
    for (const t of store.accessTokens.values()) if (t.sub === acc.sub && t.expiresMs > ctx.clock.nowMs()) ((t.expiresMs = ctx.clock.nowMs()), n++);
    res.json({ expired: n });
  });
  admin.put('/consent', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (b.autoApprove !== undefined && typeof b.autoApprove !== 'boolean') throw new AdminError('autoApprove must be a boolean');
    if (b.deny !== undefined && typeof b.deny !== 'boolean') throw new AdminError('deny must be a boolean');
    if (b.defaultLoginHint !== undefined && typeof b.defaultLoginHint !== 'string') throw new AdminError('defaultLoginHint must be a string');
    if (b.grantedScopes !== undefined && b.grantedScopes !== null && !(Array.isArray(b.grantedScopes) && b.grantedScopes.every((s) => typeof s === 'string')))
      throw new AdminError('grantedScopes must be null or an array of scope strings');
    Object.assign(store.settings, b);
    res.json(store.settings);
  });
  admin.get('/events', (req, res) => {
    const acc = accountByEmail(req.query.account);
    const list = [...store.events.values()].filter((e) => !acc || e.calendarId === acc.email);
    res.json({ items: list.map((e) => eventResource(store, e, store.calendars.get(e.calendarId)!, undefined, false)) });
  });
  admin.post('/events', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const acc = accountByEmail(b.account ?? b.calendarId);
    if (!acc) throw new AdminError('account (an account email) is required and must exist');
    if (typeof b.summary !== 'string' || !b.summary) throw new AdminError('summary is required');
    const start = parseTime(b.start, 'start');
    const end = parseTime(b.end ?? (start.date ? undefined : new Date(start.ms + 3_600_000).toISOString()), 'end');
    if (end.ms <= start.ms) throw new AdminError('end must be after start');
    if (b.id !== undefined && (typeof b.id !== 'string' || !/^[a-v0-9]{5,1024}$/.test(b.id))) throw new AdminError('id must be 5+ characters of a-v and 0-9 (Google base32hex)');
    const id = (b.id as string | undefined) ?? `sbx${Math.floor(ctx.clock.nowMs()).toString(32)}${store.changeSeq.toString(32)}`.replace(/[w-z]/g, 'a');
    if (store.events.has(id)) throw new AdminError(`event ${id} exists`, 409);
    const confKind = typeof b.conference === 'string' ? b.conference : 'none';
    if (!['meet', 'zoom_location', 'zoom_addon', 'teams_description', 'webex_description', 'none'].includes(confKind))
      throw new AdminError('conference must be one of meet, zoom_location, zoom_addon, teams_description, webex_description, none');
    const conf = store.conference(confKind, id, start.ms);
    const attendees = Array.isArray(b.attendees)
      ? (b.attendees as unknown[]).map((a, i) => {
          const o = (typeof a === 'string' ? { email: a } : a) as Record<string, unknown>;
          if (typeof o?.email !== 'string') throw new AdminError(`attendees[${i}].email is required`);
          return { email: o.email, displayName: o.displayName as string | undefined, responseStatus: (o.responseStatus as Attendee['responseStatus']) ?? 'needsAction' };
        })
      : undefined;
    const nowMs = ctx.clock.nowMs();
    const e: StoredEvent = store.putEvent({
      id,
      calendarId: acc.email,
      seq: 0,
      status: 'confirmed',
      createdMs: nowMs,
      updatedMs: nowMs,
      summary: b.summary,
      description: [typeof b.description === 'string' ? b.description : undefined, conf.description].filter(Boolean).join('\n\n') || undefined,
      location: typeof b.location === 'string' ? b.location : conf.location,
      eventType: typeof b.eventType === 'string' ? b.eventType : 'default',
      visibility: typeof b.visibility === 'string' ? b.visibility : undefined,
      startMs: start.ms,
      endMs: end.ms,
      allDay: start.date && end.date ? { start: start.date, end: end.date } : undefined,
      timeZone: NY,
      organizer: { email: acc.email, displayName: acc.name },
      attendees: attendees ? [{ email: acc.email, organizer: true, responseStatus: 'accepted' }, ...attendees] : undefined,
      hangoutLink: typeof b.hangoutLink === 'string' ? b.hangoutLink : conf.hangoutLink,
      conferenceData: conf.conferenceData,
      weeklyCount: typeof b.weeklyCount === 'number' ? b.weeklyCount : undefined,
      sequence: 0,
      iCalUID: `${id}@google.com`,
    });
    inspector.record('google', 'admin_event_added', { id, account: acc.email, summary: e.summary });
    res.status(201).json(eventResource(store, e, store.calendars.get(e.calendarId)!, undefined, false));
  });
  admin.patch('/events/:id', (req, res) => {
    const e = findEvent(String(req.params.id));
    if (!e) throw new AdminError(`unknown event ${req.params.id}`, 404);
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (b.start !== undefined) {
      const start = parseTime(b.start, 'start');
      const dur = e.endMs - e.startMs;
      e.startMs = start.ms;
      e.endMs = b.end !== undefined ? parseTime(b.end, 'end').ms : start.ms + dur;
      if (e.endMs <= e.startMs) throw new AdminError('end must be after start');
    } else if (b.end !== undefined) {
      const end = parseTime(b.end, 'end').ms;
      if (end <= e.startMs) throw new AdminError('end must be after start');
      e.endMs = end;
    }
    for (const k of ['summary', 'description', 'location'] as const) if (typeof b[k] === 'string') e[k] = b[k] as string;
    if (b.status === 'confirmed' || b.status === 'tentative' || b.status === 'cancelled') e.status = b.status;
    store.touch(e);
    inspector.record('google', 'admin_event_changed', { id: e.id, start: new Date(e.startMs).toISOString() });
    res.json(eventResource(store, e, store.calendars.get(e.calendarId)!, undefined, false));
  });
  admin.post('/events/:id/cancel', (req, res) => {
    const e = findEvent(String(req.params.id));
    if (!e) throw new AdminError(`unknown event ${req.params.id}`, 404);
    e.status = 'cancelled';
    store.touch(e);
    inspector.record('google', 'admin_event_cancelled', { id: e.id });
    res.json(eventResource(store, e, store.calendars.get(e.calendarId)!, undefined, false));
  });
  admin.post('/sync-tokens/invalidate', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (b.calendarId !== undefined) {
      const acc = accountByEmail(b.calendarId);
      if (!acc) throw new AdminError(`unknown calendar ${String(b.calendarId)}`, 404);
      store.calendarEpoch.set(acc.email, (store.calendarEpoch.get(acc.email) ?? 0) + 1);
    } else store.syncEpoch++;
    res.json({ invalidated: b.calendarId ?? 'all' });
  });

  return {
    router,
    calendar: cal,
    admin,
    store,
    reset: () => store.reset(),
  };
}

export function createGoogleRouter(ctx: SandboxContext): Router {
  return createGoogleModule(ctx).router;
}

