import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { AdminError } from '../core/admin-error';
import type { SandboxContext } from '../core/context';
import { bearer } from '../core/http';
import { handleTranscription, transcriptionUpload } from './audio-transcription';
import { completeChat, isMode, OPENAI_MODES, validateChatRequest, type ChatRequestBody, type OpenAiMode } from './chat-completion';
import { approxTokens } from './meeting-analysis';
import { invalidRequest, openAiError, openAiFaultShape, requestId, SERVER_ERROR_MESSAGE, sendError } from './openai.errors';
import { CHAT_MODELS, findModel, MODELS, resolvedModelName, TRANSCRIPTION_MODELS } from './openai.models';

/**
 * OpenAI emulator, mounted at /openai (so the SDK's baseURL is `<sandbox>/openai/v1`):
 *   POST /v1/chat/completions, POST /v1/audio/transcriptions, GET /v1/models, GET /v1/models/:id.
 * Admin (mounted at /__admin/openai): GET|PUT /mode, GET|PUT /limits, POST /reset.
 */
export interface OpenAiLimits {
  requestsPerMinute: number;
  tokensPerMinute: number;
  /** When true every call answers 429 insufficient_quota (billing), which clients must not retry. */
  quotaExhausted: boolean;
}

interface OpenAiState {
  mode: OpenAiMode;
  limits: OpenAiLimits;
  window: { startMs: number; requests: number; tokens: number };
  chatRequests: number;
  transcriptions: number;
}

const DEFAULT_LIMITS: OpenAiLimits = { requestsPerMinute: 10_000, tokensPerMinute: 10_000_000, quotaExhausted: false };
const states = new WeakMap<SandboxContext, OpenAiState>();

function stateOf(ctx: SandboxContext): OpenAiState {
  let s = states.get(ctx);
  if (!s) {
    s = { mode: 'normal', limits: { ...DEFAULT_LIMITS }, window: { startMs: ctx.clock.nowMs(), requests: 0, tokens: 0 }, chatRequests: 0, transcriptions: 0 };
    states.set(ctx, s);
    const state = s;
    ctx.inspector.registerSnapshot('openai', () => ({ mode: state.mode, limits: state.limits, chatRequests: state.chatRequests, transcriptions: state.transcriptions }));
  }
  return s;
}

function formatReset(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const s = ms / 1000;
  if (s < 60) return `${Number(s.toFixed(3))}s`;
  return `${Math.floor(s / 60)}m${Math.round(s % 60)}s`;
}

/** The mode for one request: header, then body `sandbox_mode`, then `metadata.sandbox_mode`, then the global one. */
function modeFor(req: Request, state: OpenAiState): OpenAiMode | { invalid: string } {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const metadata = (body.metadata ?? {}) as Record<string, unknown>;
  const requested = req.header('x-sandbox-mode') ?? body.sandbox_mode ?? metadata.sandbox_mode;
  if (requested === undefined || requested === '') return state.mode;
  return isMode(requested) ? requested : { invalid: String(requested) };
}

