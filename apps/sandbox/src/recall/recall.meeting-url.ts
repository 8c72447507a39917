/** Parses a meeting URL (string in requests) into Recall's response object. */
export type MeetingUrlObject = Record<string, string | null> & { platform: string; meeting_id: string | null };

export function parseMeetingUrl(raw: string): MeetingUrlObject | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const host = u.hostname.toLowerCase();
  if (host === 'meet.google.com') {
    const m = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})\b/.exec(u.pathname);
    return m ? { meeting_id: m[1], platform: 'google_meet' } : undefined;
  }
  if (host === 'zoom.us' || host.endsWith('.zoom.us')) {
    const m = /\/(?:j|w|s|wc\/join|my)\/(\d{9,11}|[\w.-]+)/.exec(u.pathname);
    if (!m) return undefined;
    return { meeting_id: m[1], meeting_password: u.searchParams.get('pwd'), platform: 'zoom' };
  }
  if (host === 'teams.microsoft.com' || host === 'teams.live.com' || host.endsWith('.teams.microsoft.com')) {
    const m = /meetup-join\/([^/]+)\/([^/?]+)/.exec(u.pathname);
    let ctxObj: Record<string, string> = {};
    try {
      ctxObj = JSON.parse(u.searchParams.get('context') ?? '{}') as Record<string, string>;
    } catch {
      /* context is optional */
    }
    if (host === 'teams.live.com') return { meeting_id: u.pathname.split('/').filter(Boolean).pop() ?? null, platform: 'microsoft_teams_live' };
    if (!m) return undefined;
    return {
      meeting_id: null,
      thread_id: decodeURIComponent(m[1]),
      message_id: decodeURIComponent(m[2]),
      tenant_id: ctxObj.Tid ?? null,
      organizer_id: ctxObj.Oid ?? null,
      platform: 'microsoft_teams',
    };
  }
  if (host.endsWith('.webex.com')) {
    return { meeting_id: u.searchParams.get('MTID') ?? u.pathname.split('/').filter(Boolean).pop() ?? null, platform: 'webex' };
  }
  if (host === 'gotomeet.me' || host === 'meet.goto.com' || host.endsWith('gotomeeting.com') || host === 'app.goto.com') {
    return { meeting_id: u.pathname.split('/').filter(Boolean).pop() ?? null, platform: 'goto_meeting' };
  }
  return undefined;
}
