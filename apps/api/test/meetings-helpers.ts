import request from 'supertest';
import { DataSource } from 'typeorm';
import { SignedIn, Stack } from './stack';

export const bearer = (s: SignedIn) => ({ authorization: `Bearer ${s.accessToken}` });

/** Settings that keep background work out of a test's way: no repeatable sync or poll sweep (tests trigger them). */
export const MEETINGS_TEST_ENV = { CALENDAR_SYNC_INTERVAL_SECONDS: '0', RECALL_POLL_INTERVAL_SECONDS: '0' };

let seq = 0;
/** A base32hex event id, unique per test run. */
export function eventId(prefix = 'amt'): string {
  return `${prefix}${Date.now().toString(32)}${(seq++).toString(32)}`.replace(/[w-z]/g, 'a');
}

export interface NewEvent {
  account: string;
  summary: string;
  startInMinutes: number;
  minutes?: number;
  conference?: 'meet' | 'zoom_location' | 'zoom_addon' | 'teams_description' | 'webex_description' | 'none';
  attendees?: { email: string; displayName?: string }[];
  visibility?: string;
  location?: string;
  description?: string;
  hangoutLink?: string;
  id?: string;
}

/** Adds an event to the sandbox calendar, `startInMinutes` from the sandbox clock's now (rounded to the second). */
export async function addEvent(stack: Stack, e: NewEvent): Promise<{ id: string; start: string; hangoutLink?: string; location?: string }> {
  const clock = await request(stack.sandboxUrl).get('/__admin/clock').expect(200);
  const startMs = Math.floor((Date.parse(clock.body.now) + e.startInMinutes * 60_000) / 1000) * 1000;
  const id = e.id ?? eventId();
  const res = await request(stack.sandboxUrl)
    .post('/__admin/google/events')
    .send({
      id,
      account: e.account,
      summary: e.summary,
      start: new Date(startMs).toISOString(),
      end: new Date(startMs + (e.minutes ?? 30) * 60_000).toISOString(),
      conference: e.conference ?? 'meet',
      attendees: e.attendees ?? [{ email: 'bob.smith@gmail.example', displayName: 'Bob Smith' }],
      ...(e.visibility ? { visibility: e.visibility } : {}),
      ...(e.location ? { location: e.location } : {}),
      ...(e.description ? { description: e.description } : {}),
      ...(e.hangoutLink ? { hangoutLink: e.hangoutLink } : {}),
    })
    .expect(201);
  return { id, start: new Date(startMs).toISOString(), hangoutLink: res.body.hangoutLink, location: res.body.location };
}

export function db(stack: Stack): DataSource {
  return stack.api.app.get(DataSource);
}

export async function meetingByEvent(stack: Stack, eventIdValue: string): Promise<{ id: string; notetaker_enabled: boolean; starts_at: Date; status: string; bot_status: string | null }> {
  const rows = await db(stack).query(`SELECT * FROM client_meeting WHERE event_id = $1`, [eventIdValue]);
  if (rows.length !== 1) throw new Error(`expected one meeting for event ${eventIdValue}, found ${rows.length}`);
  return rows[0];
}

export async function sandboxBots(stack: Stack): Promise<{ id: string; join_at: string | null; meeting_url: { platform: string }; metadata: Record<string, string>; bot_name: string; chat: unknown; status_changes: { code: string }[] }[]> {
  const res = await request(stack.sandboxUrl).get('/__admin/recall/bots').expect(200);
  return res.body.bots;
}

/** Adds another Google account (a second calendar) to a signed-in user through the real connect flow. */
export async function connectCalendar(stack: Stack, who: SignedIn, email: string): Promise<void> {
  const ticket = await request(stack.api.url).post('/api/google-accounts/connect').set(bearer(who)).expect(201);
  await request(stack.sandboxUrl).put('/__admin/google/consent').send({ autoApprove: true, defaultLoginHint: email }).expect(200);
  const start = await request(stack.api.url).get(ticket.body.data.url).expect(302);
  const cookies = (start.headers['set-cookie'] as unknown as string[]) ?? [];
  const stateCookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const consent = await request(start.headers.location).get('').redirects(0);
  const cb = new URL(consent.headers.location);
  await request(stack.api.url).get(cb.pathname + cb.search).set('cookie', stateCookie).expect(302);
}
