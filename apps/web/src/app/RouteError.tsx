import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { NotFoundPage } from './NotFoundPage';

/** A render error in a screen: say so, offer a reload, keep the shell when inline. */
export function RouteError({ inline = false }: { inline?: boolean }) {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const body = (
    <Stack align="center" gap="sm" maw={480} ta="center" data-testid="route-error">
      <Title order={3}>This page hit a problem</Title>
      <Text c="dimmed" size="sm">
        Reload the page to try again. If it keeps happening, tell your firm admin what you were doing.
      </Text>
      <Text size="xs" c="dimmed" className="am-mono">
        {error instanceof Error ? error.message : String(error)}
      </Text>
      <Button onClick={() => window.location.reload()}>Reload</Button>
    </Stack>
  );
  return inline ? <Center py={64}>{body}</Center> : <Center h="100vh">{body}</Center>;
}
