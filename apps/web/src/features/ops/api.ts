import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

export const opsKeys = { overview: ['ops', 'overview'] as const };

export const useOpsOverview = () =>
  useQuery({ queryKey: opsKeys.overview, queryFn: () => unwrap(api.GET('/api/ops/overview')), refetchInterval: 15_000 });

export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ queue, jobId }: { queue: string; jobId: string }) =>
      unwrap(api.POST('/api/ops/queues/{queue}/jobs/{jobId}/retry', { params: { path: { queue, jobId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: opsKeys.overview }),
  });
}
