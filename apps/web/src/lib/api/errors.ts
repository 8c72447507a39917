/** An API failure in a form the UI can show: the server's message, its code and reference id. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
  get isServer(): boolean {
    return this.status >= 500;
  }
  get isClient(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

interface EnvelopeLike {
  success?: boolean;
  error?: { code?: string; message?: string; details?: unknown };
  metadata?: { requestId?: string };
}

export function toApiError(body: unknown, response: Response | undefined): ApiError {
  const env = (body ?? {}) as EnvelopeLike;
  const status = response?.status ?? 0;
  const requestId = env.metadata?.requestId ?? response?.headers.get('x-request-id') ?? undefined;
  if (env.error && typeof env.error.message === 'string') {
    return new ApiError(
      status,
      env.error.code ?? 'ERROR',
      env.error.message,
      Array.isArray(env.error.details) ? (env.error.details as Record<string, unknown>[]) : [],
      requestId,
    );
  }
  if (status === 0) return new ApiError(0, 'NETWORK', 'Aftermeet could not be reached. Check your connection and try again.');
  return new ApiError(status, `HTTP_${status}`, `The server answered ${status} ${response?.statusText ?? ''}`.trim() + '. Try again in a moment.', [], requestId);
}

export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof TypeError) return toApiError(undefined, undefined);
  return new ApiError(0, 'UNKNOWN', err instanceof Error ? err.message : 'Something went wrong. Try again.');
}
