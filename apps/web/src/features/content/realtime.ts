import { notifications } from '@mantine/notifications';
import { registerRealtime } from '../../lib/realtime/registry';
import { contentKeys } from './api';

registerRealtime('drafts.ready', {
  invalidate: (p) => (typeof p.meetingId === 'string' ? [contentKeys.forMeeting(p.meetingId)] : [contentKeys.all]),
  notify: (p) =>
    notifications.show({
      color: p.mode === 'fallback' ? 'yellow' : 'green',
      title: 'Drafts ready',
      message: p.mode === 'fallback' ? 'The AI service was unavailable, so these drafts were extracted from the transcript. Review them carefully.' : 'Your summary, follow-up email and posts are ready to review.',
    }),
});

registerRealtime('post.updated', {
  invalidate: (p) => (typeof p.contentId === 'string' ? [contentKeys.all, contentKeys.detail(p.contentId)] : [contentKeys.all]),
});
