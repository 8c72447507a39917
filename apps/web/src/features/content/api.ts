import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { Dto } from '../../lib/api/types';

export type Content = Dto<'ContentDto'>;

export const contentKeys = {
  all: ['content'] as const,
  forMeeting: (meetingId: string) => ['content', 'meeting', meetingId] as const,
  detail: (id: string) => ['content', 'detail', id] as const,
  versions: (id: string) => ['content', 'detail', id, 'versions'] as const,
};

/** GET /api/content?meetingId=: summary, follow-up email and posts of one meeting. */
export function useMeetingContent(meetingId: string) {
  return useQuery({
    queryKey: contentKeys.forMeeting(meetingId),
    queryFn: () => unwrap(api.GET('/api/content', { params: { query: { meetingId } } })),
  });
}

export function useContentVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: contentKeys.versions(id),
    queryFn: () => unwrap(api.GET('/api/content/{id}/versions', { params: { path: { id } } })),
    enabled,
  });
}

function replaceInMeeting(qc: ReturnType<typeof useQueryClient>, c: Content) {
  qc.setQueryData<Content[]>(contentKeys.forMeeting(c.meetingId), (list) => list?.map((x) => (x.id === c.id ? c : x)));
  qc.setQueryData(contentKeys.detail(c.id), c);
  void qc.invalidateQueries({ queryKey: contentKeys.versions(c.id) });
}

/** PATCH /api/content/{id}: the server re-validates; editing approved text sends it back to review. */
export function useEditContent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text, title }: { id: string; text: string; title?: string }) =>
      unwrap(api.PATCH('/api/content/{id}', { params: { path: { id } }, body: { text, title } })),
    onSuccess: (c) => replaceInMeeting(qc, c),
  });
}

export function useRegenerate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, instruction }: { id: string; instruction?: string; meetingId: string }) =>
      unwrap(api.POST('/api/content/{id}/regenerate', { params: { path: { id } }, body: { instruction: instruction || undefined } })),
    onSuccess: (_r, { meetingId }) => qc.invalidateQueries({ queryKey: contentKeys.forMeeting(meetingId) }),
  });
}

export function useAcceptSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/content/{id}/accept-suggestion', { params: { path: { id } } })),
    onSuccess: (c) => replaceInMeeting(qc, c),
  });
}

/** POST /api/generate-posts: draft (again) for a whole meeting. */
export function useGenerateDrafts() {
  return useMutation({
    mutationFn: ({ meetingId, instruction }: { meetingId: string; instruction?: string }) =>
      unwrap(api.POST('/api/generate-posts', { body: { meetingId, instruction: instruction || undefined } })),
  });
}
