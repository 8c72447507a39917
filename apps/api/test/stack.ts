import request from 'supertest';
import { createSandbox } from '../../sandbox/src/app';
import { startTestApp, TestApp } from './utils';

/** Every provider setting pointed at a sandbox at base URL `s`: the same adapters, no stubs. */
export function providerEnv(s: string): Record<string, string> {
  return {
    GOOGLE_AUTH_URL: `${s}/google/o/oauth2/v2/auth`,
    GOOGLE_TOKEN_URL: `${s}/google/token`,
    GOOGLE_USERINFO_URL: `${s}/google/v1/userinfo`,
    GOOGLE_CALENDAR_BASE_URL: `${s}/google/calendar/v3`,
    RECALL_BASE_URL: `${s}/recall`,
    OPENAI_BASE_URL: `${s}/openai/v1`,
    LINKEDIN_AUTH_BASE_URL: `${s}/linkedin/oauth/v2`,
    LINKEDIN_API_BASE_URL: `${s}/linkedin`,
    FACEBOOK_WWW_BASE_URL: `${s}/facebook/www`,
    FACEBOOK_GRAPH_BASE_URL: `${s}/facebook/graph`,
  };
}

export interface Stack {
  api: TestApp;
  sandboxUrl: string;
  sandbox: ReturnType<typeof createSandbox>;
  close(): Promise<void>;
}

/** The API on its own database, wired to an in-process sandbox on a random port: the real adapters, no stubs. */
export async function startStack(env: Record<string, string> = {}, sandboxOpts: Parameters<typeof createSandbox>[0] = {}): Promise<Stack> {
  const sandbox = createSandbox({ recallWebhookUrl: '', ...sandboxOpts });
  const server = await sandbox.listen(0);
  const s = server.url.replace(/\/$/, '');
  const api = await startTestApp({
    ...providerEnv(s),
    WEB_ORIGIN: 'http://web.test',
    ...env,
  });
  return {
    api,
    sandbox,
    sandboxUrl: s,
    close: async () => {
      await api.close();
      await server.close();
    },
  };
}

export interface SignedIn {
  accessToken: string;
  refreshCookie: string;
  csrf: string;
  user: { id: string; email: string; firmId: string; role: string; name: string };
}

function cookieValue(setCookie: string[] | undefined, name: string): string | undefined {
  const line = (setCookie ?? []).find((c) => c.startsWith(`${name}=`));
  return line ? decodeURIComponent(line.split(';')[0].slice(name.length + 1)) : undefined;
}

/** The whole OAuth redirect dance for a sandbox Google account, as a browser would do it. */
export async function signIn(stack: Stack, email: string): Promise<SignedIn> {
  await request(stack.sandboxUrl).put('/__admin/google/consent').send({ autoApprove: true, defaultLoginHint: email }).expect(200);
  const start = await request(stack.api.url).get('/api/auth/google').expect(302);
  const stateCookie = cookieValue(start.headers['set-cookie'] as unknown as string[], 'am_oauth_state');
  const consent = await request(start.headers.location).get('').redirects(0);
  expect(consent.status).toBe(302);
  const callback = new URL(consent.headers.location);
  const done = await request(stack.api.url)
    .get(callback.pathname + callback.search)
    .set('cookie', `am_oauth_state=${stateCookie}`)
    .expect(302);
  expect(done.headers.location).toMatch(/^http:\/\/web\.test\/auth\/complete/);
  const cookies = done.headers['set-cookie'] as unknown as string[];
  const refreshCookie = cookieValue(cookies, 'am_refresh')!;
  const csrf = cookieValue(cookies, 'am_csrf')!;
  const res = await request(stack.api.url)
    .post('/api/auth/refresh')
    .set('cookie', `am_refresh=${refreshCookie}; am_csrf=${csrf}`)
    .set('x-csrf-token', csrf)
    .expect(200);
  const rotated = cookieValue(res.headers['set-cookie'] as unknown as string[], 'am_refresh')!;
  return { accessToken: res.body.data.accessToken, refreshCookie: rotated, csrf, user: res.body.data.user };
}
