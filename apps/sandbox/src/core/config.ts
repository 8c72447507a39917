/**
 * Sandbox settings, read from the environment once. Every value can also be overridden through the
 * options object given to createSandbox(), which is how tests start several independent sandboxes.
 */
export interface SandboxConfig {
  /** SANDBOX_PORT, default 4000. */
  port: number;
  /** SANDBOX_TIME_SCALE, default 1: simulated durations (meeting length, webhook retry delays) run this many times faster. */
  timeScale: number;
  /** SANDBOX_PUBLIC_URL, default http://localhost:{port}: base of every absolute URL the sandbox hands out. */
  publicUrl: string;
  /** RECALL_WEBHOOK_URL; '' turns status webhooks off. */
  recallWebhookUrl: string;
  /** RECALL_WEBHOOK_SECRET, a Svix secret `whsec_<base64>`. */
  recallWebhookSecret: string;
  /** RECALL_API_KEY, comma-separated list of accepted keys. */
  recallApiKeys: string[];
  googleClientId: string;
  googleClientSecret: string;
  linkedinClientId: string;
  linkedinClientSecret: string;
  facebookAppId: string;
  facebookAppSecret: string;
  /** OPENAI_API_KEY, comma-separated list of accepted keys. */
  openaiApiKeys: string[];
  /** SANDBOX_FAULTS, JSON: initial fault rules per provider (see faults.ts). */
  faults: Record<string, unknown>;
  /** SANDBOX_SEED_NOW (ISO time): pin the sandbox clock's start so seeded data is identical between runs. Default: real now. */
  seedNow?: string;
}

/** Fixed default Svix secret: base64 of the ASCII bytes "aftermeet-sandbox-recall-webhook-secret!". */
export const DEFAULT_RECALL_WEBHOOK_SECRET = 'whsec_' + Buffer.from('aftermeet-sandbox-recall-webhook-secret!').toString('base64');

type Env = Record<string, string | undefined>;

function fail(setting: string, why: string): never {
  throw new Error(`Invalid sandbox setting ${setting}: ${why}`);
}

function intSetting(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw.trim())) fail(name, `expected an integer, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) fail(name, `expected ${min}..${max}, got ${n}`);
  return n;
}

function strSetting(env: Env, name: string, def: string): string {
  const raw = env[name];
  return raw === undefined || raw === '' ? def : raw.trim();
}

function listSetting(env: Env, name: string, def: string): string[] {
  return strSetting(env, name, def)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function checkUrl(name: string, value: string): void {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    fail(name, `not a URL: "${value}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') fail(name, `must be http(s), got "${value}"`);
}

export function validateConfig(c: SandboxConfig): SandboxConfig {
  if (!Number.isInteger(c.port) || c.port < 0 || c.port > 65535) fail('SANDBOX_PORT', `expected 0..65535, got ${c.port}`);
  if (!(typeof c.timeScale === 'number' && Number.isFinite(c.timeScale) && c.timeScale > 0 && c.timeScale <= 1_000_000))
    fail('SANDBOX_TIME_SCALE', `expected a number > 0 and <= 1000000, got ${c.timeScale}`);
  checkUrl('SANDBOX_PUBLIC_URL', c.publicUrl);
  if (c.recallWebhookUrl !== '') checkUrl('RECALL_WEBHOOK_URL', c.recallWebhookUrl);
  const m = /^whsec_([A-Za-z0-9+/=]+)$/.exec(c.recallWebhookSecret);
  if (!m || Buffer.from(m[1], 'base64').length < 16) fail('RECALL_WEBHOOK_SECRET', 'expected whsec_<base64 of at least 16 bytes>');
  if (c.recallApiKeys.length === 0) fail('RECALL_API_KEY', 'at least one key is required');
  if (c.openaiApiKeys.length === 0) fail('OPENAI_API_KEY', 'at least one key is required');
  for (const [k, name] of [
    ['googleClientId', 'GOOGLE_CLIENT_ID'],
    ['googleClientSecret', 'GOOGLE_CLIENT_SECRET'],
    ['linkedinClientId', 'LINKEDIN_CLIENT_ID'],
    ['linkedinClientSecret', 'LINKEDIN_CLIENT_SECRET'],
    ['facebookAppId', 'FACEBOOK_APP_ID'],
    ['facebookAppSecret', 'FACEBOOK_APP_SECRET'],
  ] as const) {
    if (!c[k]) fail(name, 'must not be empty');
  }
  if (typeof c.faults !== 'object' || c.faults === null || Array.isArray(c.faults)) fail('SANDBOX_FAULTS', 'expected a JSON object keyed by provider');
  if (c.seedNow !== undefined && Number.isNaN(Date.parse(c.seedNow))) fail('SANDBOX_SEED_NOW', `not an ISO date: "${c.seedNow}"`);
  return c;
}

