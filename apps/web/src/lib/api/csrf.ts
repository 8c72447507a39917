export const CSRF_COOKIE = 'am_csrf';

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export const csrfToken = (): string => readCookie(CSRF_COOKIE) ?? '';
