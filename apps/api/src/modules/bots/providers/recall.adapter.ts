import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../infra/config/config';
import { parseRetryAfter, ProviderError } from '../../../infra/resilience/provider-error';
import { ResilienceService } from '../../../infra/resilience/resilience.service';
import { BotStatusChange, CreateBotRequest, NotetakerProvider, ProviderBot } from './notetaker.port';

interface RecallBotJson {
  id: string;
  join_at?: string | null;
  status_changes?: { code: string; sub_code?: string | null; message?: string | null; created_at: string }[];
  recordings?: { id: string; media_shortcuts?: { transcript?: { status?: { code?: string }; data?: { download_url?: string | null } } | null } }[];
}

/** Recall.ai API v1 (external-apis.md §2) through the resilience wrapper: `Token` auth, trailing slashes, Idempotency-Key. */
@Injectable()
export class RecallAdapter extends NotetakerProvider {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly resilience: ResilienceService,
  ) {
    super();
  }

  async createBot(req: CreateBotRequest, idempotencyKey: string): Promise<ProviderBot> {
    const body: Record<string, unknown> = {
      meeting_url: req.meetingUrl,
      bot_name: req.botName.slice(0, 100),
      recording_config: { transcript: { provider: { recallai_streaming: { mode: 'prioritize_accuracy', language_code: 'en' } } } },
      automatic_leave: { waiting_room_timeout: 600, noone_joined_timeout: 900 },
      metadata: req.metadata,
    };
    if (req.joinAt) body.join_at = req.joinAt.toISOString();
    if (req.announcement) body.chat = { on_bot_join: { send_to: 'everyone', message: req.announcement } };
    return toBot(await this.request<RecallBotJson>('POST', '/api/v1/bot/', 'bot.create', { body, idempotencyKey }));
  }

  async getBot(id: string): Promise<ProviderBot> {
    return toBot(await this.request<RecallBotJson>('GET', `/api/v1/bot/${encodeURIComponent(id)}/`, 'bot.retrieve', { retries: 1 }));
  }

  async rescheduleBot(id: string, change: { joinAt: Date | null; meetingUrl: string }, idempotencyKey: string): Promise<ProviderBot> {
    const body = { meeting_url: change.meetingUrl, ...(change.joinAt ? { join_at: change.joinAt.toISOString() } : {}) };
    return toBot(await this.request<RecallBotJson>('PATCH', `/api/v1/bot/${encodeURIComponent(id)}/`, 'bot.update', { body, idempotencyKey }));
  }

  async deleteBot(id: string): Promise<'deleted' | 'dispatched' | 'not_found'> {
    try {
      await this.request('DELETE', `/api/v1/bot/${encodeURIComponent(id)}/`, 'bot.delete', { retries: 1 });
      return 'deleted';
    } catch (err) {
      if (err instanceof ProviderError && (err.details.status === 405 || err.details.code === 'cannot_delete_bot')) return 'dispatched';
      if (err instanceof ProviderError && err.details.status === 404) return 'not_found';
      throw err;
    }
  }

  async leaveCall(id: string): Promise<void> {
    try {
      await this.request('POST', `/api/v1/bot/${encodeURIComponent(id)}/leave_call/`, 'bot.leave_call', { retries: 1 });
    } catch (err) {
      // Already left, or never started: the bot is out of the call either way.
      if (err instanceof ProviderError && (err.details.code === 'cannot_command_completed_bot' || err.details.code === 'cannot_command_unstarted_bot')) return;
      throw err;
    }
  }

  async downloadTranscript(bot: ProviderBot): Promise<unknown[]> {
    const urls = bot.transcripts.map((t) => t.downloadUrl).filter((u): u is string => Boolean(u));
    if (urls.length === 0) {
      // v1.10 workspaces: the legacy transcript endpoint (plain-number timestamps).
      return this.request<unknown[]>('GET', `/api/v1/bot/${encodeURIComponent(bot.id)}/transcript/`, 'bot.transcript', { retries: 1 });
    }
    const out: unknown[] = [];
    for (const url of urls) {
      // Pre-signed URL: no auth header (and it may live on another host).
      const part = await this.resilience.call(
        'recall',
        async (signal) => {
          const res = await fetch(url, { signal });
          if (!res.ok) throw classify(res.status, await res.text().catch(() => ''), res.headers.get('retry-after'));
          return (await res.json()) as unknown;
        },
        { operation: 'transcript.download', retries: 1 },
      );
      if (!Array.isArray(part)) throw new ProviderError('recall', 'permanent', 'Recall transcript download is not an array');
      out.push(...part);
    }
    return out;
  }

  private async request<T>(method: string, path: string, operation: string, opts: { body?: unknown; idempotencyKey?: string; retries?: number } = {}): Promise<T> {
    const url = `${this.config.recall.baseUrl}${path}`;
    return this.resilience.call(
      'recall',
      async (signal) => {
        const headers: Record<string, string> = { authorization: `Token ${this.config.recall.apiKey}`, accept: 'application/json' };
        if (opts.body !== undefined) headers['content-type'] = 'application/json';
        if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
        const res = await fetch(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal });
        if (res.status === 204) return undefined as T;
        const text = await res.text();
        if (!res.ok) throw classify(res.status, text, res.headers.get('retry-after'));
        try {
          return (text ? JSON.parse(text) : undefined) as T;
        } catch {
          throw new ProviderError('recall', 'retryable', `Recall answered ${res.status} with a body that is not JSON`, { status: res.status });
        }
      },
      { operation, retries: opts.retries ?? (opts.idempotencyKey ? 1 : 0) },
    );
  }
}

