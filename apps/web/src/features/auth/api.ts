import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, signOut, unwrap } from '../../lib/api/client';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** GET /api/me: the signed-in user with their profile. */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: () => unwrap(api.GET('/api/me')),
    enabled,
  });
}

/** POST /api/auth/logout, then drop every cached answer of this user. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => client.clear(),
  });
}

/** Where the browser goes to start Google sign-in (a full-page navigation, not a fetch). */
export function googleSignInUrl(returnTo: string): string {
  return `/api/auth/google?returnTo=${encodeURIComponent(returnTo)}`;
}
