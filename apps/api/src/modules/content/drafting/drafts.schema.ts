import Ajv, { ValidateFunction } from 'ajv';

export interface EvidencedSentence {
  text: string;
  evidence: number[];
}

export interface DraftsOutput {
  summary: { sentences: EvidencedSentence[] };
  actionItems: { text: string; owner: string; evidence: number[] }[];
  followUpEmail: { subject: string; greeting: string; sentences: EvidencedSentence[]; signoff: string };
  posts: { automationId: string; platform: 'linkedin' | 'facebook'; sentences: EvidencedSentence[]; hashtags: string[] }[];
}

const sentence = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'evidence'],
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 600 },
    evidence: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 1, maxItems: 8, description: 'Indices of the transcript segments this sentence is based on' },
  },
} as const;

/** The structured output asked of the LLM (strict json_schema) and checked on receipt. */
export function draftsJsonSchema(maxPostSentences = 12): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['summary', 'actionItems', 'followUpEmail', 'posts'],
    properties: {
      summary: {
        type: 'object',
        additionalProperties: false,
        required: ['sentences'],
        properties: { sentences: { type: 'array', items: sentence, minItems: 1, maxItems: 12 } },
      },
      actionItems: {
        type: 'array',
        maxItems: 20,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['text', 'owner', 'evidence'],
          properties: { text: { type: 'string', minLength: 1, maxLength: 400 }, owner: { type: 'string', maxLength: 100 }, evidence: sentence.properties.evidence },
        },
      },
      followUpEmail: {
        type: 'object',
        additionalProperties: false,
        required: ['subject', 'greeting', 'sentences', 'signoff'],
        properties: {
          subject: { type: 'string', minLength: 1, maxLength: 150 },
          greeting: { type: 'string', maxLength: 200 },
          sentences: { type: 'array', items: sentence, minItems: 1, maxItems: 20 },
          signoff: { type: 'string', maxLength: 300 },
        },
      },
      posts: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['automationId', 'platform', 'sentences', 'hashtags'],
          properties: {
            automationId: { type: 'string' },
            platform: { type: 'string', enum: ['linkedin', 'facebook'] },
            sentences: { type: 'array', items: sentence, minItems: 1, maxItems: maxPostSentences },
            hashtags: { type: 'array', items: { type: 'string', maxLength: 60 }, maxItems: 10 },
          },
        },
      },
    },
  };
}

let validator: ValidateFunction<DraftsOutput> | undefined;

/** Parses and validates the model's answer; returns the reason when it is unusable. */
export function parseDrafts(raw: string | null | undefined, segmentCount: number, automationIds: string[]): { ok: true; value: DraftsOutput } | { ok: false; reason: string } {
  if (!raw) return { ok: false, reason: 'empty answer' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'answer is not JSON' };
  }
  validator ??= new Ajv({ allErrors: false, strict: false }).compile<DraftsOutput>(draftsJsonSchema());
  if (!validator(value)) {
    const e = validator.errors?.[0];
    return { ok: false, reason: `answer does not match the schema: ${e?.instancePath || '/'} ${e?.message ?? ''}`.trim() };
  }
  const all = [...value.summary.sentences, ...value.followUpEmail.sentences, ...value.posts.flatMap((p) => p.sentences), ...value.actionItems];
  if (all.some((s) => s.evidence.some((i) => i >= segmentCount))) return { ok: false, reason: 'evidence points at a segment that does not exist' };
  const missing = automationIds.filter((id) => !value.posts.some((p) => p.automationId === id));
  if (missing.length) return { ok: false, reason: `no post for automation ${missing[0]}` };
  return { ok: true, value };
}
