import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { Empty } from '../components/Empty';
import type { Role } from '../lib/auth/session-store';
import { ROLE_LABEL, useSession } from '../lib/auth/use-session';
import { homeFor } from './navigation';

export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center h="100vh">
      <Stack align="center" gap="sm">
        <Loader />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

/** Signed-in users only; others go to /sign-in and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <FullPageLoader label="Loading your workspace…" />;
  if (session.status === 'anonymous') {
    const returnTo = `${location.pathname}${location.search}`;
    const expired = session.reason === 'expired' ? '&error=session_expired' : '';
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}${expired}`} replace />;
  }
  return <>{children}</>;
}

/** A screen for some roles; the others see why they cannot open it. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  if (session.status !== 'authenticated') return null;
  if (!roles.includes(session.user.role))
    return (
      <Empty
        testId="forbidden"
        icon={<IconLock size={28} />}
        title="This page is not part of your role"
        description={`It is for ${roles.map((r) => ROLE_LABEL[r].toLowerCase()).join(' or ')}s. Ask your firm admin if you need access.`}
        actions={
          <Button component={Link} to={homeFor(session.user.role)} variant="light">
            Go to your start page
          </Button>
        }
      />
    );
  return <>{children}</>;
}

export function RoleHome() {
  const session = useSession();
  if (session.status !== 'authenticated') return null;
  return <Navigate to={homeFor(session.user.role)} replace />;
}
