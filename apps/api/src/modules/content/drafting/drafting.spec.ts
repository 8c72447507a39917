import { draftsJsonSchema, parseDrafts } from './drafts.schema';
import { fallbackDrafts } from './fallback-drafter';
import { buildPseudonyms } from './pseudonymize';

const segments = [
  { index: 0, speaker: 'Ann Lee (advisor)', text: 'Thanks for coming in today. We wanted to go over your retirement income plan and the timing of Social Security.' },
  { index: 1, speaker: '[Client 1]', text: 'We are worried the market drop last spring pushed our retirement date back a few years.' },
  { index: 2, speaker: 'Ann Lee (advisor)', text: 'Your plan already assumed some bad years, and rebalancing kept the allocation close to the target we agreed.' },
  { index: 3, speaker: 'Ann Lee (advisor)', text: "I'll send you the updated projection worksheet by Friday and we will schedule a review with your CPA." },
  { index: 4, speaker: '[Client 1]', text: 'Great, that would help a lot.' },
];

describe('pseudonymize', () => {
  it('replaces full, first and last names and restores first names for the email only', () => {
    const p = buildPseudonyms(['Dana Whitfield', 'Robert Okafor']);
    const text = p.apply('Dana Whitfield said Robert should call Mr. Okafor; the Whitfields agreed.');
    expect(text).not.toMatch(/Dana|Whitfield|Robert|Okafor/);
    expect(text).toContain('[Client 1]');
    expect(p.restoreFirstNames('Hi [Client 1] and [Client 2],')).toBe('Hi Dana and Robert,');
  });
});

describe('parseDrafts', () => {
  const good = {
    summary: { sentences: [{ text: 'We reviewed the plan.', evidence: [0] }] },
    actionItems: [{ text: 'Send the worksheet', owner: 'Ann', evidence: [3] }],
    followUpEmail: { subject: 'Follow-up', greeting: 'Hi [Client 1],', sentences: [{ text: 'Thanks for meeting.', evidence: [0] }], signoff: 'Ann' },
    posts: [{ automationId: 'a1', platform: 'linkedin', sentences: [{ text: 'Plans assume bad years.', evidence: [2] }], hashtags: ['RetirementPlanning'] }],
  };

  it('accepts an answer that matches the schema and cites real segments', () => {
    expect(parseDrafts(JSON.stringify(good), 5, ['a1'])).toMatchObject({ ok: true });
  });

  it('rejects non-JSON, schema violations, invented evidence and missing posts, saying why', () => {
    expect(parseDrafts('Sure! Here are your drafts', 5, ['a1'])).toEqual({ ok: false, reason: 'answer is not JSON' });
    expect(parseDrafts(JSON.stringify({ ...good, summary: 'nope' }), 5, ['a1'])).toMatchObject({ ok: false, reason: expect.stringMatching(/schema/) });
    expect(parseDrafts(JSON.stringify(good), 2, ['a1'])).toMatchObject({ ok: false, reason: expect.stringMatching(/evidence/) });
    expect(parseDrafts(JSON.stringify(good), 5, ['a1', 'a2'])).toMatchObject({ ok: false, reason: 'no post for automation a2' });
  });

  it('asks for a strict schema (no extra properties anywhere)', () => {
    const schema = draftsJsonSchema() as { additionalProperties: boolean; required: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['summary', 'actionItems', 'followUpEmail', 'posts']);
  });
});

describe('fallbackDrafts', () => {
  const out = fallbackDrafts({
    advisorName: 'Ann Lee',
    meetingTitle: 'Retirement review',
    clientLabels: ['[Client 1]'],
    segments,
    automations: [
      { automationId: 'a1', platform: 'linkedin', hashtagPolicy: 'few', fixedHashtags: ['LeeWealth'], maxLength: 3000 },
      { automationId: 'a2', platform: 'facebook', hashtagPolicy: 'none', fixedHashtags: [], maxLength: 63206 },
    ],
  });

  it('is schema-valid, with evidence pointing at real segments', () => {
    expect(parseDrafts(JSON.stringify(out), segments.length, ['a1', 'a2'])).toMatchObject({ ok: true });
  });

  it('extracts real sentences for the summary and action items', () => {
    const summary = out.summary.sentences.map((s) => s.text).join(' ');
    expect(summary).toContain('rebalancing kept the allocation');
    expect(out.actionItems.map((a) => a.text)).toContain("I'll send you the updated projection worksheet by Friday and we will schedule a review with your CPA.");
  });

  it('writes general posts on the meeting theme that never mention the client', () => {
    const post = out.posts[0].sentences.map((s) => s.text).join(' ');
    expect(post).toMatch(/retirement/i);
    expect(post).not.toContain('[Client');
    expect(out.posts[0].hashtags).toContain('LeeWealth');
    expect(out.posts[1].hashtags).toEqual([]);
  });
});
