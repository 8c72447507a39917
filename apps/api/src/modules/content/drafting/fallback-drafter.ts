import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { DraftsOutput, EvidencedSentence } from './drafts.schema';

export interface FallbackInput {
  advisorName: string;
  meetingTitle: string;
  clientLabels: string[];
  segments: { index: number; speaker: string | null; text: string }[];
  automations: { automationId: string; platform: 'linkedin' | 'facebook'; hashtagPolicy: 'none' | 'few' | 'many'; fixedHashtags: string[]; maxLength: number }[];
}

interface Theme {
  id: string;
  keywords: RegExp;
  hashtags: string[];
  hook: string;
  points: string[];
}

/** General, compliant educational lines per theme: no promises, projections, products or clients. */
const THEMES: Theme[] = [
  { id: 'retirement', keywords: /\b(retire|retirement|pension|social security|401\(?k\)?|ira|rmd|annuit)/i, hashtags: ['RetirementPlanning', 'FinancialPlanning'], hook: 'Retirement planning came up in several conversations this week.', points: ['A written plan for when income starts, and from which accounts, can make later decisions calmer.', 'Reviewing the plan after big life changes matters as much as the first draft.'] },
  { id: 'education', keywords: /\b(college|tuition|529|education|scholarship|student)/i, hashtags: ['CollegeSavings', 'FamilyFinances'], hook: 'Paying for education is on many families’ minds.', points: ['Starting early and revisiting contributions each year keeps the goal visible.', 'It helps to compare account types and their tax rules before choosing one.'] },
  { id: 'estate', keywords: /\b(estate|will|trust|beneficiar|inherit|power of attorney|heirs?)/i, hashtags: ['EstatePlanning', 'Beneficiaries'], hook: 'Estate documents are easy to set and forget.', points: ['Beneficiary designations on accounts can override what a will says, so they deserve a periodic check.', 'A short family conversation about where documents live can save a lot of stress later.'] },
  { id: 'insurance', keywords: /\b(insurance|life policy|disability|long[- ]term care|premium|coverage)/i, hashtags: ['InsurancePlanning', 'FinancialWellness'], hook: 'Insurance reviews rarely feel urgent, until they are.', points: ['Coverage that fit ten years ago may not fit the family you have today.', 'Reading the exclusions is as important as the headline benefit.'] },
  { id: 'tax', keywords: /\b(tax|harvest|capital gains?|deduct|roth conversion|bracket)/i, hashtags: ['TaxPlanning', 'Investing'], hook: 'Tax decisions and investment decisions are often the same decision.', points: ['Looking at the whole household’s tax picture before year-end can reveal options.', 'Any tax strategy should be reviewed with a tax professional for your own situation.'] },
  { id: 'volatility', keywords: /\b(market|downturn|volatil|drop|decline|portfolio|rebalanc|diversif)/i, hashtags: ['Investing', 'LongTermThinking'], hook: 'Market swings test every plan.', points: ['A plan built around your goals and timeline gives you something to hold on to when headlines are loud.', 'Rebalancing is a discipline, not a prediction.'] },
  { id: 'business', keywords: /\b(business|payroll|sep|solo 401|cash flow|employees?|succession)/i, hashtags: ['SmallBusiness', 'BusinessOwners'], hook: 'Business owners juggle two balance sheets: the company’s and the family’s.', points: ['Separating business cash flow from household savings makes both easier to plan.', 'Retirement plan options for owners differ in cost and flexibility; it pays to compare.'] },
];

const GENERIC: Theme = { id: 'general', keywords: /./, hashtags: ['FinancialPlanning'], hook: 'Good financial decisions usually start with a good conversation.', points: ['Writing down your goals and reviewing them once a year keeps a plan honest.', 'Questions are welcome: that is what planning meetings are for.'] };

