import { createPublicKey, createVerify } from 'node:crypto';
import request from 'supertest';
import { createSandbox } from '../src/app';
import { CAL_SCOPE, GOOGLE_CLIENT, REDIRECT, googleConsent, googleTokens } from './helpers';

const ANN = 'ann.lee@leewealth.example';

describe('Google OAuth emulator', () => {
  it('shows a consent page listing the seeded accounts, a form to add one and a deny button', async () => {
    const { app } = createSandbox();
    const res = await request(app).get('/google/o/oauth2/v2/auth').query({ client_id: GOOGLE_CLIENT.id, redirect_uri: REDIRECT, response_type: 'code', scope: CAL_SCOPE, state: 'x' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-account="ann.lee@leewealth.example"');
    expect(res.text).toContain('data-account="priya.patel@leewealth.example"');
    expect(res.text).toContain('data-account="david.okafor@harborviewfp.example"');
    expect(res.text).toContain('name="new_email"');
    expect(res.text).toContain('value="deny"');
  });

  it('rejects an unknown client id without redirecting', async () => {
    const { app } = createSandbox();
    const res = await request(app).get('/google/o/oauth2/v2/auth').query({ client_id: 'nope', redirect_uri: REDIRECT, response_type: 'code', scope: CAL_SCOPE });
    expect(res.status).toBe(401);
    expect(res.headers.location).toBeUndefined();
  });

  it('approves through the form (picked account, unticked calendar scope) and denies with access_denied', async () => {
    const { app } = createSandbox();
    const base = { client_id: GOOGLE_CLIENT.id, redirect_uri: REDIRECT, response_type: 'code', scope: CAL_SCOPE, state: 's-form', access_type: 'offline' };
    const ok = await request(app).post('/google/o/oauth2/v2/auth/decision').type('form').send({ ...base, account: ANN, scopes_shown: '1' });
    expect(ok.status).toBe(302);
    const q = new URL(ok.headers.location as string).searchParams;
    expect(q.get('state')).toBe('s-form');
    expect(q.get('scope')).not.toContain('calendar');
    const denied = await request(app).post('/google/o/oauth2/v2/auth/decision').type('form').send({ ...base, decision: 'deny' });
    const dq = new URL(denied.headers.location as string).searchParams;
    expect(dq.get('error')).toBe('access_denied');
    expect(dq.get('state')).toBe('s-form');
    expect(dq.get('code')).toBeNull();
  });

  it('adds an account from the consent form', async () => {
    const { app } = createSandbox();
    const res = await request(app)
      .post('/google/o/oauth2/v2/auth/decision')
      .type('form')
      .send({ client_id: GOOGLE_CLIENT.id, redirect_uri: REDIRECT, response_type: 'code', scope: CAL_SCOPE, account: '__new__', new_email: 'zoe@newfirm.example', new_name: 'Zoe Park' });
    expect(res.status).toBe(302);
    const code = new URL(res.headers.location as string).searchParams.get('code');
    const tok = await request(app).post('/google/token').type('form').send({ code, client_id: GOOGLE_CLIENT.id, client_secret: GOOGLE_CLIENT.secret, redirect_uri: REDIRECT, grant_type: 'authorization_code' });
    const info = await request(app).get('/google/v1/userinfo').set('Authorization', `Bearer ${tok.body.access_token}`);
    expect(info.body).toMatchObject({ email: 'zoe@newfirm.example', name: 'Zoe Park', email_verified: true });
  });

  it('exchanges a code once, issues a refresh token on first offline consent only, and a verifiable id_token', async () => {
    const { app } = createSandbox();
    const q = await googleConsent(app, ANN);
    expect(q.get('state')).toBe('st-1');
    const form = { code: q.get('code'), client_id: GOOGLE_CLIENT.id, client_secret: GOOGLE_CLIENT.secret, redirect_uri: REDIRECT, grant_type: 'authorization_code' };
    const first = await request(app).post('/google/token').type('form').send(form);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(first.body.access_token).toMatch(/^ya29\./);
    expect(first.body.refresh_token).toMatch(/^1\/\//);
    expect(first.body.scope).toContain('https://www.googleapis.com/auth/calendar.readonly');

    const again = await request(app).post('/google/token').type('form').send(form);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');

    const second = await googleTokens(app, ANN);
    expect(second.refresh_token).toBeUndefined();
    const forced = await googleTokens(app, ANN, { prompt: 'consent' });
    expect(forced.refresh_token).toBeDefined();

    const [h, p, s] = String(first.body.id_token).split('.');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    expect(header.alg).toBe('RS256');
    expect(payload).toMatchObject({ aud: GOOGLE_CLIENT.id, email: ANN, email_verified: true, name: 'Ann Lee', hd: 'leewealth.example' });
    const jwks = await request(app).get('/google/oauth2/v3/certs');
    const jwk = jwks.body.keys.find((k: { kid: string }) => k.kid === header.kid);
    const ok = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url'));
    expect(ok).toBe(true);
    const disco = await request(app).get('/google/.well-known/openid-configuration');
    expect(disco.body.jwks_uri).toMatch(/\/google\/oauth2\/v3\/certs$/);
    expect(payload.iss).toBe(disco.body.issuer);
  });

  it('rejects a wrong client secret with 401 invalid_client and a changed redirect_uri', async () => {
    const { app } = createSandbox();
    const q = await googleConsent(app, ANN);
    const bad = await request(app).post('/google/token').type('form').send({ code: q.get('code'), client_id: GOOGLE_CLIENT.id, client_secret: 'wrong', redirect_uri: REDIRECT, grant_type: 'authorization_code' });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('invalid_client');
    const mismatch = await request(app).post('/google/token').type('form').send({ code: q.get('code'), client_id: GOOGLE_CLIENT.id, client_secret: GOOGLE_CLIENT.secret, redirect_uri: 'https://other.example/cb', grant_type: 'authorization_code' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error).toBe('redirect_uri_mismatch');
  });

  it('expires access tokens after 1 h of sandbox time; refresh works until revoked', async () => {
    const { app, ctx } = createSandbox();
    const t = await googleTokens(app, ANN);
    const list = (token: unknown) => request(app).get('/google/calendar/v3/users/me/calendarList').set('Authorization', `Bearer ${String(token)}`);
    expect((await list(t.access_token)).status).toBe(200);
    ctx.clock.advance(3600 * 1000);
    const expired = await list(t.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.errors[0].reason).toBe('authError');
    expect(expired.body.error.message).toBe('Invalid Credentials');

    const refreshed = await request(app).post('/google/token').type('form').send({ grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: GOOGLE_CLIENT.id, client_secret: GOOGLE_CLIENT.secret });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect(refreshed.body.id_token).toBeDefined();
    expect((await list(refreshed.body.access_token)).status).toBe(200);

    const revoke = await request(app).post('/google/revoke').type('form').send({ token: t.refresh_token });
    expect(revoke.status).toBe(200);
    const unknown = await request(app).post('/google/revoke').type('form').send({ token: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('invalid_token');
    const after = await request(app).post('/google/token').type('form').send({ grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: GOOGLE_CLIENT.id, client_secret: GOOGLE_CLIENT.secret });
    expect(after.status).toBe(400);
    expect(after.body).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    expect((await list(refreshed.body.access_token)).status).toBe(401);
  });

  it('serves OIDC userinfo and 401 for a bad token', async () => {
    const { app } = createSandbox();
    const t = await googleTokens(app, ANN);
    const ok = await request(app).get('/google/v1/userinfo').set('Authorization', `Bearer ${String(t.access_token)}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ email: ANN, email_verified: true, name: 'Ann Lee', given_name: 'Ann', family_name: 'Lee', hd: 'leewealth.example' });
    expect(ok.body.sub).toMatch(/^\d{21}$/);
    expect((await request(app).get('/google/v1/userinfo').set('Authorization', 'Bearer nope')).status).toBe(401);
  });
});

describe('Google Calendar v3 emulator', () => {
  async function setup() {
    const sb = createSandbox();
    const t = await googleTokens(sb.app, ANN);
    const get = (path: string, query: Record<string, string | number | boolean> = {}) => request(sb.app).get(`/google/calendar/v3${path}`).query(query).set('Authorization', `Bearer ${String(t.access_token)}`);
    return { ...sb, get };
  }

  it('lists calendars with primary and pages calendarList', async () => {
    const { get } = await setup();
    const p1 = await get('/users/me/calendarList', { maxResults: 1 });
    expect(p1.status).toBe(200);
    expect(p1.body.kind).toBe('calendar#calendarList');
    expect(p1.body.items).toHaveLength(1);
    expect(p1.body.items[0]).toMatchObject({ id: ANN, primary: true, accessRole: 'owner', timeZone: 'America/New_York' });
    expect(p1.body.nextPageToken).toBeDefined();
    expect(p1.body.nextSyncToken).toBeUndefined();
    const p2 = await get('/users/me/calendarList', { maxResults: 1, pageToken: p1.body.nextPageToken });
    expect(p2.body.items[0].accessRole).toBe('reader');
    expect(p2.body.items[0].primary).toBeUndefined();
    expect(p2.body.nextSyncToken).toBeDefined();
    const owners = await get('/users/me/calendarList', { minAccessRole: 'owner' });
    expect(owners.body.items).toHaveLength(1);
    const again = await get('/users/me/calendarList', { syncToken: p2.body.nextSyncToken });
    expect(again.status).toBe(200);
    expect(again.body.items).toEqual([]);
    expect(again.body.nextSyncToken).toBeDefined();
  });

  it('has realistic seeded fixtures: Meet, Zoom in location, Teams/Webex in description, all-day, declined, private, OOO, recurring', async () => {
    const { get } = await setup();
    const res = await get('/calendars/primary/events', { singleEvents: true, orderBy: 'startTime', showDeleted: true, maxResults: 2500 });
    expect(res.status).toBe(200);
    const items = res.body.items as Record<string, any>[];  
    const meet = items.find((e) => e.hangoutLink) as Record<string, any>;  
    expect(meet.conferenceData.entryPoints.find((p: { entryPointType: string }) => p.entryPointType === 'video').uri).toBe(meet.hangoutLink);
    expect(meet.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(items.some((e) => /zoom\.us\/j\/\d+/.test(e.location ?? '') && !e.conferenceData)).toBe(true);
    expect(items.some((e) => e.conferenceData?.conferenceSolution?.key?.type === 'addOn')).toBe(true);
    expect(items.some((e) => /teams\.microsoft\.com\/l\/meetup-join/.test(e.description ?? ''))).toBe(true);
    expect(items.some((e) => /webex\.com/.test(e.description ?? ''))).toBe(true);
    expect(items.some((e) => e.start.date && e.end.date)).toBe(true);
    expect(items.some((e) => e.attendees?.some((a: { self?: boolean; responseStatus: string }) => a.self && a.responseStatus === 'declined'))).toBe(true);
    expect(items.some((e) => e.status === 'cancelled')).toBe(true);
    expect(items.some((e) => e.visibility === 'private' && e.summary === 'Doctor appointment')).toBe(true);
    expect(items.some((e) => e.eventType === 'outOfOffice')).toBe(true);
    const instances = items.filter((e) => e.recurringEventId);
    expect(instances.length).toBe(4);
    expect(instances[0].id).toMatch(new RegExp(`^${instances[0].recurringEventId}_\\d{8}T\\d{6}Z$`));
    for (const e of items.filter((x) => x.start.dateTime)) expect(e.start.dateTime).toMatch(/[-+]\d{2}:\d{2}$/);
    const starts = items.map((e) => Date.parse(e.start.dateTime ?? `${e.start.date}T05:00:00Z`));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    // client meetings happen in business hours, New York time
    for (const e of items.filter((x) => x.attendees?.length && x.start.dateTime)) {
      const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(new Date(e.start.dateTime)));
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(18);
    }
  });

  it('without singleEvents returns the series with recurrence and hides cancelled events', async () => {
    const { get } = await setup();
    const res = await get('/calendars/primary/events');
    const items = res.body.items as Record<string, any>[];  
    const series = items.filter((e) => e.recurrence);
    expect(series).toHaveLength(1);
    expect(series[0].recurrence[0]).toMatch(/^RRULE:FREQ=WEEKLY/);
    expect(items.some((e) => e.recurringEventId)).toBe(false);
    expect(items.some((e) => e.status === 'cancelled')).toBe(false);
  });

  it('applies the time window (timeMin bounds end, timeMax bounds start) and rejects bad combinations', async () => {
    const { get, ctx } = await setup();
    const now = ctx.clock.nowMs();
    const timeMin = new Date(now).toISOString();
    const timeMax = new Date(now + 3 * 86_400_000).toISOString();
    const res = await get('/calendars/primary/events', { timeMin, timeMax, singleEvents: true, orderBy: 'startTime' });
    expect(res.status).toBe(200);
    for (const e of res.body.items) {
      const start = Date.parse(e.start.dateTime ?? `${e.start.date}T05:00:00Z`);
      const end = Date.parse(e.end.dateTime ?? `${e.end.date}T05:00:00Z`);
      expect(end).toBeGreaterThan(now);
      expect(start).toBeLessThan(now + 3 * 86_400_000);
    }
    const empty = await get('/calendars/primary/events', { timeMin: timeMax, timeMax: timeMin });
    expect(empty.status).toBe(400);
    expect(empty.body.error.errors[0].reason).toBe('timeRangeEmpty');
    const order = await get('/calendars/primary/events', { orderBy: 'startTime' });
    expect(order.status).toBe(400);
    expect(order.body.error.message).toBe('The requested ordering is not available for the particular query.');
    const noOffset = await get('/calendars/primary/events', { timeMin: '2025-03-01T00:00:00' });
    expect(noOffset.status).toBe(400);
    const unknownCal = await get('/calendars/someone%40else.example/events');
    expect(unknownCal.status).toBe(404);
  });

  it('pages with opaque tokens, gives nextSyncToken on the last page only, then diffs incrementally', async () => {
    const { app, get, ctx } = await setup();
    const all: any[] = [];  
    let pageToken: string | undefined;
    let syncToken: string | undefined;
    let pages = 0;
    do {
      const res = await get('/calendars/primary/events', { singleEvents: true, maxResults: 5, ...(pageToken ? { pageToken } : {}) });
      expect(res.status).toBe(200);
      pages++;
      if (res.body.nextPageToken) expect(res.body.nextSyncToken).toBeUndefined();
      pageToken = res.body.nextPageToken;
      syncToken = res.body.nextSyncToken;
      all.push(...res.body.items);
    } while (pageToken);
    expect(pages).toBeGreaterThan(3);
    expect(syncToken).toBeDefined();
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);

    const nothing = await get('/calendars/primary/events', { singleEvents: true, syncToken: syncToken as string });
    expect(nothing.status).toBe(200);
    expect(nothing.body.items).toEqual([]);

    const moved = all.find((e) => e.hangoutLink && !e.recurringEventId);
    const newStart = new Date(ctx.clock.nowMs() + 5 * 86_400_000).toISOString();
    await request(app).patch(`/__admin/google/events/${moved.id}`).send({ start: newStart }).expect(200);
    const cancelled = all.find((e) => e.location?.includes('zoom.us') && e.id !== moved.id);
    await request(app).post(`/__admin/google/events/${cancelled.id}/cancel`).expect(200);
    const added = await request(app)
      .post('/__admin/google/events')
      .send({ account: ANN, summary: 'New client meeting', start: new Date(ctx.clock.nowMs() + 2 * 86_400_000).toISOString(), conference: 'meet', attendees: [{ email: 'new@client.example', displayName: 'New Client' }] });
    expect(added.status).toBe(201);

    const diff = await get('/calendars/primary/events', { singleEvents: true, syncToken: syncToken as string });
    expect(diff.status).toBe(200);
    const byId = new Map<string, any>(diff.body.items.map((e: { id: string }) => [e.id, e]));  
    expect(byId.size).toBe(3);
    expect(Date.parse(byId.get(moved.id).start.dateTime)).toBe(Math.floor(Date.parse(newStart) / 1000) * 1000);
    expect(byId.get(cancelled.id)).toEqual({ kind: 'calendar#event', etag: expect.any(String), id: cancelled.id, status: 'cancelled' });
    expect(byId.get(added.body.id).summary).toBe('New client meeting');
    expect(diff.body.nextSyncToken).toBeDefined();

    const combo = await get('/calendars/primary/events', { syncToken: syncToken as string, timeMin: new Date().toISOString() });
    expect(combo.status).toBe(400);
    expect(combo.body.error.errors[0].reason).toBe('syncTokenWithRequestRestrictions');

    await request(app).post('/__admin/google/sync-tokens/invalidate').send({}).expect(200);
    const gone = await get('/calendars/primary/events', { singleEvents: true, syncToken: diff.body.nextSyncToken });
    expect(gone.status).toBe(410);
    expect(gone.body.error.errors[0].reason).toBe('fullSyncRequired');
    expect(gone.body.error.message).toBe('Sync token is no longer valid, a full sync is required.');
  });

  it('rejects a page token reused with different parameters and needs a calendar scope', async () => {
    const { app, get } = await setup();
    const p1 = await get('/calendars/primary/events', { maxResults: 2 });
    const bad = await get('/calendars/primary/events', { maxResults: 2, pageToken: p1.body.nextPageToken, showDeleted: true });
    expect(bad.status).toBe(400);
    const q = await googleConsent(app, ANN, { scope: 'openid email' });
    const tok = await request(app).post('/google/token').type('form').send({ code: q.get('code'), client_id: GOOGLE_CLIENT.id, client_secret: GOOGLE_CLIENT.secret, redirect_uri: REDIRECT, grant_type: 'authorization_code' });
    const denied = await request(app).get('/google/calendar/v3/users/me/calendarList').set('Authorization', `Bearer ${tok.body.access_token}`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.errors[0].reason).toBe('insufficientPermissions');
  });

  it('answers 400 with a clear message for bad admin input', async () => {
    const { app } = createSandbox();
    const res = await request(app).post('/__admin/google/events').send({ account: ANN, summary: 'x', start: 'tomorrow' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/start must be/);
    const missing = await request(app).patch('/__admin/google/events/nope').send({});
    expect(missing.status).toBe(404);
  });
});
