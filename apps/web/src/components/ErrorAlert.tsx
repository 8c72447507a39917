import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { asApiError } from '../lib/api/errors';

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** The server's message (written to say what to do), a retry, and a reference id for 5xx. */
export function ErrorAlert({ error, title, onRetry, retrying }: Props) {
  const err = asApiError(error);
  return (
    <Alert
      color={err.isClient ? 'orange' : 'red'}
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title ?? (err.isNetwork ? 'Aftermeet is unreachable' : err.isServer ? 'Something went wrong on our side' : 'This could not be loaded')}
      data-testid="error-alert"
    >
      <Text size="sm">{err.message}</Text>
      {(err.isServer || err.isNetwork) && err.requestId && (
        <Text size="xs" c="dimmed" mt={4} className="am-mono">
          Reference {err.requestId}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="white" color="dark" leftSection={<IconRefresh size={14} />} onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