/** Recall's "retry later" differs by status (§2.7): classify by status and body code. */
function classify(status: number, text: string, retryAfter: string | null): ProviderError {
  let body: { code?: string; detail?: string } & Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    /* HTML (WAF 403) or empty */
  }
  const code = typeof body.code === 'string' ? body.code : undefined;
  const detail = typeof body.detail === 'string' ? body.detail : Object.entries(body).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' ') : String(v)}`).join('; ');
  const message = `Recall answered ${status}${code ? ` ${code}` : ''}${detail ? `: ${detail.slice(0, 300)}` : ''}`;
  const retryAfterMs = parseRetryAfter(retryAfter);
  if (status === 429) return new ProviderError('recall', 'rate_limited', message, { status, code, retryAfterMs: retryAfterMs ?? 1000 });
  if (status === 409) return new ProviderError('recall', 'rate_limited', message, { status, code: code ?? 'idempotency_key_in_use', retryAfterMs: 2000 });
  if (status === 507) return new ProviderError('recall', 'retryable', message, { status, code: code ?? 'insufficient_capacity', retryAfterMs: retryAfterMs ?? 30_000 });
  if (status >= 500) return new ProviderError('recall', 'retryable', message, { status, code, retryAfterMs });
  if (status === 401 || status === 402) return new ProviderError('recall', 'auth_expired', message, { status, code });
  return new ProviderError('recall', 'permanent', message, { status, code });
}

function toBot(json: RecallBotJson): ProviderBot {
  const statusChanges: BotStatusChange[] = (json.status_changes ?? []).map((s) => ({ code: s.code, subCode: s.sub_code ?? null, message: s.message ?? null, at: new Date(s.created_at) }));
  return {
    id: json.id,
    joinAt: json.join_at ?? null,
    statusChanges,
    transcripts: (json.recordings ?? [])
      .filter((r) => r.media_shortcuts?.transcript)
      .map((r) => ({ recordingId: r.id, status: r.media_shortcuts!.transcript!.status?.code ?? null, downloadUrl: r.media_shortcuts!.transcript!.data?.download_url ?? null })),
  };
}
