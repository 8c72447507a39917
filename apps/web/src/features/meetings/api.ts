import { useMutation, useQuery, useQueryClient, keepPreviousData, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { Dto } from '../../lib/api/types';
import { notifyError } from '../../lib/notify';

export type Meeting = Dto<'MeetingDto'>;
type MeetingPage = { items: Meeting[]; page: Dto<'PageInfoDto'> };

export interface MeetingFilters {
  when: 'upcoming' | 'past';
  q?: string;
  platform?: NonNullable<Meeting['platform']>;
  limit?: number;
  offset?: number;
}

export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => ['meetings', 'list'] as const,
  list: (f: MeetingFilters) => ['meetings', 'list', f] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  transcript: (id: string, q?: string) => ['meetings', 'detail', id, 'transcript', q ?? ''] as const,
  bots: (id: string) => ['meetings', 'detail', id, 'bots'] as const,
};

/** GET /api/calendar/events: one page of upcoming or past meetings. */
export function useMeetings(filters: MeetingFilters) {
  return useQuery({
    queryKey: meetingKeys.list(filters),
    queryFn: () =>
      unwrap(
        api.GET('/api/calendar/events', {
          params: { query: { when: filters.when, q: filters.q || undefined, platform: filters.platform, limit: filters.limit ?? 100, offset: filters.offset ?? 0 } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: filters.when === 'upcoming' ? 60_000 : false,
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => unwrap(api.GET('/api/meetings/{id}', { params: { path: { id } } })) });
}

export function useTranscript(id: string, q: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.transcript(id, q),
    queryFn: () => unwrap(api.GET('/api/meetings/{id}/transcript', { params: { path: { id }, query: { q: q || undefined } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBots(meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.bots(meetingId),
    queryFn: () => unwrap(api.GET('/api/recall/bots', { params: { query: { meetingId, limit: 5 } } })),
  });
}

/** POST /api/calendar/events: ask every connected calendar to sync now. */
export function useSyncCalendars() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/calendar/events')),
    onSuccess: () => setTimeout(() => void qc.invalidateQueries({ queryKey: meetingKeys.lists() }), 2500),
  });
}

/** Apply a change to a meeting wherever it is cached (lists and detail). */
export function patchMeeting(qc: QueryClient, id: string, patch: (m: Meeting) => Meeting): void {
  qc.setQueriesData<MeetingPage>({ queryKey: meetingKeys.lists() }, (page) =>
    page ? { ...page, items: page.items.map((m) => (m.id === id ? patch(m) : m)) } : page,
  );
  qc.setQueryData<Meeting>(meetingKeys.detail(id), (m) => (m ? patch(m) : m));
}

/** PATCH /api/meetings/{id}/notetaker, optimistic: the switch moves at once and rolls back on error. */
export function useToggleNotetaker() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      unwrap(api.PATCH('/api/meetings/{id}/notetaker', { params: { path: { id } }, body: { enabled } })),
    onMutate: async ({ id, enabled }) => {
      await qc.cancelQueries({ queryKey: meetingKeys.all });
      const lists = qc.getQueriesData<MeetingPage>({ queryKey: meetingKeys.lists() });
      const detail = qc.getQueryData<Meeting>(meetingKeys.detail(id));
      patchMeeting(qc, id, (m) => ({ ...m, notetakerEnabled: enabled, notetakerChoice: 'user', botStatus: enabled ? 'pending' : null }));
      return { lists, detail };
    },
    onError: (err, { id }, ctx) => {
      for (const [key, data] of ctx?.lists ?? []) qc.setQueryData(key, data);
      if (ctx?.detail) qc.setQueryData(meetingKeys.detail(id), ctx.detail);
      notifyError(err, 'The notetaker setting was not changed');
    },
    onSuccess: (meeting) => patchMeeting(qc, meeting.id, () => meeting),
  });
}

export function useSetConsent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, doNotRecord }: { id: string; doNotRecord: boolean }) =>
      unwrap(api.PATCH('/api/meetings/{id}/consent', { params: { path: { id } }, body: { doNotRecord } })),
    onSuccess: (meeting) => patchMeeting(qc, meeting.id, () => meeting),
  });
}

/** Upload a transcript file (.vtt, .srt, .txt, Recall JSON) or an audio file for a meeting. */
export function useUploadTranscript() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file, kind }: { id: string; file: File; kind: 'transcript' | 'audio' }) => {
      const bodySerializer = () => {
        const fd = new FormData();
        fd.append('file', file);
        return fd;
      };
      return kind === 'audio'
        ? unwrap(api.POST('/api/meetings/{id}/audio', { params: { path: { id } }, body: { file: '' }, bodySerializer }))
        : unwrap(api.POST('/api/meetings/{id}/transcript', { params: { path: { id } }, body: { file: '' }, bodySerializer }));
    },
    onSuccess: (_t, { id }) => qc.invalidateQueries({ queryKey: meetingKeys.detail(id) }),
  });
}
