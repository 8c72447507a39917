import { Drafts } from './drafts';
import { findInstructions, type Obedience } from './instructions';
import { analyzeMeeting, approxTokens } from './meeting-analysis';
import { invalidRequest, type OpenAiErrorBody } from './openai.errors';
import { readPrompt, type ChatMessage } from './prompt-input';
import { SchemaGenerator, strictSchemaProblem, type JsonSchema } from './schema-generator';

/**
 * How the sandbox model behaves:
 * - `normal`: follows its guidance; content built from the transcript, valid against the schema.
 * - `worst-case`: obeys instructions found anywhere in its input (prompt injection succeeds).
 * - `schema-violation`: valid JSON that does not match the schema.
 * - `garbage`: prose that is not JSON at all.
 * - `truncated`: JSON cut off mid-way with finish_reason "length".
 * - `refusal`: content null, message.refusal set.
 */
export const OPENAI_MODES = ['normal', 'worst-case', 'schema-violation', 'garbage', 'truncated', 'refusal'] as const;
export type OpenAiMode = (typeof OPENAI_MODES)[number];

export function isMode(v: unknown): v is OpenAiMode {
  return typeof v === 'string' && (OPENAI_MODES as readonly string[]).includes(v);
}

export interface ChatRequestBody {
  model?: unknown;
  messages?: unknown;
  response_format?: unknown;
  max_tokens?: unknown;
  max_completion_tokens?: unknown;
  temperature?: unknown;
  n?: unknown;
  stream?: unknown;
  [key: string]: unknown;
}

export interface ChatOutcome {
  content: string | null;
  refusal: string | null;
  finishReason: 'stop' | 'length';
  promptTokens: number;
  completionTokens: number;
  obedience: Obedience;
}

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];
const REASONING_MODEL = /^(o\d|gpt-5)/;

