import { notifications } from '@mantine/notifications';
import { createElement } from 'react';
import { registerRealtime } from '../../lib/realtime/registry';
import { meetingKeys, patchMeeting } from './api';
import { BotAlertMessage } from './BotAlertMessage';

const id = (p: Record<string, unknown>) => (typeof p.meetingId === 'string' ? p.meetingId : null);

registerRealtime('meeting.updated', {
  update: (qc, p) => {
    const meetingId = id(p);
    if (!meetingId) return;
    patchMeeting(qc, meetingId, (m) => ({
      ...m,
      ...(p.botStatus !== undefined ? { botStatus: p.botStatus as string | null } : {}),
      ...(p.botStatusDetail !== undefined ? { botStatusDetail: p.botStatusDetail as string | null } : {}),
      ...(p.transcriptState !== undefined ? { transcriptState: p.transcriptState as typeof m.transcriptState } : {}),
    }));
  },
  invalidate: (p) => (id(p) ? [meetingKeys.lists(), meetingKeys.detail(id(p)!)] : [meetingKeys.lists()]),
});

registerRealtime('bot.status', {
  update: (qc, p) => {
    const meetingId = id(p);
    const status = (p.code ?? p.state) as string | undefined;
    if (meetingId && status) patchMeeting(qc, meetingId, (m) => ({ ...m, botStatus: status, botStatusDetail: (p.subCode as string | null) ?? null }));
  },
  invalidate: (p) => (id(p) ? [meetingKeys.bots(id(p)!)] : []),
});

/** Waiting room or refused entry: loud, sticky, with a link to the meeting. */
registerRealtime('bot.alert', {
  notify: (p) => {
    const meetingId = id(p);
    notifications.show({
      id: `bot-alert-${meetingId ?? 'x'}-${String(p.code ?? '')}`,
      color: p.level === 'error' ? 'red' : 'orange',
      title: p.level === 'error' ? 'Notetaker could not record' : 'Notetaker is in the waiting room',
      message: createElement(BotAlertMessage, { message: String(p.message ?? ''), meetingId }),
      autoClose: false,
      withBorder: true,
      'data-testid': 'bot-alert',
    });
  },
  invalidate: (p) => (id(p) ? [meetingKeys.detail(id(p)!), meetingKeys.lists()] : []),
});

registerRealtime('transcript.ready', {
  invalidate: (p) => (id(p) ? [meetingKeys.detail(id(p)!), meetingKeys.lists()] : [meetingKeys.lists()]),
  notify: () => notifications.show({ color: 'green', title: 'Transcript ready', message: 'Drafts are being written from it now.' }),
});
