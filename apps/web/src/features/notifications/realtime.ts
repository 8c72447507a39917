import { notifications } from '@mantine/notifications';
import { registerRealtime } from '../../lib/realtime/registry';

/** A generic server notification: { title?, message, level? }. */
registerRealtime('notification', {
  notify: (p) => {
    const level = String(p.level ?? 'info');
    notifications.show({
      title: typeof p.title === 'string' ? p.title : 'Aftermeet',
      message: typeof p.message === 'string' ? p.message : 'Something changed.',
      color: level === 'error' ? 'red' : level === 'warning' ? 'yellow' : 'navy',
      autoClose: level === 'error' ? false : 6000,
    });
  },
});
