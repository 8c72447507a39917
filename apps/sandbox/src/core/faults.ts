import type { NextFunction, Request, RequestHandler, Response } from 'express';

export const PROVIDERS = ['google', 'recall', 'openai', 'linkedin', 'facebook'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** What an injected failure looks like; each provider turns it into its own error body. */
export type FaultKind = 'error' | 'rate_limit' | 'timeout' | 'drop' | 'expired_token' | 'revoked_token' | 'bad_body';

/**
 * One fault rule. Matching: `route` (path below the provider prefix, `*` = one segment, `**` = any,
 * prefix match) and `method`. Firing: `once`, every `everyNth` matching call, with probability
 * `errorRate`, or on every matching call when none of those is given. `latencyMs` alone only delays.
 */
export interface FaultRule {
  id: string;
  route?: string;
  method?: string;
  latencyMs?: number;
  errorRate?: number;
  everyNth?: number;
  once?: boolean;
  /** Stop after firing this many times. */
  times?: number;
  kind?: FaultKind;
  status?: number;
  /** Seconds, sent as Retry-After (429 default 1; also honoured on 503/507). */
  retryAfter?: number;
  /** Overrides the provider-shaped body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How long a `timeout` holds the connection before dropping it (default 120000 ms). */
  holdMs?: number;
  /** Counters, maintained by the registry. */
  matched?: number;
  fired?: number;
}

export interface FaultResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Send body verbatim (text/html etc.) instead of JSON. */
  raw?: { contentType: string; text: string };
}

/** Each provider supplies its error shape for injected faults. */
export type FaultShape = (kind: FaultKind, status: number, rule: FaultRule, path: string) => FaultResponse;

const RULE_KEYS = new Set(['id', 'route', 'method', 'latencyMs', 'errorRate', 'everyNth', 'once', 'times', 'kind', 'status', 'retryAfter', 'body', 'headers', 'holdMs']);
const KINDS: FaultKind[] = ['error', 'rate_limit', 'timeout', 'drop', 'expired_token', 'revoked_token', 'bad_body'];

export class FaultConfigError extends Error {}

function bad(msg: string): never {
  throw new FaultConfigError(msg);
}

export class FaultRegistry {
  private rules = new Map<ProviderName, FaultRule[]>();
  private shapes = new Map<ProviderName, FaultShape>();
  private seq = 1;
  /** Injectable for tests; Math.random by default. */
  random: () => number = Math.random;
  private readonly held = new Set<NodeJS.Timeout>();

  constructor(initial?: Record<string, unknown>) {
    if (initial && Object.keys(initial).length) this.replaceAll(initial);
  }

  registerShape(provider: ProviderName, shape: FaultShape): void {
    this.shapes.set(provider, shape);
  }

