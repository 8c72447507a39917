import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { Dto } from '../../lib/api/types';
import { registerRealtime } from '../../lib/realtime/registry';

export type ReviewItem = Dto<'ReviewItemDto'>;
export type ReasonCode = Dto<'RequestChangesDto'>['reasonCode'];
export interface ReviewFilters {
  status?: ReviewItem['status'];
  platform?: ReviewItem['platform'];
  category?: ReviewItem['categories'][number];
  minRisk?: number;
  limit?: number;
  offset?: number;
}

export const reviewKeys = {
  all: ['review'] as const,
  list: (f: ReviewFilters) => ['review', 'list', f] as const,
  detail: (contentId: string) => ['review', 'detail', contentId] as const,
};

/** GET /api/compliance/reviews: the queue, riskiest first. */
export function useReviewQueue(f: ReviewFilters) {
  return useQuery({
    queryKey: reviewKeys.list(f),
    queryFn: () => unwrap(api.GET('/api/compliance/reviews', { params: { query: { ...f, limit: f.limit ?? 50, offset: f.offset ?? 0 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useReviewDetail(contentId: string | null) {
  return useQuery({
    queryKey: reviewKeys.detail(contentId ?? ''),
    queryFn: () => unwrap(api.GET('/api/compliance/reviews/{contentId}', { params: { path: { contentId: contentId! } } })),
    enabled: !!contentId,
  });
}

type Decision =
  | { kind: 'approve'; contentId: string; body: Dto<'ApproveDto'> }
  | { kind: 'request-changes'; contentId: string; body: Dto<'RequestChangesDto'> }
  | { kind: 'reject'; contentId: string; body: Dto<'RejectDto'> };

/** Approve, request changes or reject; each records the reviewer and the exact text decided on. */
export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Decision) => {
      const params = { path: { contentId: d.contentId } };
      if (d.kind === 'approve') return unwrap(api.POST('/api/compliance/reviews/{contentId}/approve', { params, body: d.body }));
      if (d.kind === 'reject') return unwrap(api.POST('/api/compliance/reviews/{contentId}/reject', { params, body: d.body }));
      return unwrap(api.POST('/api/compliance/reviews/{contentId}/request-changes', { params, body: d.body }));
    },
    onSuccess: (detail, d) => {
      qc.setQueryData(reviewKeys.detail(d.contentId), detail);
      void qc.invalidateQueries({ queryKey: ['review', 'list'] });
    },
  });
}

registerRealtime('review.updated', {
  invalidate: (p) => (typeof p.contentId === 'string' ? [['review', 'list'], reviewKeys.detail(p.contentId)] : [reviewKeys.all]),
});