/** Request validation the way the API does it; returns the 400 body, or undefined when fine. */
export function validateChatRequest(body: ChatRequestBody): OpenAiErrorBody | undefined {
  if (body.messages === undefined) return invalidRequest("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  if (!Array.isArray(body.messages)) return invalidRequest("Invalid type for 'messages': expected an array of objects, but got a " + typeof body.messages + ' instead.', 'messages', 'invalid_type');
  if (body.messages.length === 0) return invalidRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages', 'empty_array');
  for (let i = 0; i < body.messages.length; i++) {
    const m = body.messages[i] as Record<string, unknown> | null;
    if (!m || typeof m !== 'object') return invalidRequest(`Invalid type for 'messages[${i}]': expected an object.`, `messages[${i}]`, 'invalid_type');
    if (m.role === undefined) return invalidRequest(`Missing required parameter: 'messages[${i}].role'.`, `messages[${i}].role`, 'missing_required_parameter');
    if (!ROLES.includes(String(m.role)))
      return invalidRequest(`Invalid value: '${String(m.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, `messages[${i}].role`, 'invalid_value');
    if (m.role !== 'assistant' && m.content === undefined) return invalidRequest(`Missing required parameter: 'messages[${i}].content'.`, `messages[${i}].content`, 'missing_required_parameter');
    if (m.content !== undefined && m.content !== null && typeof m.content !== 'string' && !Array.isArray(m.content))
      return invalidRequest(`Invalid type for 'messages[${i}].content': expected one of a string or array of objects, but got an object instead.`, `messages[${i}].content`, 'invalid_type');
  }
  const model = String(body.model);
  if (REASONING_MODEL.test(model)) {
    if (body.temperature !== undefined && body.temperature !== null && body.temperature !== 1)
      return invalidRequest(`Unsupported value: 'temperature' does not support ${String(body.temperature)} with this model. Only the default (1) value is supported.`, 'temperature', 'unsupported_value');
    if (body.max_tokens !== undefined && body.max_tokens !== null)
      return invalidRequest("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max_tokens', 'unsupported_parameter');
  }
  if (body.temperature !== undefined && body.temperature !== null && (typeof body.temperature !== 'number' || body.temperature < 0 || body.temperature > 2))
    return invalidRequest(`Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got ${String(body.temperature)} instead.`, 'temperature', 'decimal_above_max_value');
  for (const key of ['max_tokens', 'max_completion_tokens'] as const) {
    const v = body[key];
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 1))
      return invalidRequest(`Invalid '${key}': integer below minimum value. Expected a value >= 1, but got ${String(v)} instead.`, key, 'integer_below_min_value');
  }
  if (body.n !== undefined && body.n !== null && (typeof body.n !== 'number' || !Number.isInteger(body.n) || body.n < 1 || body.n > 128))
    return invalidRequest(`Invalid 'n': expected an integer between 1 and 128, got ${String(body.n)}.`, 'n', 'invalid_value');
  return validateResponseFormat(body);
}

function validateResponseFormat(body: ChatRequestBody): OpenAiErrorBody | undefined {
  const rf = body.response_format as Record<string, unknown> | undefined | null;
  if (rf === undefined || rf === null) return undefined;
  if (typeof rf !== 'object') return invalidRequest("Invalid type for 'response_format': expected an object.", 'response_format', 'invalid_type');
  if (!['text', 'json_object', 'json_schema'].includes(String(rf.type)))
    return invalidRequest(`Invalid value: '${String(rf.type)}'. Supported values are: 'json_object', 'json_schema', and 'text'.`, 'response_format.type', 'invalid_value');
  if (rf.type === 'json_object') {
    const text = JSON.stringify(body.messages ?? []).toLowerCase();
    if (!text.includes('json')) return invalidRequest("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages', null);
  }
  if (rf.type === 'json_schema') {
    const js = rf.json_schema as Record<string, unknown> | undefined;
    if (!js || typeof js !== 'object') return invalidRequest("Missing required parameter: 'response_format.json_schema'.", 'response_format.json_schema', 'missing_required_parameter');
    if (typeof js.name !== 'string') return invalidRequest("Missing required parameter: 'response_format.json_schema.name'.", 'response_format.json_schema.name', 'missing_required_parameter');
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(js.name))
      return invalidRequest(`Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, 'response_format.json_schema.name', 'invalid_value');
    if (js.schema !== undefined && (typeof js.schema !== 'object' || js.schema === null || Array.isArray(js.schema)))
      return invalidRequest(`Invalid schema for response_format '${js.name}': schema must be a JSON Schema of 'type: "object"', got 'type: "${Array.isArray(js.schema) ? 'array' : typeof js.schema}"'.`, 'response_format', 'invalid_json_schema');
    if (js.strict === true) {
      const problem = strictSchemaProblem(js.schema ?? {});
      if (problem) return invalidRequest(`Invalid schema for response_format '${js.name}': ${problem}`, 'response_format', 'invalid_json_schema');
    }
  }
  return undefined;
}

/** Used for `response_format: {type: "json_object"}`, where the caller gives no schema. */
export const DEFAULT_OUTPUT_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    summary: { type: 'string' },
    topics: { type: 'array', items: { type: 'string' } },
    actionItems: {
      type: 'array',
      items: { type: 'object', properties: { text: { type: 'string' }, owner: { type: ['string', 'null'] }, due: { type: ['string', 'null'] }, sourceSegments: { type: 'array', items: { type: 'integer' } } } },
    },
    followUpEmail: { type: 'object', properties: { subject: { type: 'string' }, body: { type: 'string' } } },
    posts: {
      type: 'array',
      items: {
        type: 'object',
        properties: { platform: { type: 'string' }, text: { type: 'string' }, hashtags: { type: 'array', items: { type: 'string' } }, sourceSegments: { type: 'array', items: { type: 'integer' } } },
      },
    },
  },
};

