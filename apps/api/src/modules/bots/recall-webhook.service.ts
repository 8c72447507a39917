import { Inject, Injectable, Logger } from '@nestjs/common';
import { Webhook } from 'svix';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { BotsRepository } from './bots.repository';
import { BotsErrors } from './bots.errors';
import { BotsService } from './bots.service';
import { BotStatusChange } from './providers/notetaker.port';

interface ParsedEvent {
  event: string;
  botExternalId: string | null;
  change: BotStatusChange | null;
  transcriptReady: boolean;
}

/** POST /api/recall/webhook: Svix-verified, deduplicated by webhook id, v1.11 and v1.10 payloads. */
@Injectable()
export class RecallWebhookService {
  private readonly logger = new Logger(RecallWebhookService.name);
  private readonly verifier: Webhook;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: BotsRepository,
    private readonly bots: BotsService,
  ) {
    this.verifier = new Webhook(config.recall.webhookSecret);
  }

  async handle(rawBody: Buffer | undefined, headers: Record<string, string | string[] | undefined>): Promise<{ received: true; duplicate: boolean; known: boolean }> {
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') flat[k.toLowerCase()] = v;
    const webhookId = flat['webhook-id'] ?? flat['svix-id'];
    if (!rawBody || !webhookId) throw BotsErrors.badSignature();
    let payload: unknown;
    try {
      // Constant-time HMAC over the raw body, timestamp within 5 minutes; webhook-* and svix-* headers.
      payload = this.verifier.verify(rawBody.toString('utf8'), flat);
    } catch {
      throw BotsErrors.badSignature();
    }
    const parsed = parse(payload);
    const bot = parsed.botExternalId ? await this.repo.getByExternalId(parsed.botExternalId) : null;
    const result = await this.repo.transaction(async (tx) => {
      const fresh = await this.repo.addReceipt(tx, { webhookId, event: parsed.event, botExternalId: parsed.botExternalId });
      if (!fresh || !bot || !parsed.change) return { fresh, outcome: null };
      return { fresh, outcome: await this.bots.recordStatuses(tx, bot.id, [parsed.change], 'webhook') };
    });
    if (!result.fresh) return { received: true, duplicate: true, known: Boolean(bot) };
    if (bot) {
      const current = result.outcome?.bot ?? bot;
      await this.bots.afterStatuses(current, result.outcome?.added ?? [], parsed.transcriptReady).catch((err) => this.logger.warn({ err: String(err), bot: bot.id }, 'after-status work failed; polling will catch up'));
    }
    return { received: true, duplicate: false, known: Boolean(bot) };
  }
}

function parse(payload: unknown): ParsedEvent {
  const p = (payload ?? {}) as { event?: string; data?: Record<string, unknown> };
  const event = typeof p.event === 'string' ? p.event : 'unknown';
  const data = (p.data ?? {}) as Record<string, unknown>;
  if (event === 'bot.status_change') {
    // v1.10: { bot_id, status: { code, sub_code, message, created_at } }
    const s = (data.status ?? {}) as Record<string, unknown>;
    const at = typeof s.created_at === 'string' ? new Date(s.created_at) : new Date();
    return {
      event,
      botExternalId: typeof data.bot_id === 'string' ? data.bot_id : null,
      change: typeof s.code === 'string' ? { code: s.code, subCode: (s.sub_code as string | null) ?? null, message: (s.message as string | null) ?? null, at } : null,
      transcriptReady: false,
    };
  }
  const bot = (data.bot ?? {}) as { id?: unknown };
  const inner = (data.data ?? {}) as { code?: unknown; sub_code?: unknown; updated_at?: unknown };
  const botExternalId = typeof bot.id === 'string' ? bot.id : null;
  if (event.startsWith('bot.') && typeof inner.code === 'string') {
    const at = typeof inner.updated_at === 'string' ? new Date(inner.updated_at) : new Date();
    return { event, botExternalId, change: { code: inner.code, subCode: (inner.sub_code as string | null) ?? null, message: null, at }, transcriptReady: false };
  }
  return { event, botExternalId, change: null, transcriptReady: event === 'transcript.done' };
}
