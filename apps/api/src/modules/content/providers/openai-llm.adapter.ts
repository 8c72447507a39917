import { Inject, Injectable } from '@nestjs/common';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, RateLimitError } from 'openai';
import { APP_CONFIG, AppConfig } from '../../../infra/config/config';
import { parseRetryAfter, ProviderError } from '../../../infra/resilience/provider-error';
import { ResilienceService } from '../../../infra/resilience/resilience.service';
import { ChatAnswer, ChatRequest, LlmPort } from './llm.port';

/** The official `openai` SDK, base URL and model from config; every call through the resilience wrapper. */
@Injectable()
export class OpenAiLlmAdapter implements LlmPort {
  private readonly client: OpenAI;
  readonly model: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly resilience: ResilienceService,
  ) {
    // Retries belong to our job queue and breaker, not to the SDK.
    this.client = new OpenAI({ apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl, maxRetries: 0, timeout: 60_000 });
    this.model = config.openai.model;
  }

  complete(request: ChatRequest): Promise<ChatAnswer> {
    return this.resilience.call(
      'openai',
      async (signal) => {
        try {
          const { data, response } = await this.client.chat.completions
            .create(
              {
                model: this.model,
                temperature: request.temperature,
                max_completion_tokens: request.maxTokens,
                messages: [
                  { role: 'system', content: request.system },
                  { role: 'user', content: request.user },
                ],
                response_format: { type: 'json_schema', json_schema: { name: request.schemaName, schema: request.schema, strict: true } },
              },
              { signal },
            )
            .withResponse();
          const choice = data.choices[0];
          return {
            content: choice?.message?.content ?? null,
            finishReason: choice?.finish_reason ?? null,
            model: data.model,
            usage: { promptTokens: data.usage?.prompt_tokens ?? 0, completionTokens: data.usage?.completion_tokens ?? 0, totalTokens: data.usage?.total_tokens ?? 0 },
            requestId: response.headers.get('x-request-id'),
          };
        } catch (err) {
          throw classify(err);
        }
      },
      { operation: 'chat.completions' },
    );
  }
}

function classify(err: unknown): Error {
  if (err instanceof ProviderError) return err;
  if (err instanceof RateLimitError) return new ProviderError('openai', 'rate_limited', 'OpenAI rate limit', { status: 429, retryAfterMs: parseRetryAfter(err.headers?.get?.('retry-after') ?? null) ?? 20_000 });
  if (err instanceof APIConnectionTimeoutError || err instanceof APIConnectionError) return new ProviderError('openai', 'retryable', `OpenAI unreachable: ${err.message}`);
  if (err instanceof APIError) {
    const status = err.status ?? 0;
    if (status === 401 || status === 403) return new ProviderError('openai', 'auth_expired', `OpenAI refused the key (${status})`, { status });
    if (status >= 500 || status === 408 || status === 409) return new ProviderError('openai', 'retryable', `OpenAI answered ${status}`, { status });
    return new ProviderError('openai', 'permanent', `OpenAI rejected the request (${status}): ${err.message}`, { status });
  }
  if ((err as Error)?.name === 'AbortError') return new ProviderError('openai', 'retryable', 'OpenAI call timed out');
  return new ProviderError('openai', 'retryable', `OpenAI call failed: ${(err as Error)?.message ?? String(err)}`);
}
