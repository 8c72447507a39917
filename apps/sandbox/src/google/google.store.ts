import { createSign, type KeyObject } from 'node:crypto';
import { sharedKeyPair } from '../core/jwt';
import type { SandboxClock } from '../core/clock';
import { hashInt, randomToken } from '../core/http';
import { basicUtc, rfc3339InZone } from '../core/time';
import { NY, SEED_ACCOUNTS, eventId, meetCode, resolveTemplate, templatesFor, zoomId, type EventTemplate, type SeedAccount } from './google.seed';

export interface GoogleAccount {
  sub: string;
  email: string;
  name: string;
  givenName: string;
  familyName: string;
  picture: string;
  hd?: string;
}

export interface StoredCalendar {
  id: string;
  ownerSub: string;
  summary: string;
  description?: string;
  timeZone: string;
  accessRole: 'owner' | 'reader' | 'writer' | 'freeBusyReader';
  primary?: boolean;
  backgroundColor: string;
}

export interface Attendee {
  email: string;
  displayName?: string;
  responseStatus: 'accepted' | 'declined' | 'tentative' | 'needsAction';
  organizer?: boolean;
  optional?: boolean;
  resource?: boolean;
}

export interface StoredEvent {
  id: string;
  calendarId: string;
  /** Global change sequence at the last change (drives sync tokens). */
  seq: number;
  status: 'confirmed' | 'tentative' | 'cancelled';
  createdMs: number;
  updatedMs: number;
  summary?: string;
  description?: string;
  location?: string;
  visibility?: string;
  eventType: string;
  startMs: number;
  endMs: number;
  /** All-day events: civil dates (end exclusive). */
  allDay?: { start: string; end: string };
  timeZone: string;
  organizer: { email: string; displayName?: string };
  attendees?: Attendee[];
  hangoutLink?: string;
  conferenceData?: Record<string, unknown>;
  /** Weekly series: occurrences = count, every 7 days from startMs. */
  weeklyCount?: number;
  /** Exception of a series instance. */
  recurringEventId?: string;
  originalStartMs?: number;
  sequence: number;
  iCalUID: string;
}

export interface AuthCode {
  code: string;
  sub: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  issueRefresh: boolean;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  expiresMs: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  sub: string;
  clientId: string;
  scope: string;
  expiresMs: number;
  revoked: boolean;
  refreshToken?: string;
}

export interface RefreshToken {
  token: string;
  sub: string;
  clientId: string;
  scope: string;
  revoked: boolean;
  createdMs: number;
}

export const CALENDAR_SCOPES = [
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.events.readonly',
];

export const ACCESS_TOKEN_SECONDS = 3600;

/** All Google state: accounts, calendars, events, OAuth codes and tokens, the signing key. */
export class GoogleStore {
  accounts = new Map<string, GoogleAccount>();
  calendars = new Map<string, StoredCalendar>();
  events = new Map<string, StoredEvent>();
  codes = new Map<string, AuthCode>();
  accessTokens = new Map<string, AccessToken>();
  refreshTokens = new Map<string, RefreshToken>();
  /** sub|clientId pairs that have consented before (first consent issues a refresh token). */
  consented = new Set<string>();
  changeSeq = 0;
  /** Change sequence at which each calendar (list entry) was created. */
  calendarSeq = new Map<string, number>();
  /** Sync tokens carry the epoch; invalidation bumps it (globally or per calendar). */
  syncEpoch = 0;
  calendarEpoch = new Map<string, number>();
  /** Admin switches for the consent page. */
  settings = { autoApprove: false, defaultLoginHint: '' as string, deny: false, grantedScopes: null as string[] | null };
  readonly key: KeyObject;
  readonly publicJwk: Record<string, unknown>;
  readonly kid: string;

