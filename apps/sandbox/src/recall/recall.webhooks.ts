import { createHmac } from 'node:crypto';
import type { SandboxContext } from '../core/context';
import { randomToken } from '../core/http';

export interface WebhookSettings {
  /** Drop the next N deliveries (true = all) without sending. */
  drop: boolean | number;
  /** Send every event twice with the same webhook-id. */
  duplicate: boolean;
  /** Simulated delay before the first attempt (scaled like every simulated duration). */
  delayMs: number;
  /** v1.10 payload (`bot.status_change`) instead of v1.11 `bot.<code>`. */
  legacyPayload: boolean;
  /** svix-id/-timestamp/-signature headers (legacy workspaces) instead of webhook-*. */
  svixHeaders: boolean;
  /** Deliver out of order: events are held in pairs and the later one goes first (a lone event waits 2 s, simulated). */
  reorder: boolean;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { drop: false, duplicate: false, delayMs: 0, legacyPayload: false, svixHeaders: false, reorder: false };

/** Retry schedule after a failed attempt (Svix): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — simulated time. */
export const RETRY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

/** Svix signature: base64(HMAC-SHA256(base64decode(secret minus whsec_), `${id}.${timestamp}.${body}`)). */
export function signWebhook(secret: string, id: string, timestampSec: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${timestampSec}.${body}`).digest('base64');
}

export interface Delivery {
  webhookId: string;
  event: string;
  botId: string;
  attempts: { at: string; status: number | null; error?: string }[];
  state: 'pending' | 'delivered' | 'failed' | 'dropped';
}

/** Posts signed events to RECALL_WEBHOOK_URL, retrying non-2xx on the sandbox clock. */
export class WebhookSender {
  settings: WebhookSettings = { ...DEFAULT_WEBHOOK_SETTINGS };
  deliveries: Delivery[] = [];
  private inflight = new Set<Promise<void>>();
  private held: (() => void)[] = [];
  private holdTimer?: { cancel(): void };

  constructor(private readonly ctx: SandboxContext) {}

  reset(): void {
    this.settings = { ...DEFAULT_WEBHOOK_SETTINGS };
    this.deliveries = [];
    this.held = [];
    this.holdTimer?.cancel();
  }

  /** Releases held deliveries, latest first. */
  private flushHeld(): void {
    this.holdTimer?.cancel();
    this.holdTimer = undefined;
    const batch = this.held.reverse();
    this.held = [];
    for (const go of batch) go();
  }

  /** Resolves once every attempt started so far has finished (tests). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  send(event: string, botId: string, payload: unknown): void {
    const url = this.ctx.config.recallWebhookUrl;
    if (!url) return;
    const d: Delivery = { webhookId: `msg_${randomToken(18)}`, event, botId, attempts: [], state: 'pending' };
    this.deliveries.push(d);
    if (this.settings.drop === true || (typeof this.settings.drop === 'number' && this.settings.drop > 0)) {
      if (typeof this.settings.drop === 'number') this.settings.drop--;
      d.state = 'dropped';
      this.ctx.inspector.record('recall', 'webhook_sent', { event, bot_id: botId, webhook_id: d.webhookId, status: null, dropped: true });
      return;
    }
    const body = JSON.stringify(payload);
    const copies = this.settings.duplicate ? 2 : 1;
    const start = () => {
      for (let i = 0; i < copies; i++) this.attempt(d, url, body, 0);
    };
    const go = () => (this.settings.delayMs > 0 ? this.ctx.clock.after(this.settings.delayMs, start) : start());
    if (!this.settings.reorder) return void go();
    this.held.push(go);
    if (this.held.length >= 2) this.flushHeld();
    else this.holdTimer = this.ctx.clock.after(2_000, () => this.flushHeld());
  }

  private attempt(d: Delivery, url: string, body: string, n: number): void {
    const ts = Math.floor(Date.now() / 1000);
    const sig = signWebhook(this.ctx.config.recallWebhookSecret, d.webhookId, ts, body);
    const prefix = this.settings.svixHeaders ? 'svix' : 'webhook';
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Svix-Webhooks/1.0 (sandbox)',
      [`${prefix}-id`]: d.webhookId,
      [`${prefix}-timestamp`]: String(ts),
      [`${prefix}-signature`]: sig,
    };
    const p = fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(15_000) })
      .then(async (r) => {
        await r.arrayBuffer().catch(() => undefined);
        return { status: r.status as number | null, error: undefined as string | undefined };
      })
      .catch((e: unknown) => ({ status: null as number | null, error: e instanceof Error ? e.message : String(e) }))
      .then(({ status, error }) => {
        d.attempts.push({ at: this.ctx.clock.now().toISOString(), status, ...(error ? { error } : {}) });
        const ok = status !== null && status >= 200 && status < 300;
        this.ctx.inspector.record('recall', 'webhook_sent', { event: d.event, bot_id: d.botId, webhook_id: d.webhookId, attempt: n + 1, status, ...(error ? { error } : {}) });
        if (ok) {
          d.state = 'delivered';
          return;
        }
        if (n < RETRY_SCHEDULE_MS.length) this.ctx.clock.after(RETRY_SCHEDULE_MS[n], () => this.attempt(d, url, body, n + 1));
        else d.state = 'failed';
      });
    const tracked = p.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }
}
