import { Anchor, Stack, Text } from '@mantine/core';

/** Notifications render outside the router: navigate through history so the SPA handles it. */
function go(path: string) {
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function BotAlertMessage({ message, meetingId }: { message: string; meetingId: string | null }) {
  return (
    <Stack gap={4} data-testid="bot-alert">
      <Text size="sm">{message}</Text>
      {meetingId && (
        <Anchor
          href={`/meetings/${meetingId}`}
          size="sm"
          fw={600}
          onClick={(e) => {
            e.preventDefault();
            go(`/meetings/${meetingId}`);
          }}
        >
          Open the meeting
        </Anchor>
      )}
    </Stack>
  );
}
