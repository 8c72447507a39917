import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { b64urlJson, parseB64urlJson, str } from '../core/http';
import { parseRfc3339, rfc3339InZone } from '../core/time';
import type { GoogleStore, StoredCalendar, StoredEvent } from './google.store';

export function googleError(res: Response, code: number, reason: string, message: string, domain = 'global', extra: Record<string, unknown> = {}): void {
  const status = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 410: 'FAILED_PRECONDITION', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' }[code];
  res.status(code).json({ error: { code, message, errors: [{ domain, reason, message, ...extra }], ...(status ? { status } : {}) } });
}

interface PageTok {
  o: number;
  s: number;
  h: string;
}
interface SyncTok {
  c: string;
  s: number;
  e: number;
}

const SYNC_FORBIDDEN = ['timeMin', 'timeMax', 'orderBy', 'q', 'updatedMin', 'iCalUID', 'privateExtendedProperty', 'sharedExtendedProperty'];

function paramHash(req: Request, exclude: string[]): string {
  const entries = Object.entries(req.query)
    .filter(([k]) => !exclude.includes(k))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .sort();
  return createHash('sha1').update(entries.join('&')).digest('base64url').slice(0, 10);
}

function boolParam(req: Request, name: string): boolean | undefined {
  const v = str(req.query[name]);
  if (v === undefined) return undefined;
  return v === 'true' || v === '1';
}

/** Resource JSON for one event as the calendar owner sees it. */
export function eventResource(store: GoogleStore, e: StoredEvent, cal: StoredCalendar, tz: string | undefined, minimal: boolean): Record<string, unknown> {
  const owner = store.accounts.get(cal.ownerSub);
  const ownerEmail = owner?.email ?? '';
  if (minimal && e.status === 'cancelled') {
    const r: Record<string, unknown> = { kind: 'calendar#event', etag: `"${e.seq}"`, id: e.id, status: 'cancelled' };
    if (e.recurringEventId) {
      r.recurringEventId = e.recurringEventId;
      r.originalStartTime = timeObj(e.originalStartMs ?? e.startMs, e, tz);
    }
    return r;
  }
  const r: Record<string, unknown> = {
    kind: 'calendar#event',
    etag: `"${3_400_000_000_000_000 + e.seq}"`,
    id: e.id,
    status: e.status,
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${e.id} ${ownerEmail}`).toString('base64url')}`,
    created: new Date(e.createdMs).toISOString(),
    updated: new Date(e.updatedMs).toISOString(),
    summary: e.summary,
    description: e.description,
    location: e.location,
    creator: { email: e.organizer.email, ...(e.organizer.email === ownerEmail ? { self: true } : {}) },
    organizer: { ...e.organizer, ...(e.organizer.email === ownerEmail ? { self: true } : {}) },
    start: e.allDay ? { date: e.allDay.start } : { dateTime: rfc3339InZone(e.startMs, tz ?? e.timeZone), timeZone: e.timeZone },
    end: e.allDay ? { date: e.allDay.end } : { dateTime: rfc3339InZone(e.endMs, tz ?? e.timeZone), timeZone: e.timeZone },
    iCalUID: e.iCalUID,
    sequence: e.sequence,
    eventType: e.eventType,
  };
  if (e.weeklyCount) r.recurrence = [`RRULE:FREQ=WEEKLY;COUNT=${e.weeklyCount}`];
  if (e.recurringEventId) {
    r.recurringEventId = e.recurringEventId;
    r.originalStartTime = timeObj(e.originalStartMs ?? e.startMs, e, tz);
  }
  if (e.visibility) r.visibility = e.visibility;
  if (e.attendees) {
    r.attendees = e.attendees.map((a) => ({ ...a, ...(a.email === ownerEmail ? { self: true } : {}) }));
  }
  if (e.hangoutLink) r.hangoutLink = e.hangoutLink;
  if (e.conferenceData) r.conferenceData = e.conferenceData;
  if (e.eventType === 'outOfOffice') r.outOfOfficeProperties = { autoDeclineMode: 'declineOnlyNewConflictingInvitations', declineMessage: 'I am out of the office.' };
  if (e.eventType === 'focusTime') r.focusTimeProperties = { autoDeclineMode: 'declineNone', chatStatus: 'doNotDisturb' };
  r.reminders = { useDefault: true };
  for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
  return r;
}

