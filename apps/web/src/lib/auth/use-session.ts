import { useSyncExternalStore } from 'react';
import { sessionStore, type Role, type SessionState, type SessionUser } from './session-store';

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);
}

/** The signed-in user; only call below a RequireAuth route. */
export function useCurrentUser(): SessionUser {
  const s = useSession();
  if (s.status !== 'authenticated') throw new Error('useCurrentUser outside an authenticated route');
  return s.user;
}

export const ROLE_LABEL: Record<Role, string> = {
  advisor: 'Advisor',
  compliance_officer: 'Compliance officer',
  admin: 'Firm admin',
};

/** A path inside the SPA, never an absolute or protocol-relative URL (no open redirect). */
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/sign-in') || value.startsWith('/auth/')) return fallback;
  return value;
}
