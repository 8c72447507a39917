import { useQuery } from '@tanstack/react-query';
import type { components } from '@api-client/schema';
import { api } from '../../lib/api/client';
import { asApiError, toApiError } from '../../lib/api/errors';

type Readiness = components['schemas']['ReadinessDto'];

export interface DependencyRow {
  name: string;
  status: 'up' | 'down';
  message?: string;
}

export interface HealthSummary {
  level: 'ok' | 'degraded' | 'down';
  dependencies: DependencyRow[];
  breakers: { name: string; state: string }[];
  message?: string;
  checkedAt: number;
}

export const healthKeys = { ready: ['health', 'ready'] as const };

const CORE = new Set(['postgres', 'redis']);

/** Reads GET /health/ready; a 503 is an answer here (it lists what is down), not a failure. */
async function readReadiness(): Promise<HealthSummary> {
  const checkedAt = Date.now();
  let result;
  try {
    result = await api.GET('/health/ready');
  } catch (err) {
    return { level: 'down', dependencies: [], breakers: [], message: asApiError(err).message, checkedAt };
  }
  const { data, error, response } = result;
  if (response.ok && data?.success) {
    const ready: Readiness = data.data;
    const breakers = Object.entries(ready.breakers ?? {}).map(([name, state]) => ({ name, state }));
    const dependencies = Object.entries(ready.dependencies ?? {}).map(([name, d]) => ({ name, status: d.status, message: d.message }));
    const level = breakers.some((b) => b.state !== 'closed') ? 'degraded' : 'ok';
    return { level, dependencies, breakers, checkedAt };
  }
  const err = toApiError(error, response);
  const down = err.details
    .filter((d) => typeof d.dependency === 'string')
    .map((d) => ({ name: String(d.dependency), status: 'down' as const, message: typeof d.message === 'string' ? d.message : undefined }));
  const level = response.status === 503 && down.length > 0 && !down.some((d) => CORE.has(d.name)) ? 'degraded' : 'down';
  return { level, dependencies: down, breakers: [], message: err.message, checkedAt };
}

/** Polled every 15 s for the header's status dot. */
export function useReadiness() {
  return useQuery({
    queryKey: healthKeys.ready,
    queryFn: readReadiness,
    refetchInterval: 15_000,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
    retry: false,
  });
}