function timeObj(ms: number, e: StoredEvent, tz: string | undefined): Record<string, string> {
  if (e.allDay) return { date: new Date(ms).toISOString().slice(0, 10) };
  return { dateTime: rfc3339InZone(ms, tz ?? e.timeZone), timeZone: e.timeZone };
}

/** GET /calendar/v3/calendars/{calendarId}/events */
export function listEvents(store: GoogleStore, req: Request, res: Response, sub: string): void {
  const calendarId = decodeURIComponent(String(req.params.calendarId));
  const cal = store.resolveCalendar(sub, calendarId);
  if (!cal) return googleError(res, 404, 'notFound', 'Not Found');
  const q = (k: string) => str(req.query[k]);
  const singleEvents = boolParam(req, 'singleEvents') ?? false;
  const orderBy = q('orderBy');
  const syncTokenRaw = q('syncToken');
  const pageTokenRaw = q('pageToken');
  const showDeletedParam = boolParam(req, 'showDeleted');
  const tz = q('timeZone');

  let maxResults = 250;
  if (q('maxResults') !== undefined) {
    const n = Number(q('maxResults'));
    if (!Number.isInteger(n) || n < 1) return googleError(res, 400, 'invalid', `Invalid value '${q('maxResults')}'. Values must be within the range: [1, 2500]`, 'global', { locationType: 'parameter', location: 'maxResults' });
    maxResults = Math.min(n, 2500);
  }
  if (orderBy !== undefined && orderBy !== 'startTime' && orderBy !== 'updated') return googleError(res, 400, 'invalid', `Invalid value for orderBy: ${orderBy}`);
  if (orderBy === 'startTime' && !singleEvents) return googleError(res, 400, 'badRequest', 'The requested ordering is not available for the particular query.');

  let timeMin: number | undefined;
  let timeMax: number | undefined;
  for (const k of ['timeMin', 'timeMax'] as const) {
    const v = q(k);
    if (v === undefined) continue;
    const ms = parseRfc3339(v);
    if (ms === undefined) return googleError(res, 400, 'badRequest', 'Bad Request');
    if (k === 'timeMin') timeMin = ms;
    else timeMax = ms;
  }
  if (timeMin !== undefined && timeMax !== undefined && timeMin >= timeMax) return googleError(res, 400, 'timeRangeEmpty', 'The specified time range is empty.', 'calendar', { locationType: 'parameter', location: 'timeMax' });
  let updatedMin: number | undefined;
  if (q('updatedMin') !== undefined) {
    updatedMin = parseRfc3339(q('updatedMin') as string);
    if (updatedMin === undefined) return googleError(res, 400, 'badRequest', 'Bad Request');
  }

  let sync: SyncTok | undefined;
  if (syncTokenRaw !== undefined) {
    const bad = SYNC_FORBIDDEN.filter((k) => req.query[k] !== undefined);
    if (bad.length || showDeletedParam === false)
      return googleError(res, 400, 'syncTokenWithRequestRestrictions', `Sync token cannot be used with other request restrictions.`);
    sync = parseB64urlJson<SyncTok>(syncTokenRaw);
    if (!sync || typeof sync.s !== 'number' || sync.c !== cal.id) return googleError(res, 400, 'invalid', 'Invalid sync token value.', 'global', { locationType: 'parameter', location: 'syncToken' });
    if (sync.e !== store.epochFor(cal.id)) return googleError(res, 410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.');
  }

  const hash = paramHash(req, ['pageToken', 'maxResults']);
  let offset = 0;
  let snapshotSeq = store.changeSeq;
  if (pageTokenRaw !== undefined) {
    const pt = parseB64urlJson<PageTok>(pageTokenRaw);
    if (!pt || typeof pt.o !== 'number' || pt.h !== hash) return googleError(res, 400, 'invalid', 'Invalid page token value.', 'global', { locationType: 'parameter', location: 'pageToken' });
    offset = pt.o;
    snapshotSeq = pt.s;
  }

  // ---- select ----
  const all = store.eventsOf(cal.id);
  const exceptionIds = new Set(all.filter((e) => e.recurringEventId).map((e) => e.id));
  let items: StoredEvent[] = [];
  if (sync) {
    const since = sync.s;
    for (const e of all) {
      if (e.recurringEventId) {
        if (e.seq > since) items.push(e);
        continue;
      }
      if (singleEvents && e.weeklyCount) {
        if (e.seq > since) {
          for (const inst of store.instances(e)) {
            if (!exceptionIds.has(inst.id)) items.push(e.status === 'cancelled' ? { ...inst, status: 'cancelled' } : inst);
          }
        }
      } else if (e.seq > since) items.push(e);
    }
  } else {
    const showDeleted = showDeletedParam ?? false;
    for (const e of all) {
      if (e.recurringEventId) {
        if (!singleEvents) items.push(e);
        continue;
      }
      if (singleEvents && e.weeklyCount) {
        for (const inst of store.instances(e)) items.push(e.status === 'cancelled' ? { ...inst, status: 'cancelled' } : inst);
      } else items.push(e);
    }
    items = items.filter((e) => {
      if (e.status === 'cancelled' && !showDeleted) return false;
      if (timeMin !== undefined || timeMax !== undefined) {
        const end = e.weeklyCount ? e.startMs + (e.weeklyCount - 1) * 7 * 86_400_000 + (e.endMs - e.startMs) : e.endMs;
        if (timeMin !== undefined && !(end > timeMin)) return false;
        if (timeMax !== undefined && !(e.startMs < timeMax)) return false;
      }
      if (updatedMin !== undefined && e.updatedMs < updatedMin) return false;
      return true;
    });
    const text = q('q')?.toLowerCase();
    if (text) items = items.filter((e) => [e.summary, e.description, e.location, ...(e.attendees ?? []).flatMap((a) => [a.email, a.displayName])].some((s) => s?.toLowerCase().includes(text)));
    const ical = q('iCalUID');
    if (ical) items = items.filter((e) => e.iCalUID === ical);
  }
  const types = ([] as string[]).concat((req.query.eventTypes as string | string[] | undefined) ?? []);
  if (types.length) items = items.filter((e) => types.includes(e.eventType));

  if (orderBy === 'startTime') items.sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
  else if (orderBy === 'updated') items.sort((a, b) => a.updatedMs - b.updatedMs || a.id.localeCompare(b.id));
  else items.sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id));

  const page = items.slice(offset, offset + maxResults);
  const maxAttendees = q('maxAttendees') ? Number(q('maxAttendees')) : undefined;
  const owner = store.accounts.get(cal.ownerSub);
  const body: Record<string, unknown> = {
    kind: 'calendar#events',
    etag: `"p3${snapshotSeq}"`,
    summary: owner?.email ?? cal.summary,
    description: cal.description ?? '',
    updated: new Date(Math.max(0, ...all.map((e) => e.updatedMs))).toISOString(),
    timeZone: tz ?? cal.timeZone,
    accessRole: cal.accessRole,
    defaultReminders: cal.primary ? [{ method: 'popup', minutes: 10 }] : [],
    items: page.map((e) => {
      const r = eventResource(store, e, cal, tz, Boolean(sync));
      if (maxAttendees !== undefined && Array.isArray(r.attendees) && r.attendees.length > maxAttendees) {
        r.attendees = (r.attendees as unknown[]).slice(0, maxAttendees);
        r.attendeesOmitted = true;
      }
      return r;
    }),
  };
  if (offset + maxResults < items.length) {
    body.nextPageToken = b64urlJson({ o: offset + maxResults, s: snapshotSeq, h: hash } satisfies PageTok);
  } else if (orderBy === undefined && q('q') === undefined) {
    // ⚠ contract §1.6: no nextSyncToken after an ordered or text-filtered full listing (sandbox choice, see README)
    body.nextSyncToken = b64urlJson({ c: cal.id, s: snapshotSeq, e: store.epochFor(cal.id) } satisfies SyncTok);
  }
  res.json(body);
}