const ACTION = /\b(i'll|i will|we'll|we will|let's|let me|next step|follow up|send (you|over)|schedule|set up|i can get|by (monday|tuesday|wednesday|thursday|friday|next week|end of)|action item)/i;
const FILLER = /^(ok(ay)?|yes|yeah|right|great|thanks?|thank you|sure|mm+|hmm+|uh+|so)\b[\s,.!]*$/i;

let nlp: ReturnType<typeof winkNLP> | undefined;

/**
 * Extractive drafts when the LLM is down or keeps answering outside the schema: real sentences of
 * the transcript for the summary and action items, and general educational posts chosen by the
 * themes the meeting touched. Every sentence carries its evidence; the drafts are labelled fallback.
 */
export function fallbackDrafts(input: FallbackInput): DraftsOutput {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  type Cand = { text: string; index: number; speaker: string | null; score: number; order: number };
  const freq = new Map<string, number>();
  const cands: Cand[] = [];
  let order = 0;
  for (const seg of input.segments) {
    const doc = nlp.readDoc(seg.text);
    doc.sentences().each((s: ItemSentence) => {
      const text = s.out().trim();
      const words: string[] = [];
      s.tokens().each((t: ItemToken) => {
        const pos = t.out(its.pos) as string;
        if ((pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ') && !(t.out(its.stopWordFlag) as boolean)) words.push(String(t.out(its.normal)));
      });
      for (const w of words) freq.set(w, (freq.get(w) ?? 0) + 1);
      cands.push({ text, index: seg.index, speaker: seg.speaker, score: words.length, order: order++ });
    });
  }
  for (const c of cands) {
    const words = nlp.readDoc(c.text).tokens().out(its.normal) as string[];
    const weight = words.reduce((sum, w) => sum + (freq.get(w) ?? 0), 0);
    const length = words.length;
    c.score = length < 7 || length > 45 || FILLER.test(c.text) || c.text.endsWith('?') ? 0 : weight / Math.sqrt(length);
  }
  const top = [...cands].sort((a, b) => b.score - a.score).slice(0, 5).filter((c) => c.score > 0).sort((a, b) => a.order - b.order);
  const summary: EvidencedSentence[] = [
    { text: `Meeting “${input.meetingTitle}” with ${input.clientLabels.join(' and ') || 'the client'}.`, evidence: [input.segments[0]?.index ?? 0] },
    ...top.map((c) => ({ text: `${c.speaker ? `${c.speaker}: ` : ''}${c.text}`, evidence: [c.index] })),
  ];
  const actions = cands.filter((c) => ACTION.test(c.text) && !c.text.endsWith('?')).slice(0, 8);
  const actionItems = actions.map((c) => ({ text: c.text, owner: c.speaker ?? '', evidence: [c.index] }));

  const themes = THEMES.map((t) => ({ t, hits: input.segments.filter((s) => t.keywords.test(s.text)) })).filter((x) => x.hits.length > 0).sort((a, b) => b.hits.length - a.hits.length);
  const main = themes[0] ?? { t: GENERIC, hits: input.segments.slice(0, 1) };
  const second = themes[1];
  const evidence = main.hits.slice(0, 3).map((s) => s.index);

  const greeting = `Hi ${input.clientLabels[0] ?? 'there'},`;
  const email: EvidencedSentence[] = [
    { text: `Thank you for taking the time to meet about ${input.meetingTitle.toLowerCase()}.`, evidence: [input.segments[0]?.index ?? 0] },
    ...top.slice(0, 3).map((c) => ({ text: `We talked about this: ${c.text}`, evidence: [c.index] })),
    ...(actionItems.length ? [{ text: `Next steps: ${actionItems.map((a) => a.text.replace(/[.!]$/, '')).join('; ')}.`, evidence: actionItems.map((a) => a.evidence[0]) }] : []),
    { text: 'Please reply with any questions or anything I missed.', evidence: [input.segments[input.segments.length - 1]?.index ?? 0] },
  ];

  const posts = input.automations.map((a) => {
    const sentences: EvidencedSentence[] = [
      { text: main.t.hook, evidence },
      ...main.t.points.map((p) => ({ text: p, evidence })),
      ...(second ? [{ text: second.t.points[0], evidence: second.hits.slice(0, 2).map((s) => s.index) }] : []),
      { text: 'Every situation is different; if this raises questions about your own plan, let’s talk.', evidence },
    ];
    const count = a.hashtagPolicy === 'none' ? 0 : a.hashtagPolicy === 'few' ? 2 : 4;
    const hashtags = [...new Set([...a.fixedHashtags, ...main.t.hashtags, ...(second?.t.hashtags ?? [])])].slice(0, Math.max(count, a.fixedHashtags.length));
    return { automationId: a.automationId, platform: a.platform, sentences, hashtags };
  });
  return { summary: { sentences: summary }, actionItems, followUpEmail: { subject: `Follow-up: ${input.meetingTitle}`, greeting, sentences: email, signoff: `Best regards,\n${input.advisorName}` }, posts };
}
