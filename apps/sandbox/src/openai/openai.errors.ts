import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import type { FaultShape } from '../core/faults';

/** OpenAI's error envelope: `{"error": {"message", "type", "param", "code"}}`. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function openAiError(message: string, type: string, param: string | null = null, code: string | null = null): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

export function requestId(): string {
  return `req_${randomBytes(16).toString('hex')}`;
}

export function sendError(res: Response, status: number, body: OpenAiErrorBody, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).json(body);
}

export const invalidRequest = (message: string, param: string | null = null, code: string | null = null) => openAiError(message, 'invalid_request_error', param, code);

export const SERVER_ERROR_MESSAGE = 'The server had an error while processing your request. Sorry about that!';
export const OVERLOADED_MESSAGE = 'The engine is currently overloaded, please try again later.';

/** How injected faults (core/faults.ts) look when they hit the OpenAI routes. */
export const openAiFaultShape: FaultShape = (kind, status, rule) => {
  const headers: Record<string, string> = { 'x-request-id': requestId() };
  switch (kind) {
    case 'rate_limit': {
      const seconds = rule.retryAfter ?? 1;
      Object.assign(headers, {
        'retry-after-ms': String(Math.round(seconds * 1000)),
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': `${seconds}s`,
      });
      return {
        status,
        headers,
        body: openAiError(
          `Rate limit reached for requests in organization org-sandbox on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in ${seconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
          'requests',
          null,
          'rate_limit_exceeded',
        ),
      };
    }
    case 'expired_token':
    case 'revoked_token':
      return {
        status,
        headers,
        body: invalidRequest('Incorrect API key provided: sk-sandb*******. You can find your API key at https://platform.openai.com/account/api-keys.', null, 'invalid_api_key'),
      };
    default:
      if (status >= 500) {
        return { status, headers, body: openAiError(status === 503 ? OVERLOADED_MESSAGE : SERVER_ERROR_MESSAGE, 'server_error', null, null) };
      }
      if (status === 429) return { status, headers, body: openAiError('You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', null, 'insufficient_quota') };
      return { status, headers, body: invalidRequest(`Injected sandbox fault (${status}).`) };
  }
};
