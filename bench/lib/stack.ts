/** Databases, Redis prefixes, tokens and the API/sandbox/worker processes used by benches and the fault suite. */
import { createCipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import Redis from 'ioredis';
import { freePort, onCleanup, Proc, ROOT, startProc, waitHttp } from './proc';

export const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const SHARED_REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const JWT_SECRET = 'bench-jwt-secret-not-for-production-0123456789';
export const ENC_KEY_ID = 'bench1';
export const ENC_KEY = randomBytes(32);
export const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
export const SANDBOX_MAIN = join(ROOT, 'dist/apps/sandbox/src/main.js');

export function requireBuild(): void {
  for (const f of [API_MAIN, SANDBOX_MAIN]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build:api\` first`);
}

export function dbUrl(name: string, base = PG_ADMIN): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a fresh database (dropped at cleanup unless keep). */
export async function createDatabase(prefix: string, adminUrl = PG_ADMIN, keep = false): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  if (!keep) onCleanup(() => dropDatabase(name, adminUrl));
  return { name, url: dbUrl(name, adminUrl) };
}

export async function dropDatabase(name: string, adminUrl = PG_ADMIN): Promise<void> {
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A unique Redis key prefix, whose keys are deleted at cleanup. */
export function redisPrefix(tag: string, redisUrl = SHARED_REDIS, deleteAtEnd = true): string {
  const prefix = `ambench-${tag}-${randomBytes(3).toString('hex')}`;
  if (deleteAtEnd) onCleanup(async () => void (await deletePrefix(redisUrl, prefix)));
  return prefix;
}

export async function deletePrefix(redisUrl: string, prefix: string): Promise<number> {
  const r = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  r.on('error', () => undefined);
  let n = 0;
  try {
    await r.connect();
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) n += await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
  return n;
}

/** HS256 access token exactly as TokensService signs it (issuer 'aftermeet'). */
export function mintAccessToken(claims: { sub: string; fid: string; role: string }, ttlSec = 3600): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({ ...claims, sid: randomUUID(), iat: now, exp: now + ttlSec, iss: 'aftermeet' });
  const sig = createHmac('sha256', JWT_SECRET).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** Same format as EncryptionService.encrypt: v1.<keyId>.<iv>.<tag>.<ciphertext>, AAD bound. */
export function encrypt(plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', ENC_KEY, iv);
  c.setAAD(Buffer.from(aad));
  const body = Buffer.concat([c.update(Buffer.from(plaintext, 'utf8')), c.final()]);
  return ['v1', ENC_KEY_ID, iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export interface StackEnv {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  sandboxUrl?: string;
}

/** The API's environment: every provider URL at the sandbox, bench keys, quiet logs. */
export function apiEnv(s: StackEnv, role: 'api' | 'worker' | 'all', port: number, extra: Record<string, string> = {}): Record<string, string> {
  const sb = s.sandboxUrl ?? 'http://127.0.0.1:9';
  return {
    NODE_ENV: 'production',
    API_ROLE: role,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEB_ORIGIN: `http://127.0.0.1:${port}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    DATABASE_URL: s.databaseUrl,
    DATABASE_POOL_SIZE: '10',
    DATABASE_MIGRATIONS_RUN: 'true',
    REDIS_URL: s.redisUrl,
    REDIS_PREFIX: s.redisPrefix,
    ENCRYPTION_KEYS: `${ENC_KEY_ID}:${ENC_KEY.toString('base64')}`,
    JWT_SECRET,
    CALENDAR_SYNC_INTERVAL_SECONDS: '0',
    RECALL_POLL_INTERVAL_SECONDS: '0',
    GOOGLE_CLIENT_ID: 'sandbox-google-client-id',
    GOOGLE_CLIENT_SECRET: 'sandbox-google-client-secret',
    GOOGLE_AUTH_URL: `${sb}/google/o/oauth2/v2/auth`,
    GOOGLE_TOKEN_URL: `${sb}/google/token`,
    GOOGLE_USERINFO_URL: `${sb}/google/v1/userinfo`,
    GOOGLE_CALENDAR_BASE_URL: `${sb}/google/calendar/v3`,
    RECALL_BASE_URL: `${sb}/recall`,
    RECALL_API_KEY: 'sandbox-recall-key',
    RECALL_WEBHOOK_SECRET: 'whsec_YWZ0ZXJtZWV0LXNhbmRib3gtcmVjYWxsLXdlYmhvb2stc2VjcmV0IQ==',
    OPENAI_BASE_URL: `${sb}/openai/v1`,
    OPENAI_API_KEY: 'sandbox-openai-key',
    LINKEDIN_CLIENT_ID: 'sandbox-linkedin-client-id',
    LINKEDIN_CLIENT_SECRET: 'sandbox-linkedin-client-secret',
    LINKEDIN_AUTH_BASE_URL: `${sb}/linkedin/oauth/v2`,
    LINKEDIN_API_BASE_URL: `${sb}/linkedin`,
    FACEBOOK_APP_ID: 'sandbox-facebook-app-id',
    FACEBOOK_APP_SECRET: 'sandbox-facebook-app-secret',
    FACEBOOK_WWW_BASE_URL: `${sb}/facebook/www`,
    FACEBOOK_GRAPH_BASE_URL: `${sb}/facebook/graph`,
    ...extra,
  };
}

/** Starts the API (or a worker) from dist; for HTTP roles waits for /health/live. */
export async function startApi(name: string, s: StackEnv, role: 'api' | 'worker' | 'all', extra: Record<string, string> = {}, nodeArgs: string[] = []): Promise<{ proc: Proc; port: number; url: string }> {
  const port = await freePort();
  const proc = startProc(name, process.execPath, [...nodeArgs, API_MAIN], apiEnv(s, role, port, extra));
  const url = `http://127.0.0.1:${port}`;
  if (role !== 'worker') await waitHttp(`${url}/health/live`, 90_000, proc);
  return { proc, port, url };
}

export async function startSandbox(name = 'sandbox', extra: Record<string, string> = {}): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = startProc(name, process.execPath, [SANDBOX_MAIN], { SANDBOX_PORT: String(port), SANDBOX_TIME_SCALE: '60', RECALL_WEBHOOK_URL: '', SANDBOX_PUBLIC_URL: `http://127.0.0.1:${port}`, ...extra });
  const url = `http://127.0.0.1:${port}`;
  await waitHttp(`${url}/__admin/faults`, 30_000, proc);
  return { proc, url };
}

/** Waits until the migrations' last table exists (a worker runs migrations without an HTTP port). */
export async function waitForSchema(pool: Pool, table = 'publication_record', timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await pool.query(`SELECT to_regclass($1) AS t`, [table]);
    if (r.rows[0].t) return;
    await new Promise((res) => setTimeout(res, 300));
  }
  throw new Error(`schema not ready (${table})`);
}
