import { Inject, Injectable } from '@nestjs/common';
import OpenAI, { APIError, toFile } from 'openai';
import { APP_CONFIG, AppConfig } from '../../../infra/config/config';
import { ProviderError } from '../../../infra/resilience/provider-error';
import { ResilienceService } from '../../../infra/resilience/resilience.service';
import type { TranscriptSegment } from '../transcripts/transcript.types';
import { TranscriptionProvider } from './transcription.port';

interface VerboseTranscription {
  text?: string;
  segments?: { start?: number; end?: number; text?: string; speaker?: string }[];
}

/** OpenAI (or a compatible server) audio transcription with the official SDK; retries are the wrapper's, not the SDK's. */
@Injectable()
export class OpenAiTranscriptionAdapter extends TranscriptionProvider {
  private readonly client: OpenAI;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly resilience: ResilienceService,
  ) {
    super();
    this.client = new OpenAI({ baseURL: config.openai.baseUrl, apiKey: config.openai.apiKey, maxRetries: 0, timeout: 120_000 });
  }

  async transcribe(file: { buffer: Buffer; filename: string; mimeType?: string }): Promise<TranscriptSegment[]> {
    const model = this.config.openai.transcriptionModel;
    // verbose_json (segments with times) only exists for whisper-1 (external-apis.md §3.3).
    const verbose = model === 'whisper-1';
    const result = await this.resilience.call(
      'openai',
      async (signal) => {
        try {
          const upload = await toFile(file.buffer, file.filename, file.mimeType ? { type: file.mimeType } : undefined);
          return (await this.client.audio.transcriptions.create(
            verbose ? { file: upload, model, response_format: 'verbose_json', timestamp_granularities: ['segment'] } : { file: upload, model, response_format: 'json' },
            { signal },
          )) as unknown as VerboseTranscription;
        } catch (err) {
          throw classify(err);
        }
      },
      { operation: 'audio.transcriptions' },
    );
    if (result.segments?.length) {
      return result.segments
        .filter((s) => typeof s.text === 'string' && s.text.trim())
        .map((s) => ({ speaker: s.speaker ?? null, start: typeof s.start === 'number' ? s.start : null, end: typeof s.end === 'number' ? s.end : null, text: (s.text as string).trim() }));
    }
    const text = (result.text ?? '').trim();
    return text ? [{ speaker: null, start: null, end: null, text }] : [];
  }
}

function classify(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof APIError && typeof err.status === 'number') {
    const code = (err as { code?: string | null }).code ?? undefined;
    const status = err.status;
    if (status === 429 && code === 'insufficient_quota') return new ProviderError('openai', 'permanent', 'OpenAI quota exhausted (billing)', { status, code });
    if (status === 429) {
      const ra = Number(err.headers?.get?.('retry-after'));
      return new ProviderError('openai', 'rate_limited', 'OpenAI rate limit reached', { status, code, retryAfterMs: Number.isFinite(ra) ? ra * 1000 : undefined });
    }
    if (status === 401 || status === 403) return new ProviderError('openai', 'auth_expired', `OpenAI refused the key (${status})`, { status, code });
    if (status === 408 || status === 409 || status >= 500) return new ProviderError('openai', 'retryable', `OpenAI answered ${status}`, { status, code });
    return new ProviderError('openai', 'permanent', `OpenAI rejected the audio: ${err.message}`, { status, code });
  }
  return new ProviderError('openai', 'retryable', `OpenAI call failed: ${(err as Error)?.message ?? String(err)}`);
}
