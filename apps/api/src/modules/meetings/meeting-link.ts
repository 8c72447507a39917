/** Video platforms a notetaker can join. */
export const PLATFORMS = ['zoom', 'google_meet', 'microsoft_teams', 'webex'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface MeetingLink {
  url: string;
  platform: Platform;
}

/** The parts of a Google Calendar event that can carry a meeting link (external-apis.md §1.5). */
export interface EventLinkSources {
  conferenceData?: { entryPoints?: { entryPointType?: string; uri?: string }[] } | null;
  hangoutLink?: string | null;
  location?: string | null;
  description?: string | null;
}

/** The platform of a join URL, or null when it is not a meeting link we can send a bot to. */
export function platformOf(raw: string): Platform | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase();
  const path = u.pathname;
  if (host === 'meet.google.com') return /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}(\/|$)/.test(path) ? 'google_meet' : null;
  if (host === 'zoom.us' || host.endsWith('.zoom.us') || host === 'zoomgov.com' || host.endsWith('.zoomgov.com'))
    return /^\/(j|w|s|my|wc\/join|wc)\/[\w.-]+/.test(path) ? 'zoom' : null;
  if (host === 'teams.microsoft.com' || host.endsWith('.teams.microsoft.com')) return /^\/l\/meetup-join\//.test(path) || /^\/meet\//.test(path) ? 'microsoft_teams' : null;
  if (host === 'teams.live.com') return /^\/meet\//.test(path) ? 'microsoft_teams' : null;
  if (host.endsWith('.webex.com')) return path.length > 1 ? 'webex' : null;
  return null;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** Meeting links found in free text (location or description, plain or HTML), in order of appearance. */
export function linksInText(text: string | null | undefined): MeetingLink[] {
  if (!text) return [];
  const out: MeetingLink[] = [];
  for (const match of decodeEntities(text).matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?)\]}>]+$/, '');
    const platform = platformOf(url);
    if (platform && !out.some((l) => l.url === url)) out.push({ url, platform });
  }
  return out;
}

/**
 * Where an event's meeting link is, in the order Google documents (§1.5): the first video entry
 * point of conferenceData (Meet, and Zoom/Teams add-ons), then hangoutLink, then a link written in
 * the location, then one in the description.
 */
export function detectMeetingLink(event: EventLinkSources): MeetingLink | null {
  for (const ep of event.conferenceData?.entryPoints ?? []) {
    if (ep.entryPointType !== 'video' || !ep.uri) continue;
    const platform = platformOf(ep.uri);
    if (platform) return { url: ep.uri, platform };
  }
  if (event.hangoutLink) {
    const platform = platformOf(event.hangoutLink);
    if (platform) return { url: event.hangoutLink, platform };
  }
  return linksInText(event.location)[0] ?? linksInText(event.description)[0] ?? null;
}

/** The same meeting in two calendars has the same link: compare links without tracking noise. */
export function normaliseMeetingUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    const host = u.hostname.toLowerCase();
    if (host === 'meet.google.com') return `https://meet.google.com${u.pathname.replace(/\/$/, '')}`;
    for (const k of [...u.searchParams.keys()]) if (/^utm_/i.test(k) || k === 'authuser') u.searchParams.delete(k);
    return `${u.protocol}//${host}${u.pathname.replace(/\/$/, '')}${u.search}`;
  } catch {
    return url.trim();
  }
}
