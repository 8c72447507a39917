import type { components } from '@api-client/schema';

export type SessionUser = components['schemas']['SessionUserDto'];
export type Role = SessionUser['role'];

export type SessionState =
  | { status: 'unknown'; user: null }
  | { status: 'anonymous'; user: null; reason?: 'expired' | 'signed_out' }
  | { status: 'authenticated'; user: SessionUser };

/**
 * The session lives in memory only: the access token never touches storage, so a reload
 * starts with `unknown` and the refresh cookie brings it back.
 */
let state: SessionState = { status: 'unknown', user: null };
let accessToken: string | null = null;
let expiresAt = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export const sessionStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getState(): SessionState {
    return state;
  },
  getAccessToken(): string | null {
    return accessToken;
  },
  /** Milliseconds until the access token expires (negative when it has). */
  msUntilExpiry(): number {
    return expiresAt - Date.now();
  },
  setSession(token: string, expiresInSeconds: number, user: SessionUser): void {
    accessToken = token;
    expiresAt = Date.now() + expiresInSeconds * 1000;
    const same = state.status === 'authenticated' && JSON.stringify(state.user) === JSON.stringify(user);
    if (!same) {
      state = { status: 'authenticated', user };
      emit();
    }
  },
  updateUser(patch: Partial<SessionUser>): void {
    if (state.status !== 'authenticated') return;
    state = { status: 'authenticated', user: { ...state.user, ...patch } };
    emit();
  },
  clear(reason?: 'expired' | 'signed_out'): void {
    accessToken = null;
    expiresAt = 0;
    if (state.status !== 'anonymous') {
      state = { status: 'anonymous', user: null, reason };
      emit();
    }
  },
};