export function createOpenAiRouter(ctx: SandboxContext): Router {
  const state = stateOf(ctx);
  ctx.faults.registerShape('openai', openAiFaultShape);
  const router = Router();

  // Every response carries a request id and the processing headers OpenAI sends.
  router.use((req: Request, res: Response, next: NextFunction) => {
    const id = requestId();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    res.setHeader('openai-version', '2020-10-01');
    res.setHeader('openai-organization', 'org-sandbox');
    const started = Date.now();
    const writeHead = res.writeHead.bind(res);
    res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
      if (!res.headersSent) res.setHeader('openai-processing-ms', String(Date.now() - started));
      return writeHead(...args);
    }) as typeof res.writeHead;
    next();
  });

  // Auth: Authorization: Bearer <key>, keys from OPENAI_API_KEY.
  router.use('/v1', (req: Request, res: Response, next: NextFunction) => {
    const key = bearer(req);
    if (!key) {
      return sendError(
        res,
        401,
        invalidRequest(
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
        ),
      );
    }
    if (!ctx.config.openaiApiKeys.includes(key)) {
      const masked = key.length > 8 ? `${key.slice(0, 6)}${'*'.repeat(Math.min(20, key.length - 10))}${key.slice(-4)}` : '****';
      return sendError(res, 401, invalidRequest(`Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`, null, 'invalid_api_key'));
    }
    next();
  });

  /** Rate-limit headers from the configured budget; 429 when it is spent. Returns false when it answered. */
  const admit = (res: Response, model: string, tokens: number): boolean => {
    const now = ctx.clock.nowMs();
    if (now - state.window.startMs >= 60_000) state.window = { startMs: now, requests: 0, tokens: 0 };
    const { limits, window } = state;
    const resetMs = 60_000 - (now - window.startMs);
    const headers = (remainingRequests: number, remainingTokens: number) => ({
      'x-ratelimit-limit-requests': String(limits.requestsPerMinute),
      'x-ratelimit-limit-tokens': String(limits.tokensPerMinute),
      'x-ratelimit-remaining-requests': String(Math.max(0, remainingRequests)),
      'x-ratelimit-remaining-tokens': String(Math.max(0, remainingTokens)),
      'x-ratelimit-reset-requests': formatReset(remainingRequests > 0 ? 60_000 / limits.requestsPerMinute : resetMs),
      'x-ratelimit-reset-tokens': formatReset(remainingTokens > 0 ? (tokens / limits.tokensPerMinute) * 60_000 : resetMs),
    });
    if (limits.quotaExhausted) {
      sendError(
        res,
        429,
        openAiError(
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
          'insufficient_quota',
          null,
          'insufficient_quota',
        ),
      );
      return false;
    }
    const overRequests = window.requests + 1 > limits.requestsPerMinute;
    const overTokens = window.tokens + tokens > limits.tokensPerMinute;
    if (overRequests || overTokens) {
      const seconds = Math.max(0.001, resetMs / 1000);
      const what = overRequests ? 'requests' : 'tokens';
      const limit = overRequests ? limits.requestsPerMinute : limits.tokensPerMinute;
      const used = overRequests ? window.requests : window.tokens;
      sendError(
        res,
        429,
        openAiError(
          `Rate limit reached for ${model} in organization org-sandbox on ${what} per min (${overRequests ? 'RPM' : 'TPM'}): Limit ${limit}, Used ${used}, Requested ${overRequests ? 1 : tokens}. Please try again in ${Number(seconds.toFixed(3))}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
          what,
          null,
          'rate_limit_exceeded',
        ),
        { ...headers(limits.requestsPerMinute - window.requests, limits.tokensPerMinute - window.tokens), 'retry-after': String(Math.ceil(seconds)), 'retry-after-ms': String(Math.ceil(resetMs)) },
      );
      return false;
    }
    window.requests += 1;
    window.tokens += tokens;
    for (const [k, v] of Object.entries(headers(limits.requestsPerMinute - window.requests, limits.tokensPerMinute - window.tokens))) res.setHeader(k, v);
    return true;
  };

  router.get('/v1/models', (_req, res) => {
    res.json({ object: 'list', data: MODELS });
  });

  router.get('/v1/models/:id', (req, res) => {
    const model = findModel(String(req.params.id));
    if (!model) return sendError(res, 404, invalidRequest(`The model '${String(req.params.id)}' does not exist`, 'model', 'model_not_found'));
    res.json(model);
  });

  router.post('/v1/chat/completions', express.json({ limit: '20mb' }), (req: Request, res: Response) => {
    const body = req.body as ChatRequestBody | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return sendError(res, 400, invalidRequest('We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.'));
    }
    ctx.inspector.record('openai', 'chat_request', { ...body });
    state.chatRequests += 1;
    if (body.model === undefined || body.model === null || body.model === '') return sendError(res, 400, invalidRequest('you must provide a model parameter', null, null));
    const model = String(body.model);
    if (TRANSCRIPTION_MODELS.includes(model)) {
      return sendError(res, 404, invalidRequest('This is not a chat model and thus not supported in the v1/chat/completions endpoint. Did you mean to use v1/completions?', 'model', null));
    }
    if (!findModel(model) || !CHAT_MODELS.some((m) => model === m || model.startsWith(`${m}-`))) {
      return sendError(res, 404, invalidRequest(`The model \`${model}\` does not exist or you do not have access to it.`, null, 'model_not_found'));
    }
    const invalid = validateChatRequest(body);
    if (invalid) return sendError(res, 400, invalid);
    const mode = modeFor(req, state);
    if (typeof mode !== 'string') {
      return sendError(res, 400, invalidRequest(`Invalid sandbox mode '${mode.invalid}'. Supported: ${OPENAI_MODES.join(', ')}.`, 'sandbox_mode', 'invalid_value'));
    }
    const promptEstimate = approxTokens(JSON.stringify(body.messages));
    if (!admit(res, model, promptEstimate)) return;
    if (promptEstimate > 128_000) {
      return sendError(
        res,
        400,
        invalidRequest(`This model's maximum context length is 128000 tokens. However, your messages resulted in ${promptEstimate} tokens. Please reduce the length of the messages.`, 'messages', 'context_length_exceeded'),
      );
    }

    let outcome;
    try {
      outcome = completeChat(body, mode, ctx.clock.now());
    } catch (e) {
      console.error('[sandbox/openai] generator failed', e);
      return sendError(res, 500, openAiError(SERVER_ERROR_MESSAGE, 'server_error'));
    }
    const n = typeof body.n === 'number' ? body.n : 1;
    const id = `chatcmpl-${res.locals.requestId.slice(4, 33)}`;
    const created = Math.floor(ctx.clock.nowMs() / 1000);
    const resolvedModel = resolvedModelName(model);
    const usage = {
      prompt_tokens: outcome.promptTokens,
      completion_tokens: outcome.completionTokens * n,
      total_tokens: outcome.promptTokens + outcome.completionTokens * n,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
    ctx.inspector.record('openai', 'chat_response', {
      id,
      mode,
      model: resolvedModel,
      finish_reason: outcome.finishReason,
      content: outcome.content,
      refusal: outcome.refusal,
      usage,
      obeyed: mode === 'worst-case' ? outcome.obedience.instructions : [],
    });

    if (body.stream === true) {
      const includeUsage = (body.stream_options as Record<string, unknown> | undefined)?.include_usage === true;
      res.status(200);
      res.setHeader('content-type', 'text/event-stream; charset=utf-8');
      res.setHeader('cache-control', 'no-cache');
      const send = (payload: unknown) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
      const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({ id, object: 'chat.completion.chunk', created, model: resolvedModel, system_fingerprint: 'fp_sandbox', choices, ...extra });
      for (let i = 0; i < n; i++) send(chunk([{ index: i, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }]));
      const text = outcome.content ?? '';
      for (let pos = 0; pos < text.length; pos += 48) {
        for (let i = 0; i < n; i++) send(chunk([{ index: i, delta: { content: text.slice(pos, pos + 48) }, logprobs: null, finish_reason: null }]));
      }
      if (outcome.refusal) for (let i = 0; i < n; i++) send(chunk([{ index: i, delta: { refusal: outcome.refusal }, logprobs: null, finish_reason: null }]));
      for (let i = 0; i < n; i++) send(chunk([{ index: i, delta: {}, logprobs: null, finish_reason: outcome.finishReason }]));
      if (includeUsage) send(chunk([], { usage }));
      res.write('data: [DONE]\n\n');
      res.end();
      return;
    }

    res.json({
      id,
      object: 'chat.completion',
      created,
      model: resolvedModel,
      choices: Array.from({ length: n }, (_, index) => ({
        index,
        message: { role: 'assistant', content: outcome.content, refusal: outcome.refusal, annotations: [] },
        logprobs: null,
        finish_reason: outcome.finishReason,
      })),
      usage,
      service_tier: 'default',
      system_fingerprint: 'fp_sandbox',
    });
  });

  router.post('/v1/audio/transcriptions', transcriptionUpload, (req: Request, res: Response) => {
    const model = typeof req.body?.model === 'string' ? req.body.model : '';
    if (!admit(res, model || 'whisper-1', 0)) return;
    state.transcriptions += 1;
    handleTranscription(ctx, req, res);
  });

  // Unknown routes and errors in OpenAI's shape.
  router.use((req: Request, res: Response) => {
    sendError(res, 404, invalidRequest(`Invalid URL (${req.method} ${req.originalUrl.replace(/^\/openai/, '')})`, null, null));
  });
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number; code?: string; message?: string };
    if (e?.type === 'entity.parse.failed') {
      return sendError(
        res,
        400,
        invalidRequest(
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
        ),
      );
    }
    if (e?.type === 'entity.too.large') return sendError(res, 413, invalidRequest('Request body too large.', null, 'request_too_large'));
    if (e?.code === 'LIMIT_FILE_SIZE') {
      return sendError(res, 413, invalidRequest('Maximum content size limit (26214400) exceeded.', 'file', 'file_too_large'));
    }
    if (e?.status && e.status < 500) return sendError(res, e.status, invalidRequest(e.message ?? 'Invalid request.'));
    console.error('[sandbox/openai] unhandled error', err);
    sendError(res, 500, openAiError(SERVER_ERROR_MESSAGE, 'server_error'));
  });
  return router;
}