  constructor(private readonly clock: SandboxClock) {
    const { privateKey, publicKey } = sharedKeyPair();
    this.key = privateKey;
    this.kid = 'sbx' + createSign('RSA-SHA256').update('kid').sign(privateKey).toString('hex').slice(0, 16);
    this.publicJwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: this.kid, alg: 'RS256', use: 'sig' };
    this.seed();
  }

  reset(): void {
    this.accounts.clear();
    this.calendars.clear();
    this.events.clear();
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.consented.clear();
    this.changeSeq = 0;
    this.syncEpoch++;
    this.calendarEpoch.clear();
    this.calendarSeq.clear();
    this.settings = { autoApprove: false, defaultLoginHint: '', deny: false, grantedScopes: null };
    this.seed();
  }

  private seed(): void {
    const now = this.clock.nowMs();
    for (const acc of SEED_ACCOUNTS) this.addAccount(acc, acc.role === 'compliance' || acc.role === 'advisor' ? templatesFor(acc) : [], now);
  }

  subFor(email: string): string {
    return String(100_000_000_000_000_000_000n + BigInt(hashInt(email.toLowerCase())) * 1_000_003n);
  }

  addAccount(a: Pick<SeedAccount, 'email' | 'name'> & Partial<SeedAccount>, templates: EventTemplate[] = [], nowMs = this.clock.nowMs()): GoogleAccount {
    const email = a.email.toLowerCase();
    const existing = [...this.accounts.values()].find((x) => x.email === email);
    if (existing) return existing;
    const [given, ...rest] = a.name.split(' ');
    const acc: GoogleAccount = {
      sub: this.subFor(email),
      email,
      name: a.name,
      givenName: a.givenName ?? given,
      familyName: a.familyName ?? rest.join(' '),
      picture: `https://lh3.googleusercontent.com/a/sandbox-${hashInt(email).toString(16)}=s96-c`,
      hd: a.hd,
    };
    this.accounts.set(acc.sub, acc);
    this.calendars.set(email, { id: email, ownerSub: acc.sub, summary: acc.email, timeZone: NY, accessRole: 'owner', primary: true, backgroundColor: '#9fe1e7' });
    const holidays = `en.usa#holiday@group.v.calendar.google.com|${acc.sub}`;
    this.calendarSeq.set(email, ++this.changeSeq);
    this.calendarSeq.set(holidays, this.changeSeq);
    this.calendars.set(holidays, { id: holidays, ownerSub: acc.sub, summary: 'Holidays in United States', description: 'Holidays and Observances in United States', timeZone: NY, accessRole: 'reader', backgroundColor: '#16a765' });
    for (const t of templates) this.addFromTemplate(acc, t, nowMs);
    return acc;
  }

  /** Calendar ids are unique per account internally; the holiday calendar shares its public id across accounts. */
  publicCalendarId(c: StoredCalendar): string {
    return c.id.split('|')[0];
  }

  calendarsOf(sub: string): StoredCalendar[] {
    return [...this.calendars.values()].filter((c) => c.ownerSub === sub);
  }

  resolveCalendar(sub: string, calendarId: string): StoredCalendar | undefined {
    const acc = this.accounts.get(sub);
    if (!acc) return undefined;
    if (calendarId === 'primary') return this.calendars.get(acc.email);
    return this.calendarsOf(sub).find((c) => this.publicCalendarId(c) === calendarId.toLowerCase() || this.publicCalendarId(c) === calendarId);
  }

  private addFromTemplate(acc: GoogleAccount, t: EventTemplate, nowMs: number): void {
    const { startMs, endMs, allDay } = resolveTemplate(t, nowMs);
    const id = eventId(`${acc.email}/${t.key}`);
    const organizerEmail = t.organizer ?? acc.email;
    const conf = this.conference(t.conf, id, startMs);
    const attendees: Attendee[] | undefined =
      t.clients || t.colleagues
        ? [
            { email: organizerEmail, organizer: true, responseStatus: 'accepted' },
            ...(organizerEmail !== acc.email ? [{ email: acc.email, displayName: acc.name, responseStatus: t.selfStatus ?? 'accepted' } as Attendee] : []),
            ...(t.colleagues ?? []).filter((e) => e !== organizerEmail).map((e) => ({ email: e, responseStatus: 'accepted' as const })),
            ...(t.clients ?? []).map(([name, email, rs]) => ({ email, displayName: name, responseStatus: rs ?? 'needsAction' })),
          ]
        : undefined;
    if (attendees && t.selfStatus && organizerEmail === acc.email) attendees[0].responseStatus = t.selfStatus;
    const created = startMs - (10 + (hashInt(id) % 20)) * 86_400_000;
    this.putEvent({
      id,
      calendarId: acc.email,
      seq: 0,
      status: t.status ?? 'confirmed',
      createdMs: Math.min(created, nowMs - 3_600_000),
      updatedMs: Math.min(created + 3_600_000, nowMs - 60_000),
      summary: t.summary,
      description: [t.description, conf.description].filter(Boolean).join('\n\n') || undefined,
      location: conf.location,
      visibility: t.visibility,
      eventType: t.eventType ?? 'default',
      startMs,
      endMs,
      allDay: allDay ? { start: allDay.start, end: allDay.end } : undefined,
      timeZone: NY,
      organizer: { email: organizerEmail, displayName: organizerEmail === acc.email ? acc.name : undefined },
      attendees,
      hangoutLink: conf.hangoutLink,
      conferenceData: conf.conferenceData,
      weeklyCount: t.weeklyCount,
      sequence: 0,
      iCalUID: `${id}@google.com`,
    });
  }

  conference(kind: string, seed: string, startMs: number): Pick<StoredEvent, 'hangoutLink' | 'conferenceData' | 'location' | 'description'> {
    switch (kind) {
      case 'meet': {
        const code = meetCode(seed);
        const uri = `https://meet.google.com/${code}`;
        return {
          hangoutLink: uri,
          conferenceData: {
            conferenceId: code,
            conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet', iconUri: 'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png' },
            entryPoints: [
              { entryPointType: 'video', uri, label: `meet.google.com/${code}` },
              { entryPointType: 'phone', uri: 'tel:+1-555-0100', label: '+1 555-0100', pin: String(100_000_000 + (hashInt(seed) % 899_999_999)), regionCode: 'US' },
            ],
          },
        };
      }
      case 'zoom_location': {
        const id = zoomId(seed);
        return { location: `https://us02web.zoom.us/j/${id}?pwd=${randomish(seed)}` };
      }
      case 'zoom_addon': {
        const id = zoomId(seed);
        const uri = `https://us02web.zoom.us/j/${id}?pwd=${randomish(seed)}`;
        return {
          location: uri,
          conferenceData: {
            conferenceId: id,
            conferenceSolution: { key: { type: 'addOn' }, name: 'Zoom Meeting', iconUri: 'https://lh3.googleusercontent.com/zoom-icon' },
            entryPoints: [
              { entryPointType: 'video', uri, label: `us02web.zoom.us/j/${id}`, meetingCode: id, passcode: '482913' },
              { entryPointType: 'phone', uri: 'tel:+16465588656,,' + id + '#', label: '+1 646-558-8656' },
            ],
            notes: 'Meeting host: Zoom user',
          },
        };
      }
      case 'teams_description': {
        const thread = `19%3ameeting_${Buffer.from(seed).toString('base64url').slice(0, 24)}%40thread.v2`;
        return {
          description: `________________________________________________________________________________\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting<https://teams.microsoft.com/l/meetup-join/${thread}/0?context=%7b%22Tid%22%3a%22${hashInt(seed)}%22%7d>\nMeeting ID: 245 112 ${hashInt(seed) % 1000} 88\nPasscode: aB3xYz\n________________________________________________________________________________`,
        };
      }
      case 'webex_description': {
        const n = 2_550_000_000 + (hashInt('webex' + seed) % 99_999_999);
        return {
          description: `Join Webex meeting:\nhttps://leewealth.webex.com/leewealth/j.php?MTID=m${hashInt(seed).toString(16)}${startMs.toString(16)}\nMeeting number (access code): ${n}\nMeeting password: Plan2025`,
        };
      }
      default:
        return {};
    }
  }

  putEvent(e: StoredEvent): StoredEvent {
    e.seq = ++this.changeSeq;
    this.events.set(e.id, e);
    return e;
  }

  /** Records a change to an event: new sequence number and `updated`. */
  touch(e: StoredEvent): void {
    e.seq = ++this.changeSeq;
    e.updatedMs = this.clock.nowMs();
    e.sequence++;
  }

  eventsOf(calendarId: string): StoredEvent[] {
    return [...this.events.values()].filter((e) => e.calendarId === calendarId);
  }

  epochFor(calendarId: string): number {
    return this.syncEpoch * 1_000_000 + (this.calendarEpoch.get(calendarId) ?? 0);
  }

  /** Instances of a weekly series, with exceptions applied (cancelled exceptions kept, flagged). */
  instances(series: StoredEvent): StoredEvent[] {
    const out: StoredEvent[] = [];
    const count = series.weeklyCount ?? 1;
    for (let i = 0; i < count; i++) {
      const originalStartMs = series.startMs + i * 7 * 86_400_000;
      const instId = `${series.id}_${basicUtc(originalStartMs)}`;
      const exception = this.events.get(instId);
      if (exception) {
        out.push(exception);
        continue;
      }
      out.push({
        ...series,
        id: instId,
        weeklyCount: undefined,
        recurringEventId: series.id,
        originalStartMs,
        startMs: originalStartMs,
        endMs: originalStartMs + (series.endMs - series.startMs),
      });
    }
    return out;
  }

  /** Creates (or returns) the exception object for one instance of a series so it can be moved or cancelled. */
  materialiseInstance(instanceId: string): StoredEvent | undefined {
    const existing = this.events.get(instanceId);
    if (existing) return existing;
    const m = /^(.+)_(\d{8}T\d{6}Z)$/.exec(instanceId);
    if (!m) return undefined;
    const series = this.events.get(m[1]);
    if (!series?.weeklyCount) return undefined;
    const inst = this.instances(series).find((i) => i.id === instanceId);
    if (!inst) return undefined;
    return this.putEvent({ ...inst, attendees: inst.attendees?.map((a) => ({ ...a })) });
  }

  // ---- OAuth ----

  issueCode(c: Omit<AuthCode, 'code' | 'used' | 'expiresMs'>): AuthCode {
    const code: AuthCode = { ...c, code: `4/0Sandbox${randomToken(30)}`, used: false, expiresMs: this.clock.nowMs() + 10 * 60_000 };
    this.codes.set(code.code, code);
    return code;
  }

  issueAccess(sub: string, clientId: string, scope: string, refreshToken?: string): AccessToken {
    const t: AccessToken = { token: `ya29.sandbox-${randomToken(40)}`, sub, clientId, scope, expiresMs: this.clock.nowMs() + ACCESS_TOKEN_SECONDS * 1000, revoked: false, refreshToken };
    this.accessTokens.set(t.token, t);
    return t;
  }

  issueRefresh(sub: string, clientId: string, scope: string): RefreshToken {
    const t: RefreshToken = { token: `1//sandbox-${randomToken(40)}`, sub, clientId, scope, revoked: false, createdMs: this.clock.nowMs() };
    this.refreshTokens.set(t.token, t);
    return t;
  }

  /** RS256 id_token signed with the sandbox key (JWKS at /google/oauth2/v3/certs). */
  idToken(acc: GoogleAccount, clientId: string, issuer: string, nonce?: string): string {
    const now = Math.floor(this.clock.nowMs() / 1000);
    const header = { alg: 'RS256', kid: this.kid, typ: 'JWT' };
    const payload: Record<string, unknown> = {
      iss: issuer,
      azp: clientId,
      aud: clientId,
      sub: acc.sub,
      email: acc.email,
      email_verified: true,
      name: acc.name,
      given_name: acc.givenName,
      family_name: acc.familyName,
      picture: acc.picture,
      iat: now,
      exp: now + 3600,
    };
    if (acc.hd) payload.hd = acc.hd;
    if (nonce) payload.nonce = nonce;
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${enc(header)}.${enc(payload)}`;
    const sig = createSign('RSA-SHA256').update(input).sign(this.key).toString('base64url');
    return `${input}.${sig}`;
  }

  /** Valid, unexpired, unrevoked access token, or why not. */
  checkAccess(token: string | undefined): { ok: true; token: AccessToken; account: GoogleAccount } | { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'revoked' } {
    if (!token) return { ok: false, reason: 'missing' };
    const t = this.accessTokens.get(token);
    if (!t) return { ok: false, reason: 'invalid' };
    if (t.revoked) return { ok: false, reason: 'revoked' };
    if (this.clock.nowMs() >= t.expiresMs) return { ok: false, reason: 'expired' };
    const account = this.accounts.get(t.sub);
    if (!account) return { ok: false, reason: 'invalid' };
    return { ok: true, token: t, account };
  }

  formatDateTime(ms: number, tz: string): string {
    return rfc3339InZone(ms, tz);
  }
}

function randomish(seed: string): string {
  return Buffer.from(String(hashInt('pwd' + seed))).toString('base64url').slice(0, 16);
}