/** GET /calendar/v3/users/me/calendarList */
export function listCalendars(store: GoogleStore, req: Request, res: Response, sub: string): void {
  const q = (k: string) => str(req.query[k]);
  let maxResults = 100;
  if (q('maxResults') !== undefined) {
    const n = Number(q('maxResults'));
    if (!Number.isInteger(n) || n < 1) return googleError(res, 400, 'invalid', 'Invalid maxResults');
    maxResults = Math.min(n, 250);
  }
  const roles = ['freeBusyReader', 'reader', 'writer', 'owner'];
  const minRole = q('minAccessRole');
  if (minRole !== undefined && !roles.includes(minRole)) return googleError(res, 400, 'invalid', `Invalid value for minAccessRole: ${minRole}`);
  let cals = store.calendarsOf(sub).filter((c) => !minRole || roles.indexOf(c.accessRole) >= roles.indexOf(minRole));
  const syncTok = q('syncToken');
  if (syncTok !== undefined) {
    if (minRole !== undefined) return googleError(res, 400, 'syncTokenWithRequestRestrictions', 'Sync token cannot be used with other request restrictions.');
    const st = parseB64urlJson<{ s: number; e?: number }>(syncTok);
    if (!st || typeof st.s !== 'number') return googleError(res, 400, 'invalid', 'Invalid sync token value.');
    if (st.e !== store.syncEpoch) return googleError(res, 410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.');
    // calendars only change when an account is added, which creates a new owner: nothing to report
    cals = cals.filter((c) => (store.calendarSeq.get(c.id) ?? 0) > st.s);
  }
  const hash = paramHash(req, ['pageToken', 'maxResults']);
  let offset = 0;
  if (q('pageToken') !== undefined) {
    const pt = parseB64urlJson<PageTok>(q('pageToken') as string);
    if (!pt || pt.h !== hash) return googleError(res, 400, 'invalid', 'Invalid page token value.');
    offset = pt.o;
  }
  const page = cals.slice(offset, offset + maxResults);
  const body: Record<string, unknown> = {
    kind: 'calendar#calendarList',
    etag: `"p${store.changeSeq}"`,
    items: page.map((c) => ({
      kind: 'calendar#calendarListEntry',
      etag: `"${c.id.length}"`,
      id: store.publicCalendarId(c),
      summary: c.summary,
      ...(c.description ? { description: c.description } : {}),
      timeZone: c.timeZone,
      colorId: c.primary ? '14' : '8',
      backgroundColor: c.backgroundColor,
      foregroundColor: '#000000',
      selected: true,
      accessRole: c.accessRole,
      defaultReminders: c.primary ? [{ method: 'popup', minutes: 10 }] : [],
      ...(c.primary ? { primary: true, notificationSettings: { notifications: [{ type: 'eventCreation', method: 'email' }] }, conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] } } : { conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] } }),
    })),
  };
  if (offset + maxResults < cals.length) body.nextPageToken = b64urlJson({ o: offset + maxResults, s: 0, h: hash });
  else body.nextSyncToken = b64urlJson({ s: store.changeSeq, e: store.syncEpoch });
  res.json(body);
}

/** GET /calendar/v3/calendars/{calendarId}/events/{eventId} */
export function getEvent(store: GoogleStore, req: Request, res: Response, sub: string): void {
  const cal = store.resolveCalendar(sub, decodeURIComponent(String(req.params.calendarId)));
  if (!cal) return googleError(res, 404, 'notFound', 'Not Found');
  const id = String(req.params.eventId);
  let e = store.events.get(id);
  if (!e) {
    const m = /^(.+)_(\d{8}T\d{6}Z)$/.exec(id);
    const series = m ? store.events.get(m[1]) : undefined;
    if (series?.weeklyCount) e = store.instances(series).find((i) => i.id === id);
  }
  if (!e || e.calendarId !== cal.id) return googleError(res, 404, 'notFound', 'Not Found');
  res.json(eventResource(store, e, cal, str(req.query.timeZone), false));
}
