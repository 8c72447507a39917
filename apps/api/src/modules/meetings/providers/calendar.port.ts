import { ProviderError } from '../../../infra/resilience/provider-error';

/** A Google Calendar v3 event, trimmed to what sync reads (external-apis.md §1.5). */
export interface CalendarEvent {
  id: string;
  status?: 'confirmed' | 'tentative' | 'cancelled';
  updated?: string;
  summary?: string;
  description?: string;
  location?: string;
  visibility?: string;
  eventType?: string;
  start?: { dateTime?: string; date?: string; timeZone?: string };
  end?: { dateTime?: string; date?: string; timeZone?: string };
  organizer?: { email?: string; displayName?: string; self?: boolean };
  attendees?: { email?: string; displayName?: string; responseStatus?: string; organizer?: boolean; self?: boolean; resource?: boolean }[];
  hangoutLink?: string;
  conferenceData?: { entryPoints?: { entryPointType?: string; uri?: string }[] };
}

export interface CalendarEventsPage {
  items: CalendarEvent[];
  nextPageToken?: string;
  nextSyncToken?: string;
}

export type ListEventsParams = { pageToken?: string } & ({ syncToken: string } | { timeMin: Date; timeMax: Date });

/** The calendar provider Meetings syncs from. A 410 "full sync required" surfaces as SyncTokenExpired. */
export abstract class CalendarProvider {
  abstract listEvents(googleAccountId: string, params: ListEventsParams): Promise<CalendarEventsPage>;
}

/** 410 fullSyncRequired: a ProviderError (so the wrapper passes it through) that never counts toward the breaker. */
export class SyncTokenExpired extends ProviderError {
  constructor() {
    super('google', 'permanent', 'The calendar sync token is no longer valid; a full sync is required', { status: 410, code: 'fullSyncRequired' });
    this.name = 'SyncTokenExpired';
  }
}
