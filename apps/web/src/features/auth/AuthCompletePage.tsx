import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { refreshSession } from '../../lib/api/client';
import { safeReturnTo } from '../../lib/auth/use-session';

/** Google sent the browser back here with a refresh cookie: trade it for an access token. */
export function AuthCompletePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice in development
    started.current = true;
    const returnTo = safeReturnTo(params.get('returnTo'));
    void refreshSession().then((ok) => {
      if (ok) navigate(returnTo, { replace: true });
      else
        navigate(
          `/sign-in?error=session_not_started&message=${encodeURIComponent('We could not start your session. Allow cookies for this site and try again.')}&returnTo=${encodeURIComponent(returnTo)}`,
          { replace: true },
        );
    });
  }, [navigate, params]);

  return (
    <Center h="100vh">
      <Stack align="center" gap="sm" data-testid="auth-complete">
        <Loader />
        <Text c="dimmed">Signing you in…</Text>
      </Stack>
    </Center>
  );
}
