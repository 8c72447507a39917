import { Alert, Anchor, Box, Button, Center, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconShieldCheck } from '@tabler/icons-react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { Logo } from '../../components/Logo';
import { safeReturnTo, useSession } from '../../lib/auth/use-session';
import { googleSignInUrl } from './api';

function GoogleMark() {
  return (
    <svg width="18" height="18" viewBox="0 0 48 48" aria-hidden>
      <path fill="#EA4335" d="M24 9.5c3.54 0 6.71 1.22 9.21 3.6l6.85-6.85C35.9 2.38 30.47 0 24 0 14.62 0 6.51 5.38 2.56 13.22l7.98 6.19C12.43 13.72 17.74 9.5 24 9.5z" />
      <path fill="#4285F4" d="M46.98 24.55c0-1.57-.15-3.09-.38-4.55H24v9.02h12.94c-.58 2.96-2.26 5.48-4.78 7.18l7.73 6c4.51-4.18 7.09-10.36 7.09-17.65z" />
      <path fill="#FBBC05" d="M10.53 28.59c-.48-1.45-.76-2.99-.76-4.59s.27-3.14.76-4.59l-7.98-6.19C.92 16.46 0 20.12 0 24c0 3.88.92 7.54 2.56 10.78l7.97-6.19z" />
      <path fill="#34A853" d="M24 48c6.48 0 11.93-2.13 15.89-5.81l-7.73-6c-2.15 1.45-4.92 2.3-8.16 2.3-6.26 0-11.57-4.22-13.47-9.91l-7.98 6.19C6.51 42.62 14.62 48 24 48z" />
    </svg>
  );
}

const FAILURES: Record<string, string> = {
  access_denied: 'Google sign-in was cancelled. Choose your work account and allow calendar access to continue.',
  session_expired: 'Your session ended. Sign in again to pick up where you left off.',
};

export function SignInPage() {
  const [params] = useSearchParams();
  const session = useSession();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const errorCode = params.get('error');
  const errorMessage = params.get('message') ?? (errorCode ? FAILURES[errorCode] ?? 'Sign-in did not complete. Try again.' : null);

  if (session.status === 'authenticated') return <Navigate to={returnTo} replace />;

  return (
    <Box className="am-signin">
      <Box
        visibleFrom="md"
        p={56}
        style={{ background: 'linear-gradient(160deg, #143a66 0%, #1c4f8a 55%, #2a6aa8 100%)', color: 'white', display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }}
      >
        <Logo inverted />
        <Stack gap="lg" maw={460}>
          <Title order={1} fz={34} lh={1.2} c="white">
            From client meeting to compliant follow-up, without the busywork.
          </Title>
          <List spacing="sm" icon={<ThemeIcon size={22} radius="xl" color="teal.4" variant="filled"><IconCheck size={14} /></ThemeIcon>}>
            <List.Item>A notetaker joins the meetings you choose, from every calendar you connect.</List.Item>
            <List.Item>Summaries, follow-up emails and social posts drafted from the transcript.</List.Item>
            <List.Item>Every post checked against FINRA 2210 and the SEC Marketing Rule before anyone sees it.</List.Item>
            <List.Item>A tamper-evident record your examiner can verify.</List.Item>
          </List>
        </Stack>
        <Text size="xs" c="rgba(255,255,255,0.7)">
          Built for registered representatives, investment adviser representatives and their supervisors.
        </Text>
      </Box>
      <Center p={{ base: "sm", sm: "xl" }}>
        <Paper w="100%" maw={420} p={{ base: 24, sm: 40 }} shadow="sm" withBorder>
          <Stack gap="lg">
            <Box hiddenFrom="md">
              <Logo />
            </Box>
            <Stack gap={6}>
              <Title order={2} fz={24}>
                Sign in to Aftermeet
              </Title>
              <Text c="dimmed" size="sm">
                Use the Google account of your firm. We ask for read access to your calendar so we can list your meetings.
              </Text>
            </Stack>
            {errorMessage && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Sign-in failed" data-testid="sign-in-error">
                {errorMessage}
                {errorCode && (
                  <Text size="xs" c="dimmed" mt={4} className="am-mono">
                    Code {errorCode}
                  </Text>
                )}
              </Alert>
            )}
            <Button
              component="a"
              href={googleSignInUrl(returnTo)}
              size="md"
              variant="default"
              leftSection={<GoogleMark />}
              data-testid="sign-in-google"
              fullWidth
            >
              Continue with Google
            </Button>
            <Group gap={8} wrap="nowrap" align="flex-start">
              <IconShieldCheck size={16} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="xs" c="dimmed">
                Your session is kept in a secure cookie; transcripts and tokens are encrypted at rest. New here? The first person from a firm becomes its administrator and can invite colleagues.
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              Integrating a system instead? See the <Anchor href="/api/docs" size="xs">API documentation</Anchor>.
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
