import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifyError } from '../lib/notify';
import { ApiError, asApiError } from '../lib/api/errors';

/** Retry only what may succeed next time: network failures and 5xx, never a 4xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const err = asApiError(error);
  if (err.isClient) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache({
      // A mutation without its own onError still tells the user what happened.
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.options.onError) return;
        notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        retryDelay: (n) => Math.min(1000 * 2 ** n, 8000),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

export { ApiError };
