import { auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import { createSandbox, type SandboxServer } from '../src/app';
import { googleTokens } from './helpers';

const ANN = 'ann.lee@leewealth.example';

describe("Google's official calendar client against the sandbox", () => {
  let server: SandboxServer;
  let api: calendar_v3.Calendar;
  const sandbox = createSandbox({ port: 0 });

  beforeAll(async () => {
    server = await sandbox.listen(0);
    const tokens = await googleTokens(sandbox.app, ANN);
    const oauth = new auth.OAuth2({ clientId: sandbox.ctx.config.googleClientId, clientSecret: sandbox.ctx.config.googleClientSecret, transporterOptions: { fetchImplementation: fetch } });
    oauth.setCredentials({ access_token: String(tokens.access_token) });
    // Under jest, gaxios' lazy `import('node-fetch')` fails (ESM); hand it the global fetch.
    // A global rootUrl keeps only its origin (googleapis-common), so point it at the root alias.
    api = calendar({ version: 'v3', rootUrl: `${server.url}/`, auth: oauth, fetchImplementation: fetch });
  });
  afterAll(() => server.close());

  it('listens on a random port and follows it in the public URL', () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(server.url).not.toBe('http://localhost:0');
    expect(sandbox.ctx.config.publicUrl).toBe(server.url);
  });

  it('lists events with paging, then picks up an admin change with the sync token', async () => {
    const cals = await api.calendarList.list();
    expect(cals.data.items?.find((c) => c.primary)?.id).toBe(ANN);
    // the /google/ prefix works when given per method (the method-level rootUrl keeps its path)
    const prefixed = await api.calendarList.list({}, { rootUrl: `${server.url}/google/` });
    expect(prefixed.config.url?.toString()).toContain('/google/calendar/v3/');
    expect(prefixed.data.items).toHaveLength(cals.data.items?.length ?? -1);

    const seen: calendar_v3.Schema$Event[] = [];
    let pageToken: string | undefined;
    let syncToken: string | undefined | null;
    let pages = 0;
    do {
      const res = await api.events.list({ calendarId: 'primary', singleEvents: true, maxResults: 4, pageToken });
      pages++;
      seen.push(...(res.data.items ?? []));
      pageToken = res.data.nextPageToken ?? undefined;
      syncToken = res.data.nextSyncToken;
    } while (pageToken);
    expect(pages).toBeGreaterThan(2);
    expect(syncToken).toBeTruthy();
    expect(seen.some((e) => e.hangoutLink?.startsWith('https://meet.google.com/'))).toBe(true);

    const target = seen.find((e) => e.summary?.startsWith('Insurance review'));
    expect(target).toBeDefined();
    const cancel = await fetch(`${server.url}/__admin/google/events/${target?.id}/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(200);

    const diff = await api.events.list({ calendarId: 'primary', singleEvents: true, syncToken: syncToken as string });
    expect(diff.data.items?.map((e) => [e.id, e.status])).toEqual([[target?.id, 'cancelled']]);
    expect(diff.data.nextSyncToken).toBeTruthy();

    await fetch(`${server.url}/__admin/google/sync-tokens/invalidate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await expect(api.events.list({ calendarId: 'primary', singleEvents: true, syncToken: diff.data.nextSyncToken as string })).rejects.toMatchObject({ status: 410 });
  });
});
