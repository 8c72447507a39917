import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

export const STATE_COOKIE = 'am_oauth_state';
const TTL_SECONDS = 600;

export interface OAuthIntent {
  intent: 'sign_in' | 'connect';
  userId?: string;
  returnTo: string;
}

type Req = Request & { oauthIntent?: OAuthIntent; res?: Response };

/**
 * passport-oauth2 state store: the state is random, kept in Redis for 10 minutes (single use) and
 * bound to this browser by an httpOnly cookie, so a forged, replayed or foreign state is refused.
 */
export class RedisOAuthStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly secureCookies: boolean,
  ) {}

  store(req: Req, _meta: unknown, cb: (err: Error | null, state?: string) => void): void {
    const state = randomBytes(24).toString('base64url');
    const intent: OAuthIntent = req.oauthIntent ?? { intent: 'sign_in', returnTo: '/' };
    this.redis
      .set(`${this.prefix}:oauth:${state}`, JSON.stringify(intent), 'EX', TTL_SECONDS)
      .then(() => {
        req.res?.cookie(STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: this.secureCookies, maxAge: TTL_SECONDS * 1000, path: '/api/auth' });
        cb(null, state);
      })
      .catch((err: Error) => cb(err));
  }

  verify(req: Req, state: string, _meta: unknown, cb: (err: Error | null, ok: boolean, info?: unknown) => void): void {
    const cookie = (req.cookies as Record<string, string> | undefined)?.[STATE_COOKIE];
    req.res?.clearCookie(STATE_COOKIE, { path: '/api/auth' });
    if (!state || !cookie || cookie !== state) return cb(null, false, { message: 'invalid_state' });
    this.redis
      .getdel(`${this.prefix}:oauth:${state}`)
      .then((raw) => {
        if (!raw) return cb(null, false, { message: 'invalid_state' });
        req.oauthIntent = JSON.parse(raw) as OAuthIntent;
        cb(null, true, req.oauthIntent);
      })
      .catch((err: Error) => cb(err, false));
  }
}
