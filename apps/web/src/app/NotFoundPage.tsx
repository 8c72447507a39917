import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { Logo } from '../components/Logo';

export function NotFoundPage() {
  return (
    <Center h="100vh" p="xl" data-testid="not-found">
      <Stack align="center" gap="md" maw={440} ta="center">
        <Logo />
        <Text fz={64} fw={800} c="navy.2" lh={1}>
          404
        </Text>
        <Title order={2}>This page does not exist</Title>
        <Text c="dimmed">The link may be out of date, or the item was removed. Your meetings and posts are still where you left them.</Text>
        <Button component={Link} to="/">
          Back to Aftermeet
        </Button>
      </Stack>
    </Center>
  );
}
