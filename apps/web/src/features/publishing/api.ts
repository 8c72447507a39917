import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { Dto } from '../../lib/api/types';

export type Publication = Dto<'PublicationDto'>;
export interface PublicationFilters {
  status?: Publication['status'];
  platform?: Publication['platform'];
  contentId?: string;
  limit?: number;
  offset?: number;
}

export const publishingKeys = {
  all: ['publishing'] as const,
  list: (f: PublicationFilters) => ['publishing', 'list', f] as const,
  detail: (id: string) => ['publishing', 'detail', id] as const,
  deadLetters: ['publishing', 'dead-letters'] as const,
};

export function usePublications(f: PublicationFilters) {
  return useQuery({
    queryKey: publishingKeys.list(f),
    queryFn: () => unwrap(api.GET('/api/social/publications', { params: { query: { ...f, limit: f.limit ?? 50, offset: f.offset ?? 0 } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublication(id: string | null) {
  return useQuery({
    queryKey: publishingKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/social/publications/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** POST /api/social/publish: now, or at `scheduledAt`. The server refuses (409) unapproved or changed text. */
export function usePublish() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Dto<'PublishRequestDto'>) => unwrap(api.POST('/api/social/publish', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: publishingKeys.all }),
  });
}

export function useCancelPublication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/social/publications/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: publishingKeys.all }),
  });
}

export function useDeadLetters() {
  return useQuery({ queryKey: publishingKeys.deadLetters, queryFn: () => unwrap(api.GET('/api/social/dead-letters', { params: { query: { limit: 50 } } })) });
}

export function useRetryDeadLetter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/social/dead-letters/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: publishingKeys.all }),
  });
}

/** A person settles a needs-check post: it is on the platform (optionally with its id) or it is not. */
export function useResolvePublication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, outcome, externalId }: { id: string; outcome: 'published' | 'not_published'; externalId?: string }) =>
      unwrap(api.POST('/api/social/publications/{id}/resolve', { params: { path: { id } }, body: { outcome, externalId } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: publishingKeys.all }),
  });
}
