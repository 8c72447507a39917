import createClient from 'openapi-fetch';
import type { paths } from '@api-client/schema';
import { asApiError, toApiError } from './errors';
import { csrfToken } from './csrf';
import { sessionStore } from '../auth/session-store';

/** Same origin in production (the API serves the SPA) and through Vite's proxy in development. */
const baseUrl = window.location.origin;

const plainFetch = (request: Request): Promise<Response> => fetch(request);

/** Used for the refresh and logout calls only: no bearer, no 401 retry. */
const sessionClient = createClient<paths>({ baseUrl, fetch: plainFetch, credentials: 'include' });

let inflight: Promise<boolean> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Exchange the refresh cookie for a new access token. Single-flight: concurrent callers (ten
 * queries that all got a 401) share one request. Resolves false when the session is gone.
 */
export function refreshSession(): Promise<boolean> {
  inflight ??= (async () => {
    try {
      const { data, response } = await sessionClient.POST('/api/auth/refresh', { headers: { 'x-csrf-token': csrfToken() } });
      if (!response.ok || !data?.success) {
        // Only a session we had can "expire"; a first visit without one just needs to sign in.
        sessionStore.clear(sessionStore.getState().status === 'authenticated' ? 'expired' : undefined);
        return false;
      }
      const { accessToken, expiresIn, user } = data.data;
      sessionStore.setSession(accessToken, expiresIn, user);
      scheduleRefresh(expiresIn);
      return true;
    } catch {
      // Network trouble is not a lost session: keep a token we have and let the caller retry.
      // With none (first load while the API is unreachable) the sign-in page is the honest answer.
      if (sessionStore.getState().status === 'unknown') sessionStore.clear();
      return sessionStore.getAccessToken() !== null;
    } finally {
      inflight = null;
    }
  })();
  return inflight;
}

/** Renew a minute before expiry so requests and the event stream rarely meet a 401. */
function scheduleRefresh(expiresInSeconds: number): void {
  clearTimeout(refreshTimer);
  const ms = Math.max(10_000, (expiresInSeconds - 60) * 1000);
  refreshTimer = setTimeout(() => void refreshSession(), ms);
}

/** A valid token for a consumer that cannot retry by itself (EventSource). */
export async function freshAccessToken(): Promise<string | null> {
  if (!sessionStore.getAccessToken() || sessionStore.msUntilExpiry() < 30_000) await refreshSession();
  return sessionStore.getAccessToken();
}

export async function signOut(): Promise<void> {
  clearTimeout(refreshTimer);
  try {
    await sessionClient.POST('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken() } });
  } finally {
    sessionStore.clear('signed_out');
  }
}

function withBearer(request: Request): Request {
  const token = sessionStore.getAccessToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

const isAuthRoute = (url: string) => new URL(url).pathname.startsWith('/api/auth/');

/** Sends the bearer token; on a 401 refreshes once (shared) and retries the request once. */
async function authFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(withBearer(request));
  if (response.status !== 401 || isAuthRoute(request.url)) return response;
  const ok = await refreshSession();
  if (!ok) return response;
  const second = await fetch(withBearer(retry));
  if (second.status === 401) sessionStore.clear('expired');
  return second;
}

/** The one API client of the SPA, typed by libs/api-client/schema.d.ts. */
export const api = createClient<paths>({ baseUrl, fetch: authFetch, credentials: 'include' });

type Result<T> = { data?: T; error?: unknown; response: Response };
type Data<T> = T extends { data: infer D } ? D : never;

/**
 * Turns an openapi-fetch result into the envelope's `data`, or throws an ApiError with the
 * server's message. Every React Query hook goes through this.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<Data<NonNullable<T>>> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (err) {
    throw asApiError(err);
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) throw toApiError(error ?? data, response);
  if (data === undefined) return undefined as Data<NonNullable<T>>; // 204 No Content
  const body = data as { success?: boolean; data?: unknown };
  if (body && typeof body === 'object' && 'success' in body && body.success === false) throw toApiError(body, response);
  return (body && typeof body === 'object' && 'data' in body ? body.data : body) as Data<NonNullable<T>>;
}