/** Admin endpoints, mounted by app.ts at /__admin/openai (JSON body already parsed). */
export function createOpenAiAdminRouter(ctx: SandboxContext): Router {
  const state = stateOf(ctx);
  const router = Router();
  router.use(express.json());
  router.get('/mode', (_req, res) => res.json({ mode: state.mode, modes: OPENAI_MODES }));
  router.put('/mode', (req, res) => {
    const mode = (req.body as Record<string, unknown> | undefined)?.mode;
    if (!isMode(mode)) throw new AdminError(`mode must be one of ${OPENAI_MODES.join(', ')}`);
    state.mode = mode;
    res.json({ mode: state.mode });
  });
  router.get('/limits', (_req, res) => res.json(state.limits));
  router.put('/limits', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const next = { ...state.limits };
    for (const key of ['requestsPerMinute', 'tokensPerMinute'] as const) {
      if (b[key] === undefined) continue;
      const v = b[key];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new AdminError(`${key} must be an integer >= 1`);
      next[key] = v;
    }
    if (b.quotaExhausted !== undefined) {
      if (typeof b.quotaExhausted !== 'boolean') throw new AdminError('quotaExhausted must be a boolean');
      next.quotaExhausted = b.quotaExhausted;
    }
    state.limits = next;
    state.window = { startMs: ctx.clock.nowMs(), requests: 0, tokens: 0 };
    res.json(state.limits);
  });
  router.get('/requests', (_req, res) => res.json(ctx.inspector.list({ provider: 'openai' }).filter((r) => r.kind !== 'http')));
  router.post('/reset', (_req, res) => {
    state.mode = 'normal';
    state.limits = { ...DEFAULT_LIMITS };
    state.window = { startMs: ctx.clock.nowMs(), requests: 0, tokens: 0 };
    res.json({ mode: state.mode, limits: state.limits });
  });
  return router;
}
