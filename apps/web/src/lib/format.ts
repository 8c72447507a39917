export const fmtDate = (iso: string | null | undefined, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
  iso ? new Intl.DateTimeFormat(undefined, opts).format(new Date(iso)) : '—';
export const fmtDateTime = (iso: string | null | undefined) => fmtDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
export const fmtTime = (iso: string | null | undefined) => fmtDate(iso, { hour: 'numeric', minute: '2-digit' });

export function fmtRelative(iso: string | null | undefined): string {
  if (!iso) return '—';
  const diff = new Date(iso).getTime() - Date.now();
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs < 60_000) return rtf.format(Math.round(diff / 1000), 'second');
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  return rtf.format(Math.round(diff / 86_400_000), 'day');
}

/** Seconds → m:ss or h:mm:ss, for transcript timestamps. */
export function fmtOffset(seconds: number | null | undefined): string {
  if (seconds == null) return '';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export const humanize = (s: string) => s.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