export function promptTokens(body: ChatRequestBody): number {
  const messages = (body.messages as ChatMessage[]) ?? [];
  const text = messages.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? ''))).join('');
  const format = body.response_format ? JSON.stringify(body.response_format) : '';
  return approxTokens(text) + approxTokens(format) + messages.length * 4 + 3;
}

/** Builds the assistant's answer. Deterministic: same request and mode, same answer. */
export function completeChat(body: ChatRequestBody, mode: OpenAiMode, now: Date): ChatOutcome {
  const messages = body.messages as ChatMessage[];
  const prompt = readPrompt(messages);
  const obedience = findInstructions(prompt.all);
  const worstCase = mode === 'worst-case';
  const analysis = analyzeMeeting(prompt.segments, prompt.all);
  const drafts = new Drafts(prompt, analysis, { worstCase, obedience });
  const rf = (body.response_format ?? { type: 'text' }) as Record<string, unknown>;
  const wantsJson = rf.type === 'json_schema' || rf.type === 'json_object';
  const jsonSchema = rf.type === 'json_schema' ? (rf.json_schema as Record<string, unknown>) : undefined;
  const schema = (jsonSchema?.schema as JsonSchema | undefined) ?? DEFAULT_OUTPUT_SCHEMA;
  const rootName = typeof jsonSchema?.name === 'string' ? jsonSchema.name : '';

  let content: string | null;
  let refusal: string | null = null;
  let finishReason: ChatOutcome['finishReason'] = 'stop';
  const generated = () => new SchemaGenerator(drafts, schema, now, rootName, typeof jsonSchema?.description === 'string' ? jsonSchema.description : '').generate();

  switch (mode) {
    case 'refusal':
      content = null;
      refusal = "I'm sorry, but I can't help with that request.";
      break;
    case 'garbage':
      content = `Sure! Here is what I came up with.\n\n${drafts.summary().text}\n\n(Let me know if you'd like any changes!)`;
      break;
    case 'schema-violation':
      content = JSON.stringify(violate(wantsJson ? generated() : { summary: drafts.summary().text }, schema));
      break;
    case 'truncated': {
      const full = wantsJson ? JSON.stringify(generated()) : renderText(drafts);
      content = full.slice(0, Math.max(1, Math.floor(full.length * 0.6)));
      finishReason = 'length';
      break;
    }
    default:
      content = wantsJson ? JSON.stringify(generated()) : renderText(drafts);
  }

  const limit = (body.max_completion_tokens ?? body.max_tokens) as number | undefined;
  let completionTokens = content === null ? approxTokens(refusal ?? '') : approxTokens(content);
  if (typeof limit === 'number' && content !== null && completionTokens > limit) {
    content = content.slice(0, limit * 4);
    completionTokens = limit;
    finishReason = 'length';
  }
  return { content, refusal, finishReason, promptTokens: promptTokens(body), completionTokens, obedience };
}

/** Plain-text answer when no response_format asks for JSON. */
function renderText(d: Drafts): string {
  const lines: string[] = [];
  lines.push(`Summary\n${d.summary().text}`);
  const actions = d.actions();
  if (actions.length) lines.push(`Action items\n${actions.map((a) => `- ${a.owner ? `${a.owner}: ` : ''}${a.text}`).join('\n')}`);
  const email = d.email();
  lines.push(`Follow-up email\nSubject: ${email.subject}\n\n${email.text}`);
  d.posts().forEach((p, i) => lines.push(`Post ${i + 1} (${p.platform})\n${p.text}\n${(p.hashtags ?? []).join(' ')}`.trim()));
  return lines.join('\n\n');
}

/** Valid JSON that breaks the schema: a required field goes missing, an unknown one appears, a type changes. */
function violate(value: unknown, schema: JsonSchema): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { unexpected: true, value };
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(out);
  if (required.length) delete out[required[0]];
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const stringKey = Object.keys(out).find((k) => typeof out[k] === 'string' && props[k]);
  if (stringKey) out[stringKey] = 42;
  out.sandbox_unexpected_field = 'this field is not in the schema';
  return out;
}