/** Reads the environment (default process.env) and applies overrides; throws one line naming the bad setting. */
export function loadConfig(overrides: Partial<SandboxConfig> = {}, env: Env = process.env): SandboxConfig {
  let timeScale = 1;
  const rawScale = env.SANDBOX_TIME_SCALE;
  if (rawScale !== undefined && rawScale !== '') {
    timeScale = Number(rawScale);
    if (!Number.isFinite(timeScale)) fail('SANDBOX_TIME_SCALE', `expected a number, got "${rawScale}"`);
  }
  const port = overrides.port ?? intSetting(env, 'SANDBOX_PORT', 4000, 0, 65535);
  let faults: Record<string, unknown> = {};
  const rawFaults = env.SANDBOX_FAULTS;
  if (rawFaults !== undefined && rawFaults.trim() !== '') {
    try {
      faults = JSON.parse(rawFaults) as Record<string, unknown>;
    } catch {
      fail('SANDBOX_FAULTS', 'not valid JSON');
    }
  }
  const base: SandboxConfig = {
    port,
    timeScale,
    publicUrl: strSetting(env, 'SANDBOX_PUBLIC_URL', `http://localhost:${port}`).replace(/\/+$/, ''),
    recallWebhookUrl: env.RECALL_WEBHOOK_URL === undefined ? 'http://localhost:3000/api/recall/webhook' : env.RECALL_WEBHOOK_URL.trim(),
    recallWebhookSecret: strSetting(env, 'RECALL_WEBHOOK_SECRET', DEFAULT_RECALL_WEBHOOK_SECRET),
    recallApiKeys: listSetting(env, 'RECALL_API_KEY', 'sandbox-recall-key'),
    googleClientId: strSetting(env, 'GOOGLE_CLIENT_ID', 'sandbox-google-client-id'),
    googleClientSecret: strSetting(env, 'GOOGLE_CLIENT_SECRET', 'sandbox-google-client-secret'),
    linkedinClientId: strSetting(env, 'LINKEDIN_CLIENT_ID', 'sandbox-linkedin-client-id'),
    linkedinClientSecret: strSetting(env, 'LINKEDIN_CLIENT_SECRET', 'sandbox-linkedin-client-secret'),
    facebookAppId: strSetting(env, 'FACEBOOK_APP_ID', 'sandbox-facebook-app-id'),
    facebookAppSecret: strSetting(env, 'FACEBOOK_APP_SECRET', 'sandbox-facebook-app-secret'),
    openaiApiKeys: listSetting(env, 'OPENAI_API_KEY', 'sandbox-openai-key'),
    faults,
    seedNow: env.SANDBOX_SEED_NOW || undefined,
  };
  const merged: SandboxConfig = { ...base, ...stripUndefined(overrides) };
  if (overrides.port !== undefined && overrides.publicUrl === undefined && env.SANDBOX_PUBLIC_URL === undefined) {
    merged.publicUrl = `http://localhost:${overrides.port}`;
  }
  merged.publicUrl = merged.publicUrl.replace(/\/+$/, '');
  return validateConfig(merged);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