  /** Validates and normalises `{provider: rule | rule[]}`; throws FaultConfigError naming the bad field. */
  parse(input: unknown): Map<ProviderName, FaultRule[]> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) bad('faults must be an object keyed by provider');
    const out = new Map<ProviderName, FaultRule[]>();
    for (const [provider, value] of Object.entries(input as Record<string, unknown>)) {
      if (!(PROVIDERS as readonly string[]).includes(provider)) bad(`unknown provider "${provider}" (expected one of ${PROVIDERS.join(', ')})`);
      const list = value === null ? [] : Array.isArray(value) ? value : [value];
      out.set(
        provider as ProviderName,
        list.map((r, i) => this.parseRule(r, `${provider}[${i}]`)),
      );
    }
    return out;
  }

  parseRule(r: unknown, where: string): FaultRule {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) bad(`${where}: a rule must be an object`);
    const o = r as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!RULE_KEYS.has(k)) bad(`${where}: unknown field "${k}"`);
    const num = (k: string, min: number, max: number, int = false) => {
      const v = o[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (int && !Number.isInteger(v))) bad(`${where}.${k}: expected ${int ? 'an integer' : 'a number'} in ${min}..${max}`);
      return v;
    };
    const str = (k: string) => {
      const v = o[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || !v) bad(`${where}.${k}: expected a non-empty string`);
      return v;
    };
    const rule: FaultRule = {
      id: str('id') ?? `f${this.seq++}`,
      route: str('route'),
      method: str('method')?.toUpperCase(),
      latencyMs: num('latencyMs', 0, 600_000),
      errorRate: num('errorRate', 0, 1),
      everyNth: num('everyNth', 1, 1_000_000, true),
      times: num('times', 1, 1_000_000, true),
      status: num('status', 100, 599, true),
      retryAfter: num('retryAfter', 0, 86_400),
      holdMs: num('holdMs', 0, 3_600_000),
      body: o.body,
      matched: 0,
      fired: 0,
    };
    if (o.once !== undefined) {
      if (typeof o.once !== 'boolean') bad(`${where}.once: expected a boolean`);
      rule.once = o.once;
    }
    if (o.kind !== undefined) {
      if (!KINDS.includes(o.kind as FaultKind)) bad(`${where}.kind: expected one of ${KINDS.join(', ')}`);
      rule.kind = o.kind as FaultKind;
    }
    if (o.headers !== undefined) {
      if (typeof o.headers !== 'object' || o.headers === null || Object.values(o.headers).some((v) => typeof v !== 'string'))
        bad(`${where}.headers: expected an object of strings`);
      rule.headers = o.headers as Record<string, string>;
    }
    if (rule.kind === undefined && rule.status === 429) rule.kind = 'rate_limit';
    if (rule.kind === undefined && (rule.status !== undefined || rule.errorRate !== undefined || rule.everyNth !== undefined || rule.once)) rule.kind = 'error';
    if (rule.kind === undefined && rule.latencyMs === undefined) bad(`${where}: give at least latencyMs, status, kind or errorRate`);
    return rule;
  }

  replaceAll(input: unknown): void {
    this.rules = this.parse(input);
  }

  /** Adds rules for providers, keeping existing ones. */
  add(input: unknown): FaultRule[] {
    const added: FaultRule[] = [];
    for (const [p, list] of this.parse(input)) {
      this.rules.set(p, [...(this.rules.get(p) ?? []), ...list]);
      added.push(...list);
    }
    return added;
  }

  remove(provider: ProviderName | undefined, id?: string): void {
    if (!provider) {
      this.rules.clear();
      return;
    }
    if (!id) this.rules.delete(provider);
    else this.rules.set(provider, (this.rules.get(provider) ?? []).filter((r) => r.id !== id));
  }

  clear(): void {
    this.rules.clear();
    for (const t of this.held) clearTimeout(t);
    this.held.clear();
  }

  list(): Record<string, FaultRule[]> {
    const out: Record<string, FaultRule[]> = {};
    for (const [p, list] of this.rules) if (list.length) out[p] = list;
    return out;
  }

  private matches(rule: FaultRule, method: string, path: string): boolean {
    if (rule.method && rule.method !== method.toUpperCase()) return false;
    if (!rule.route) return true;
    const pattern = rule.route
      .replace(/\/+$/, '')
      .split(/(\*\*|\*)/)
      .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return new RegExp(`^${pattern}(/.*)?$`).test(path.replace(/\/+$/, '') || '/');
  }

  /** Decides for one request: total latency to add and the fault to inject (if any). Counters advance. */
  decide(provider: ProviderName, method: string, path: string): { latencyMs: number; fault?: FaultRule } {
    let latencyMs = 0;
    let fault: FaultRule | undefined;
    const list = this.rules.get(provider) ?? [];
    for (const rule of [...list]) {
      if (!this.matches(rule, method, path)) continue;
      rule.matched = (rule.matched ?? 0) + 1;
      if (rule.latencyMs) latencyMs += rule.latencyMs;
      if (!rule.kind || fault) continue;
      let fire: boolean;
      if (rule.once) fire = true;
      else if (rule.everyNth) fire = rule.matched % rule.everyNth === 0;
      else if (rule.errorRate !== undefined) fire = this.random() < rule.errorRate;
      else fire = true;
      if (!fire) continue;
      rule.fired = (rule.fired ?? 0) + 1;
      fault = rule;
      if (rule.once || (rule.times !== undefined && rule.fired >= rule.times)) {
        this.rules.set(
          provider,
          (this.rules.get(provider) ?? []).filter((r) => r !== rule),
        );
      }
    }
    return { latencyMs, fault };
  }

  /** Turns a firing rule into the response (provider shape, then rule overrides). */
  render(provider: ProviderName, rule: FaultRule, path = '/'): FaultResponse {
    const kind = rule.kind ?? 'error';
    const status = rule.status ?? defaultStatus(kind);
    const shape = this.shapes.get(provider) ?? genericShape;
    const res = shape(kind, status, rule, path);
    const headers: Record<string, string> = { ...(res.headers ?? {}) };
    if (rule.retryAfter !== undefined) headers['Retry-After'] = String(rule.retryAfter);
    else if (kind === 'rate_limit' && !headers['Retry-After']) headers['Retry-After'] = '1';
    Object.assign(headers, rule.headers ?? {});
    return { ...res, status: res.status, body: rule.body !== undefined ? rule.body : res.body, headers, raw: rule.body !== undefined ? undefined : res.raw };
  }

  /** Express middleware applying this provider's rules; mount it before the provider's router. */
  middleware(provider: ProviderName): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      const { latencyMs, fault } = this.decide(provider, req.method, req.path);
      const act = () => {
        if (!fault) return next();
        res.setHeader('x-sandbox-fault', fault.id);
        const kind = fault.kind ?? 'error';
        if (kind === 'drop') {
          req.socket.destroy();
          return;
        }
        if (kind === 'timeout') {
          const t = setTimeout(() => {
            this.held.delete(t);
            req.socket.destroy();
          }, fault.holdMs ?? 120_000);
          t.unref?.();
          this.held.add(t);
          res.on('close', () => {
            clearTimeout(t);
            this.held.delete(t);
          });
          return;
        }
        if (kind === 'bad_body') {
          res.status(fault.status ?? 200).type('application/json').send('{"truncated": [1, 2, ');
          return;
        }
        const out = this.render(provider, fault, req.path);
        res.status(out.status);
        for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, v);
        if (out.raw) res.type(out.raw.contentType).send(out.raw.text);
        else res.json(out.body);
      };
      if (latencyMs > 0) {
        const t = setTimeout(act, latencyMs);
        res.on('close', () => clearTimeout(t));
      } else act();
    };
  }
}

function defaultStatus(kind: FaultKind): number {
  switch (kind) {
    case 'rate_limit':
      return 429;
    case 'expired_token':
    case 'revoked_token':
      return 401;
    case 'bad_body':
      return 200;
    default:
      return 500;
  }
}

const genericShape: FaultShape = (kind, status) => ({ status, body: { error: kind, status } });

/** The factory named in the architecture: `app.use('/recall', faultMiddleware(ctx.faults, 'recall'), router)`. */
export function faultMiddleware(faults: FaultRegistry, provider: ProviderName): RequestHandler {
  return faults.middleware(provider);
}
