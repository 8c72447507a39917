import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Request } from 'express';

/** Small helpers shared by the provider emulators. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export { randomUUID };

export function hashInt(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32BE(0);
}

export function b64urlJson(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}

export function parseB64urlJson<T>(s: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Bearer token from the Authorization header (or `access_token` query/body parameter when allowed). */
export function bearer(req: Request, allowParam = false): string | undefined {
  const h = req.header('authorization');
  const m = h ? /^Bearer\s+(.+)$/i.exec(h.trim()) : null;
  if (m) return m[1].trim();
  if (allowParam) {
    const q = req.query.access_token;
    if (typeof q === 'string' && q) return q;
    const b = (req.body as Record<string, unknown> | undefined)?.access_token;
    if (typeof b === 'string' && b) return b;
  }
  return undefined;
}

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Appends query parameters to a redirect URI, keeping the ones it already has. */
export function withParams(uri: string, params: Record<string, string | undefined>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}

export const PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
button{padding:.45rem .9rem;margin:.2rem;border-radius:6px;border:1px solid #888;background:#f5f7fa;cursor:pointer}
button.primary{background:#1a73e8;color:#fff;border-color:#1a73e8}button.deny{background:#fff;color:#b00020;border-color:#b00020}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;vertical-align:top}
code{background:#f2f2f2;padding:0 .2rem}.muted{color:#667}.card{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}`;
