import request from 'supertest';
import type { Express } from 'express';

export const GOOGLE_CLIENT = { id: 'sandbox-google-client-id', secret: 'sandbox-google-client-secret' };
export const REDIRECT = 'https://app.example/callback';
export const CAL_SCOPE = 'openid email profile https://www.googleapis.com/auth/calendar.readonly';

/** Follows the consent redirect non-interactively and returns the callback's query. */
export async function googleConsent(app: Express, email: string, extra: Record<string, string> = {}): Promise<URLSearchParams> {
  const res = await request(app)
    .get('/google/o/oauth2/v2/auth')
    .query({ client_id: GOOGLE_CLIENT.id, redirect_uri: REDIRECT, response_type: 'code', scope: CAL_SCOPE, state: 'st-1', access_type: 'offline', login_hint: email, sandbox_auto: '1', ...extra });
  if (res.status !== 302) throw new Error(`consent answered ${res.status}: ${res.text}`);
  const loc = new URL(res.headers.location as string);
  return loc.searchParams;
}

export async function googleTokens(app: Express, email: string, extra: Record<string, string> = {}): Promise<Record<string, string | number>> {
  const q = await googleConsent(app, email, extra);
  const res = await request(app)
    .post('/google/token')
    .type('form')
    .send({ code: q.get('code'), client_id: GOOGLE_CLIENT.id, client_secret: GOOGLE_CLIENT.secret, redirect_uri: REDIRECT, grant_type: 'authorization_code' });
  if (res.status !== 200) throw new Error(`token answered ${res.status}: ${res.text}`);
  return res.body as Record<string, string | number>;
}

/** Polls `check` every 20 ms until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
