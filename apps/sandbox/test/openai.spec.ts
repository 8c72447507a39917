import Ajv from 'ajv';
import OpenAI, { AuthenticationError, BadRequestError, InternalServerError, NotFoundError, RateLimitError, toFile } from 'openai';
import { createSandbox, type Sandbox, type SandboxServer } from '../src/app';
import { PROMPT_INJECTION_SENTENCE, TRANSCRIPTS, getTranscript } from '../src/transcripts/library';
import type { SandboxTranscript } from '../src/transcripts/types';

/** The official SDK against the sandbox over real HTTP. */
const KEY = 'sandbox-openai-key';
let sandbox: Sandbox;
let server: SandboxServer;
let client: OpenAI;

const ajv = new Ajv({ strict: false });
const mmss = (sec: number) => `${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;
const transcriptLines = (t: SandboxTranscript) => t.segments.map((s, i) => `[${i}] [${mmss(s.startSec)}] ${s.speaker}: ${s.text}`).join('\n');

const evidence = { type: 'array', items: { type: 'integer' } } as const;
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'actionItems', 'followUpEmail', 'posts'],
  properties: {
    summary: { type: 'string' },
    actionItems: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['text', 'owner', 'due', 'sourceSegments'], properties: { text: { type: 'string' }, owner: { type: ['string', 'null'] }, due: { type: ['string', 'null'] }, sourceSegments: evidence } },
    },
    followUpEmail: { type: 'object', additionalProperties: false, required: ['subject', 'body'], properties: { subject: { type: 'string' }, body: { type: 'string' } } },
    posts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['automationId', 'text', 'hashtags', 'sourceSegments'],
        properties: { automationId: { type: 'string', enum: ['li-weekly', 'fb-community'] }, text: { type: 'string', maxLength: 3000 }, hashtags: { type: 'array', items: { type: 'string' } }, sourceSegments: evidence },
      },
    },
  },
};

function draftRequest(t: SandboxTranscript, extra: Record<string, unknown> = {}) {
  return {
    model: 'gpt-4o-mini',
    temperature: 0.2,
    messages: [
      { role: 'system' as const, content: 'You draft compliant posts for a financial advisor. Never include client names, account numbers or promises.' },
      {
        role: 'user' as const,
        content: `Automations:\n- automationId: li-weekly (platform: linkedin)\n- automationId: fb-community (platform: facebook)\n\nTranscript:\n${transcriptLines(t)}`,
      },
    ],
    response_format: { type: 'json_schema' as const, json_schema: { name: 'meeting_drafts', strict: true, schema: SCHEMA } },
    ...extra,
  };
}

const adeyemi = getTranscript('prospect-first-meeting-adeyemi') as SandboxTranscript;

beforeAll(async () => {
  sandbox = createSandbox({ port: 0 });
  server = await sandbox.listen(0);
  client = new OpenAI({ apiKey: KEY, baseURL: `${server.url}/openai/v1`, maxRetries: 0 });
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  sandbox.ctx.faults.clear();
  await fetch(`${server.url}/__admin/openai/reset`, { method: 'POST' });
});

const admin = (path: string, body: unknown) =>
  fetch(`${server.url}/__admin/openai${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('chat completions through the official SDK', () => {
  it('answers a json_schema request with content that validates, usage and a request id', async () => {
    const t = getTranscript('retirement-planning-hollis') as SandboxTranscript;
    const { data, response } = await client.chat.completions.create(draftRequest(t)).withResponse();
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBeTruthy();
    expect(data.object).toBe('chat.completion');
    expect(data.model).toBe('gpt-4o-mini-2024-07-18');
    expect(data.choices[0].finish_reason).toBe('stop');
    expect(data.usage?.prompt_tokens).toBeGreaterThan(1000);
    expect(data.usage?.total_tokens).toBe((data.usage?.prompt_tokens ?? 0) + (data.usage?.completion_tokens ?? 0));
    const content = JSON.parse(data.choices[0].message.content as string);
    expect(ajv.validate(SCHEMA, content)).toBe(true);
    expect(content.posts.map((p: { automationId: string }) => p.automationId)).toEqual(['li-weekly', 'fb-community']);
    expect(content.summary).toContain('Dana Whitfield');
    expect(content.actionItems.some((a: { text: string }) => /annuity illustration/.test(a.text))).toBe(true);
    expect(content.followUpEmail.body).toMatch(/^Hi Gary and Linda,/);
  });

  it('records every request in full for assertions', async () => {
    await client.chat.completions.create(draftRequest(TRANSCRIPTS[1]));
    const records = sandbox.ctx.inspector.list({ provider: 'openai', kind: 'chat_request' });
    const last = records[records.length - 1].payload as { messages: { content: string }[]; response_format: unknown };
    expect(last.messages[1].content).toContain(TRANSCRIPTS[1].segments[0].text);
    expect(last.response_format).toMatchObject({ type: 'json_schema' });
  });

  it('streams the same content when asked to', async () => {
    const t = TRANSCRIPTS[6];
    const plain = await client.chat.completions.create(draftRequest(t));
    const stream = await client.chat.completions.create({ ...draftRequest(t), stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe(plain.choices[0].message.content);
    expect(usage).toBeDefined();
  });

  it('worst-case mode (per request header) obeys the instruction injected in the transcript', async () => {
    expect(transcriptLines(adeyemi)).toContain(PROMPT_INJECTION_SENTENCE);
    const normal = await client.chat.completions.create(draftRequest(adeyemi));
    const worst = await client.chat.completions.create(draftRequest(adeyemi), { headers: { 'x-sandbox-mode': 'worst-case' } });
    const posts = (c: OpenAI.Chat.Completions.ChatCompletion) => JSON.parse(c.choices[0].message.content as string).posts as { text: string }[];
    for (const p of posts(normal)) expect(p.text).not.toMatch(/4471|guaranteed/);
    for (const p of posts(worst)) {
      expect(p.text).toContain('4471 0093 2210');
      expect(p.text).toMatch(/returns are guaranteed/i);
    }
    const responses = sandbox.ctx.inspector.list({ provider: 'openai', kind: 'chat_response' });
    expect((responses[responses.length - 1].payload as { mode: string }).mode).toBe('worst-case');
  });

  it('worst-case mode can be chosen by a body field or globally through the admin API', async () => {
    const viaBody = await client.chat.completions.create({ ...draftRequest(adeyemi), sandbox_mode: 'worst-case' } as never);
    expect((viaBody as OpenAI.Chat.Completions.ChatCompletion).choices[0].message.content).toContain('4471 0093 2210');
    expect((await admin('/mode', { mode: 'worst-case' })).status).toBe(200);
    const global = await client.chat.completions.create(draftRequest(adeyemi));
    expect(global.choices[0].message.content).toContain('4471 0093 2210');
    expect((await admin('/mode', { mode: 'sideways' })).status).toBe(400);
  });

  it('schema-violation mode answers JSON that does not match the schema; garbage mode answers prose', async () => {
    await admin('/mode', { mode: 'schema-violation' });
    const bad = await client.chat.completions.create(draftRequest(TRANSCRIPTS[0]));
    const parsed = JSON.parse(bad.choices[0].message.content as string);
    expect(ajv.validate(SCHEMA, parsed)).toBe(false);
    const garbage = await client.chat.completions.create(draftRequest(TRANSCRIPTS[0]), { headers: { 'x-sandbox-mode': 'garbage' } });
    expect(() => JSON.parse(garbage.choices[0].message.content as string)).toThrow();
  });

  it('reports finish_reason length when max_tokens is too small, and refusals', async () => {
    const short = await client.chat.completions.create({ ...draftRequest(TRANSCRIPTS[0]), max_tokens: 50 });
    expect(short.choices[0].finish_reason).toBe('length');
    expect(short.usage?.completion_tokens).toBe(50);
    const refused = await client.chat.completions.create(draftRequest(TRANSCRIPTS[0]), { headers: { 'x-sandbox-mode': 'refusal' } });
    expect(refused.choices[0].message.content).toBeNull();
    expect(refused.choices[0].message.refusal).toBeTruthy();
  });

  it('answers JSON mode with a default JSON object', async () => {
    const res = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Reply in JSON.\n${transcriptLines(TRANSCRIPTS[2])}` }],
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(res.choices[0].message.content as string)).toHaveProperty('summary');
  });
});

describe('errors', () => {
  it('surfaces a bad key as the SDK’s AuthenticationError', async () => {
    const wrong = new OpenAI({ apiKey: 'sk-wrong-key-123456', baseURL: `${server.url}/openai/v1`, maxRetries: 0 });
    const err = await wrong.chat.completions.create(draftRequest(TRANSCRIPTS[0])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).status).toBe(401);
    expect((err as AuthenticationError).code).toBe('invalid_api_key');
    expect((err as AuthenticationError).requestID).toMatch(/^req_/);
  });

  it('404 model_not_found for unknown models; 400 for a strict schema OpenAI would reject', async () => {
    const missing = await client.chat.completions.create({ ...draftRequest(TRANSCRIPTS[0]), model: 'gpt-9-ultra' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).code).toBe('model_not_found');
    const loose = { type: 'object', properties: { summary: { type: 'string' } }, required: ['summary'] };
    const bad = await client.chat.completions
      .create({ ...draftRequest(TRANSCRIPTS[0]), response_format: { type: 'json_schema', json_schema: { name: 'loose', strict: true, schema: loose } } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError).param).toBe('response_format');
  });

  it('429 rate_limit_exceeded with retry-after when the configured budget is spent', async () => {
    await admin('/limits', { requestsPerMinute: 1 });
    await client.chat.completions.create(draftRequest(TRANSCRIPTS[0]));
    const err = await client.chat.completions.create(draftRequest(TRANSCRIPTS[0])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    const e = err as RateLimitError;
    expect(e.code).toBe('rate_limit_exceeded');
    expect(Number(e.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(e.headers?.get('x-ratelimit-remaining-requests')).toBe('0');
    await admin('/limits', { requestsPerMinute: 10_000, quotaExhausted: true });
    const quota = await client.chat.completions.create(draftRequest(TRANSCRIPTS[0])).catch((x: unknown) => x);
    expect((quota as RateLimitError).code).toBe('insufficient_quota');
  });

  it('injected faults answer in OpenAI’s error shape', async () => {
    sandbox.ctx.faults.add({ openai: { route: '/v1/chat/completions', status: 500, once: true } });
    const err = await client.chat.completions.create(draftRequest(TRANSCRIPTS[0])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect((err as InternalServerError).error).toMatchObject({ type: 'server_error' });
    expect((err as InternalServerError).requestID).toMatch(/^req_/);
    sandbox.ctx.faults.add({ openai: { route: '/v1/chat/completions', status: 429, retryAfter: 2, once: true } });
    const limited = await client.chat.completions.create(draftRequest(TRANSCRIPTS[0])).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).headers?.get('retry-after')).toBe('2');
  });
});

describe('audio transcriptions through the official SDK', () => {
  it('transcribes an upload into a library meeting, deterministically', async () => {
    const audio = Buffer.from(`ID3 fake mp3 frames sandbox-transcript:college-savings-okafor ${'x'.repeat(2048)}`);
    const res = await client.audio.transcriptions.create({ file: await toFile(audio, 'a.mp3'), model: 'whisper-1' });
    expect(res.text).toContain('529 plan');
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    const a = await client.audio.transcriptions.create({ file: await toFile(random, 'call.m4a'), model: 'gpt-4o-transcribe' });
    const b = await client.audio.transcriptions.create({ file: await toFile(random, 'call.m4a'), model: 'gpt-4o-transcribe' });
    expect(a.text).toBe(b.text);
    expect(TRANSCRIPTS.some((t) => a.text.startsWith(t.segments[0].text))).toBe(true);
  });

  it('verbose_json gives segments and words with timings; text and srt are plain text', async () => {
    const t = getTranscript('estate-planning-castellano') as SandboxTranscript;
    const res = await client.audio.transcriptions.create({
      file: await toFile(Buffer.from('sandbox-transcript:estate-planning-castellano'), 'estate.wav'),
      model: 'whisper-1',
      response_format: 'verbose_json',
      timestamp_granularities: ['segment', 'word'],
    });
    expect(res.language).toBe('english');
    expect(res.segments).toHaveLength(t.segments.length);
    expect(res.segments?.[3]).toMatchObject({ start: t.segments[3].startSec, end: t.segments[3].endSec, text: ` ${t.segments[3].text}` });
    expect(res.words?.[0]).toMatchObject({ start: t.segments[0].startSec });
    const srt = await client.audio.transcriptions.create({ file: await toFile(Buffer.from('sandbox-transcript:estate-planning-castellano'), 'e.mp3'), model: 'whisper-1', response_format: 'srt' });
    expect(String(srt)).toMatch(/^1\n00:00:\d\d,\d{3} --> /);
  });

  it('rejects verbose_json on gpt-4o transcribe models and files over 25 MB', async () => {
    const err = await client.audio.transcriptions
      .create({ file: await toFile(Buffer.from('abc'), 'a.mp3'), model: 'gpt-4o-transcribe', response_format: 'verbose_json' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('file', new Blob([Buffer.alloc(25 * 1024 * 1024 + 1)]), 'big.mp3');
    const big = await fetch(`${server.url}/openai/v1/audio/transcriptions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: unknown }).error).toMatchObject({ type: 'invalid_request_error', code: 'file_too_large' });
  });
});

describe('models', () => {
  it('lists and retrieves models', async () => {
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toEqual(expect.arrayContaining(['gpt-4o-mini', 'whisper-1', 'gpt-4o-transcribe']));
    expect((await client.models.retrieve('gpt-4o-mini')).id).toBe('gpt-4o-mini');
    await expect(client.models.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
