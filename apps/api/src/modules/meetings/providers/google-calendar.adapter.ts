import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../infra/config/config';
import { ProviderError, parseRetryAfter } from '../../../infra/resilience/provider-error';
import { ResilienceService } from '../../../infra/resilience/resilience.service';
import { GoogleAccountsService } from '../../auth/google-accounts.service';
import { CalendarEventsPage, CalendarProvider, ListEventsParams, SyncTokenExpired } from './calendar.port';

interface GoogleErrorBody {
  error?: { code?: number; message?: string; errors?: { reason?: string; domain?: string }[] };
}

const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

/** Google Calendar v3 events.list on the account's primary calendar, through the resilience wrapper. */
@Injectable()
export class GoogleCalendarAdapter extends CalendarProvider {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly resilience: ResilienceService,
    private readonly accounts: GoogleAccountsService,
  ) {
    super();
  }

  async listEvents(googleAccountId: string, params: ListEventsParams): Promise<CalendarEventsPage> {
    const query = new URLSearchParams({ singleEvents: 'true', maxResults: '250' });
    if ('syncToken' in params) query.set('syncToken', params.syncToken);
    else {
      query.set('timeMin', params.timeMin.toISOString());
      query.set('timeMax', params.timeMax.toISOString());
    }
    if (params.pageToken) query.set('pageToken', params.pageToken);
    const url = `${this.config.google.calendarBaseUrl}/calendars/primary/events?${query}`;
    try {
      return await this.get(googleAccountId, url, false);
    } catch (err) {
      // An access token Google no longer accepts: refresh once, then let auth_expired surface.
      if (err instanceof ProviderError && err.kind === 'auth_expired' && err.details.status === 401) return this.get(googleAccountId, url, true);
      throw err;
    }
  }

  private async get(googleAccountId: string, url: string, forceRefresh: boolean): Promise<CalendarEventsPage> {
    const token = await this.accounts.accessToken(googleAccountId, forceRefresh);
    return this.resilience.call(
      'google',
      async (signal) => {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal });
        if (res.ok) return (await res.json()) as CalendarEventsPage;
        const body = (await res.json().catch(() => ({}))) as GoogleErrorBody;
        const reason = body.error?.errors?.[0]?.reason;
        const message = `Google Calendar answered ${res.status}${reason ? ` ${reason}` : ''}`;
        if (res.status === 410) throw new SyncTokenExpired();
        if (res.status === 401) throw new ProviderError('google', 'auth_expired', message, { status: 401, code: reason });
        if (res.status === 429 || (res.status === 403 && reason && RATE_REASONS.has(reason)))
          throw new ProviderError('google', 'rate_limited', message, { status: res.status, code: reason, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) });
        if (res.status >= 500) throw new ProviderError('google', 'retryable', message, { status: res.status, code: reason });
        throw new ProviderError('google', 'permanent', message, { status: res.status, code: reason });
      },
      { operation: 'calendar.events.list' },
    );
  }
}
