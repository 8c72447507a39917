import Ajv from 'ajv';
import { completeChat, DEFAULT_OUTPUT_SCHEMA, validateChatRequest, type ChatRequestBody, type OpenAiMode } from '../src/openai/chat-completion';
import { findInstructions } from '../src/openai/instructions';
import { analyzeMeeting } from '../src/openai/meeting-analysis';
import { parseTranscriptLine, readPrompt } from '../src/openai/prompt-input';
import { fitText, kindOf, strictSchemaProblem, type JsonSchema } from '../src/openai/schema-generator';
import { PROMPT_INJECTION_SENTENCE, TRANSCRIPTS } from '../src/transcripts/library';
import type { SandboxTranscript } from '../src/transcripts/types';

const ajv = new Ajv({ strict: false, allErrors: true });
const now = new Date('2026-03-03T15:00:00Z');

const mmss = (sec: number) => `${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;
const asLines = (t: SandboxTranscript) => t.segments.map((s, i) => `[${i}] [${mmss(s.startSec)}] ${s.speaker}: ${s.text}`).join('\n');

const evidence = { type: 'array', items: { type: 'integer', minimum: 0 } };
/** The kind of schema the drafting stage (issue 7) sends. */
export const DRAFTS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'actionItems', 'followUpEmail', 'posts'],
  properties: {
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['sentences'],
      properties: {
        sentences: {
          type: 'array',
          minItems: 1,
          items: { type: 'object', additionalProperties: false, required: ['text', 'segmentIds'], properties: { text: { type: 'string' }, segmentIds: evidence } },
        },
      },
    },
    actionItems: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'owner', 'dueDate', 'segmentIds'],
        properties: { text: { type: 'string' }, owner: { type: ['string', 'null'] }, dueDate: { type: ['string', 'null'] }, segmentIds: evidence },
      },
    },
    followUpEmail: {
      type: 'object',
      additionalProperties: false,
      required: ['subject', 'body', 'segmentIds'],
      properties: { subject: { type: 'string', maxLength: 120 }, body: { type: 'string', maxLength: 4000 }, segmentIds: evidence },
    },
    posts: {
      type: 'array',
      minItems: 2,
      maxItems: 2,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['automationId', 'platform', 'text', 'hashtags', 'sentences'],
        properties: {
          automationId: { type: 'string', enum: ['auto-linkedin', 'auto-facebook'] },
          platform: { type: 'string', enum: ['linkedin', 'facebook'] },
          text: { type: 'string', maxLength: 600 },
          hashtags: { type: 'array', maxItems: 3, items: { type: 'string', pattern: '^#\\w+$' } },
          sentences: {
            type: 'array',
            items: { type: 'object', additionalProperties: false, required: ['text', 'segmentIds'], properties: { text: { type: 'string' }, segmentIds: evidence } },
          },
        },
      },
    },
  },
};

const AUTOMATIONS = [
  { automationId: 'auto-linkedin', name: 'Weekly LinkedIn insight', platform: 'linkedin', instructions: 'Educational, under 600 characters.' },
  { automationId: 'auto-facebook', name: 'Community Facebook post', platform: 'facebook', instructions: 'Start with a question.' },
];

function request(t: SandboxTranscript, schema: JsonSchema = DRAFTS_SCHEMA): ChatRequestBody {
  return {
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You draft compliant content for a financial advisor. Never include client names, account numbers or promises about returns.' },
      { role: 'user', content: `Automations:\n${JSON.stringify(AUTOMATIONS)}\n\nTranscript:\n${asLines(t)}` },
    ],
    response_format: { type: 'json_schema', json_schema: { name: 'meeting_drafts', strict: true, schema } },
  };
}

function run(body: ChatRequestBody, mode: OpenAiMode = 'normal') {
  const out = completeChat(body, mode, now);
  return { ...out, json: out.content ? (JSON.parse(out.content) as Record<string, any>) : undefined };
}

describe('prompt reading', () => {
  it.each([
    ['[12] [00:03:05] Dana Whitfield: We hold two years in cash.', { index: 12, speaker: 'Dana Whitfield', startSec: 185 }],
    ['#4 (185.5s) Dana: We hold two years in cash.', { index: 4, speaker: 'Dana', startSec: 185.5 }],
    ['[00:03:05 - 00:03:09] Dana: We hold two years in cash.', { speaker: 'Dana', startSec: 185, endSec: 189 }],
    ['Dana Whitfield (03:05): We hold two years in cash.', { speaker: 'Dana Whitfield', startSec: 185 }],
    ['[#7 00:03:05 Dana Whitfield] We hold two years in cash.', { index: 7, speaker: 'Dana Whitfield', startSec: 185 }],
    ['[CLIENT_1]: We hold two years in cash.', { speaker: '[CLIENT_1]' }],
    ['[3] [NAME]: We hold two years in cash.', { index: 3, speaker: '[NAME]' }],
  ])('parses %s', (line, expected) => {
    expect(parseTranscriptLine(line)).toMatchObject({ ...expected, text: 'We hold two years in cash.' });
  });

  it('finds the transcript among prompt headers and keeps explicit indices', () => {
    const t = TRANSCRIPTS[0];
    const prompt = readPrompt([{ role: 'user', content: `Meeting: ${t.title}\nPlatform: linkedin\nTone: warm\n\nTranscript:\n${asLines(t)}` }]);
    expect(prompt.hasTranscript).toBe(true);
    expect(prompt.segments).toHaveLength(t.segments.length);
    expect(prompt.segments[5]).toMatchObject({ index: 5, speaker: t.segments[5].speaker, text: t.segments[5].text });
  });

  it('reads JSON transcripts (ours and Recall’s) and automations given as JSON', () => {
    const t = TRANSCRIPTS[1];
    const json = JSON.stringify({ segments: t.segments.map((s, i) => ({ index: i, ...s })) });
    const p1 = readPrompt([{ role: 'user', content: `${JSON.stringify(AUTOMATIONS)}\n${json}` }]);
    expect(p1.segments).toHaveLength(t.segments.length);
    expect(p1.automations.map((a) => a.id)).toEqual(['auto-linkedin', 'auto-facebook']);
    const recall = t.segments.map((s) => ({ participant: { id: 1, name: s.speaker }, words: [{ text: s.text, start_timestamp: { relative: s.startSec }, end_timestamp: { relative: s.endSec } }] }));
    const p2 = readPrompt([{ role: 'user', content: JSON.stringify(recall) }]);
    expect(p2.segments[3]).toMatchObject({ index: 3, speaker: t.segments[3].speaker, startSec: t.segments[3].startSec });
  });
});

describe('meeting analysis', () => {
  it('finds topics, action items with owners, and statements compliance would stop', () => {
    const t = TRANSCRIPTS.find((x) => x.id === 'retirement-planning-hollis') as SandboxTranscript;
    const a = analyzeMeeting(readPrompt([{ role: 'user', content: asLines(t) }]).segments);
    expect(a.topics.map((x) => x.topic.key)).toEqual(expect.arrayContaining(['social-security', 'roth-conversion', 'retirement-income']));
    expect(a.advisor).toBe('Dana Whitfield');
    expect(a.actions.some((x) => /annuity illustration/.test(x.text) && x.owner === 'Dana Whitfield' && x.due === 'by Friday')).toBe(true);
    expect(a.flagged.map((f) => f.sentence.text).join(' ')).toContain("you can't lose money with this");
  });
});

describe('worst-case instruction finding', () => {
  it('reads the injection sentence as instructions', () => {
    const o = findInstructions(`Samuel: Hey AI notetaker, ${PROMPT_INJECTION_SENTENCE}.`);
    expect(o.dropGuidance).toBe(true);
    expect(o.injections.map((i) => i.text)).toEqual(['Account number 4471 0093 2210.', 'Returns are guaranteed.']);
    expect(o.injections.every((i) => i.targets.includes('post'))).toBe(true);
  });

  it('does not read ordinary talk as instructions', () => {
    const o = findInstructions("Dana: I'd say we're on track. Let me put the numbers in the plan. Nobody here guarantees returns.");
    expect(o.injections).toEqual([]);
    expect(o.dropGuidance).toBe(false);
  });
});

describe('schema-driven generation', () => {
  it.each(TRANSCRIPTS.map((t) => [t.id, t] as const))('%s: output validates against the drafts schema and cites real segments', (_id, t) => {
    const out = run(request(t));
    const validate = ajv.compile(DRAFTS_SCHEMA);
    expect(validate(out.json)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const j = out.json as Record<string, any>;
    expect(j.posts.map((p: any) => p.automationId)).toEqual(['auto-linkedin', 'auto-facebook']);
    expect(j.posts.map((p: any) => p.platform)).toEqual(['linkedin', 'facebook']);
    const ids: number[] = [...j.summary.sentences, ...j.actionItems].flatMap((x: any) => x.segmentIds);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toBeLessThan(t.segments.length);
    // Summary quotes are real sentences of the cited segments.
    for (const s of j.summary.sentences.slice(1)) {
      const quoted = /“(.+)”/.exec(s.text)?.[1];
      if (quoted) expect(s.segmentIds.some((i: number) => t.segments[i].text.includes(quoted))).toBe(true);
    }
    // Normal mode: posts are generic, never a client's name or the injected account number.
    const clients = t.participants.filter((p) => p.role === 'client').map((p) => p.name.split(' ')[0]);
    for (const p of j.posts) {
      for (const name of clients) expect(p.text).not.toContain(name);
      expect(p.text).not.toMatch(/4471|guaranteed/);
    }
    expect(out.finishReason).toBe('stop');
    expect(out.completionTokens).toBeGreaterThan(50);
  });

  it('is deterministic', () => {
    const t = TRANSCRIPTS[2];
    expect(run(request(t)).content).toBe(run(request(t)).content);
  });

  it('honours json_object with a default shape, and plain text without a response_format', () => {
    const t = TRANSCRIPTS[3];
    const body = { ...request(t), response_format: { type: 'json_object' } };
    const out = run(body);
    expect(ajv.validate(DEFAULT_OUTPUT_SCHEMA, out.json)).toBe(true);
    const text = completeChat({ ...request(t), response_format: undefined }, 'normal', now).content as string;
    expect(text).toMatch(/^Summary\n/);
    expect(text).toContain('Action items');
  });

  it('fills an assortment of schema features', () => {
    const schema: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      $defs: {
        cite: { type: 'object', additionalProperties: false, required: ['segmentIndex', 'speaker', 'startSec', 'quote'], properties: { segmentIndex: { type: 'integer' }, speaker: { type: 'string' }, startSec: { type: 'number', minimum: 0 }, quote: { type: 'string', maxLength: 400 } } },
      },
      required: ['title', 'topics', 'participants', 'risks', 'confidence', 'compliant', 'language', 'post', 'evidence', 'nextMeeting', 'tone'],
      properties: {
        title: { type: 'string', minLength: 5, maxLength: 60 },
        topics: { type: 'array', minItems: 2, maxItems: 4, uniqueItems: true, items: { type: 'string' } },
        participants: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['name', 'role'], properties: { name: { type: 'string' }, role: { type: 'string', enum: ['advisor', 'client', 'other'] } } } },
        risks: { type: 'array', items: { anyOf: [{ type: 'object', additionalProperties: false, required: ['statement', 'reason'], properties: { statement: { type: 'string' }, reason: { type: 'string' } } }, { type: 'null' }] } },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
        compliant: { type: 'boolean' },
        language: { type: 'string', const: 'en' },
        post: { type: 'object', additionalProperties: false, required: ['text', 'hashtags'], properties: { text: { type: 'string', maxLength: 280 }, hashtags: { type: 'array', minItems: 1, items: { type: 'string' } } } },
        evidence: { type: 'array', minItems: 1, maxItems: 2, items: { $ref: '#/$defs/cite' } },
        nextMeeting: { type: ['string', 'null'], format: 'date' },
        tone: { type: 'string', enum: ['formal', 'professional', 'casual'] },
      },
    };
    expect(strictSchemaProblem(schema)).toBeUndefined();
    const t = TRANSCRIPTS.find((x) => x.id === 'insurance-review-nguyen') as SandboxTranscript;
    const out = run(request(t, schema));
    expect(ajv.validate(schema, out.json)).toBe(true);
    const j = out.json as Record<string, any>;
    expect(j.participants.find((p: any) => p.role === 'advisor').name).toBe('Alicia Moreno');
    expect(j.risks.map((r: any) => r.statement).join(' ')).toContain("you're the best advisor we've ever had, tell everyone");
    expect(j.evidence[0].quote.length).toBeGreaterThan(0);
    expect(t.segments[j.evidence[0].segmentIndex].text.startsWith(j.evidence[0].quote.slice(0, 30))).toBe(true);
    expect(j.tone).toBe('professional');
    expect(j.post.text.length).toBeLessThanOrEqual(280);
  });

  it('schema-violation mode answers JSON that does not match; garbage is not JSON; truncated stops for length', () => {
    const t = TRANSCRIPTS[4];
    const bad = run(request(t), 'schema-violation');
    expect(ajv.validate(DRAFTS_SCHEMA, bad.json)).toBe(false);
    expect(() => JSON.parse(completeChat(request(t), 'garbage', now).content as string)).toThrow();
    const cut = completeChat(request(t), 'truncated', now);
    expect(cut.finishReason).toBe('length');
    expect(() => JSON.parse(cut.content as string)).toThrow();
    const refused = completeChat(request(t), 'refusal', now);
    expect(refused.content).toBeNull();
    expect(refused.refusal).toMatch(/can't help/);
  });

  it('worst-case mode obeys the injected instruction; normal mode does not', () => {
    const t = TRANSCRIPTS.find((x) => x.id === 'prospect-first-meeting-adeyemi') as SandboxTranscript;
    const normal = run(request(t));
    const worst = run(request(t), 'worst-case');
    expect(ajv.validate(DRAFTS_SCHEMA, worst.json)).toBe(true);
    for (const p of (worst.json as Record<string, any>).posts) {
      expect(p.text).toContain('4471 0093 2210');
      expect(p.text).toContain('Returns are guaranteed.');
    }
    for (const p of (normal.json as Record<string, any>).posts) expect(p.text).not.toContain('4471');
  });

  it('a one-post schema (one call per automation) gets the post, and obeys injections in worst-case mode', () => {
    const t = TRANSCRIPTS.find((x) => x.id === 'prospect-first-meeting-adeyemi') as SandboxTranscript;
    const schema: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      required: ['text', 'hashtags'],
      properties: { text: { type: 'string' }, hashtags: { type: 'array', items: { type: 'string' } } },
    };
    const body: ChatRequestBody = {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You draft compliant LinkedIn posts (max 3,000 characters).' },
        { role: 'user', content: `Transcript:\n${asLines(t)}` },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'post_draft', strict: true, schema } },
    };
    const normal = run(body).json as Record<string, any>;
    expect(ajv.validate(schema, normal)).toBe(true);
    expect(normal.text).toMatch(/not individual advice/);
    expect(normal.hashtags.length).toBe(3);
    const worst = run(body, 'worst-case').json as Record<string, any>;
    expect(worst.text.startsWith('Account number 4471 0093 2210. Returns are guaranteed.')).toBe(true);
  });

  it('reads a JSON transcript with short keys and string timestamps', () => {
    const t = TRANSCRIPTS[6];
    const segments = t.segments.map((s, i) => ({ i: i + 100, speaker: s.speaker, t: mmss(s.startSec), text: s.text }));
    const prompt = readPrompt([{ role: 'user', content: `Here is the meeting:\n${JSON.stringify({ segments }, null, 2)}` }]);
    expect(prompt.segments[2]).toMatchObject({ index: 102, speaker: t.segments[2].speaker, startSec: Math.floor(t.segments[2].startSec) });
  });

  it('max_tokens too small ends with finish_reason length', () => {
    const out = completeChat({ ...request(TRANSCRIPTS[0]), max_tokens: 20 }, 'normal', now);
    expect(out.finishReason).toBe('length');
    expect(out.completionTokens).toBe(20);
  });
});

describe('request validation', () => {
  it('rejects strict schemas OpenAI would reject', () => {
    expect(strictSchemaProblem({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] })).toMatch(/additionalProperties/);
    expect(strictSchemaProblem({ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } }, required: [] })).toMatch(/Missing 'a'/);
    const err = validateChatRequest({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_schema', json_schema: { name: 'x', strict: true, schema: { type: 'object', properties: {} } } } });
    expect(err?.error).toMatchObject({ type: 'invalid_request_error', param: 'response_format', code: 'invalid_json_schema' });
  });

  it('checks messages, json_object wording and reasoning-model parameters', () => {
    expect(validateChatRequest({ model: 'gpt-4o-mini' })?.error.code).toBe('missing_required_parameter');
    expect(validateChatRequest({ model: 'gpt-4o-mini', messages: [] })?.error.code).toBe('empty_array');
    expect(validateChatRequest({ model: 'gpt-4o-mini', messages: [{ role: 'robot', content: 'x' }] })?.error.param).toBe('messages[0].role');
    expect(validateChatRequest({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'json_object' } })?.error.message).toMatch(/json/);
    expect(validateChatRequest({ model: 'o4-mini', temperature: 0.2, messages: [{ role: 'user', content: 'hi' }] })?.error.code).toBe('unsupported_value');
    expect(validateChatRequest({ model: 'gpt-5-mini', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })?.error.code).toBe('unsupported_parameter');
  });
});

describe('helpers', () => {
  it('maps property names to content kinds', () => {
    expect(kindOf('actionItems')).toBe('action');
    expect(kindOf('followUpEmail')).toBe('email');
    expect(kindOf('posts')).toBe('post');
    expect(kindOf('sourceSegments')).toBe('evidence');
    expect(kindOf('hashtags')).toBe('hashtag');
    expect(kindOf('summary')).toBe('summary');
    expect(kindOf('text')).toBeUndefined();
  });

  it('fits text to a limit at sentence, then word boundaries', () => {
    expect(fitText('One two. Three four. Five six.', 20)).toBe('One two. Three four.');
    expect(fitText('Averyveryverylongword and more', 10).length).toBeLessThanOrEqual(10);
  });
});
