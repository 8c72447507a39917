import { notifications } from '@mantine/notifications';
import { asApiError } from './api/errors';

/** Show an API failure: the server's message, plus the reference id for a 5xx. */
export function notifyError(error: unknown, title = 'That did not work'): void {
  const err = asApiError(error);
  notifications.show({
    color: 'red',
    title,
    message: err.isServer && err.requestId ? `${err.message} (Reference ${err.requestId})` : err.message,
  });
}
