/** Time-zone arithmetic for America/New_York seeds and RFC 3339 output, using Intl only. */
const offsetFmt = new Map<string, Intl.DateTimeFormat>();

/** Offset of `tz` at instant `ms`, in minutes east of UTC (New York: -300 or -240). */
export function tzOffsetMinutes(ms: number, tz: string): number {
  let f = offsetFmt.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'shortOffset', year: 'numeric' });
    offsetFmt.set(tz, f);
  }
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!m) return 0;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -mins : mins;
}

/** UTC ms of a wall-clock time in `tz`. */
export function zonedToUtc(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  let ms = guess - tzOffsetMinutes(guess, tz) * 60_000;
  ms = guess - tzOffsetMinutes(ms, tz) * 60_000;
  return ms;
}

/** Calendar date (y, m, d) in `tz` at instant ms. */
export function zonedDate(ms: number, tz: string): { y: number; m: number; d: number; weekday: number } {
  const local = new Date(ms + tzOffsetMinutes(ms, tz) * 60_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate(), weekday: local.getUTCDay() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** RFC 3339 with the zone's offset: 2025-03-03T10:00:00-05:00. */
export function rfc3339InZone(ms: number, tz: string): string {
  const off = tzOffsetMinutes(ms, tz);
  const l = new Date(ms + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}T${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

export function ymd(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Adds days to a civil date. */
export function addDays(y: number, m: number, d: number, days: number): { y: number; m: number; d: number; weekday: number } {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), weekday: t.getUTCDay() };
}

/** Basic-format UTC stamp used in instance ids: 20250303T150000Z. */
export function basicUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Strict RFC 3339 with offset (Google rejects timeMin without one). */
export function parseRfc3339(s: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
}
