import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { InputSegment } from './prompt-input';
import { GENERAL_TOPIC, TOPICS, type TopicKnowledge } from './topic-knowledge';

/**
 * Deterministic reading of a transcript: sentences (wink-nlp), the advisory topics discussed,
 * noun phrases, the sentences worth a summary, action items and statements a compliance officer
 * would stop. Everything points back at the segments it came from.
 */
export interface Sentence {
  text: string;
  segment: InputSegment;
  order: number;
  words: number;
}

export interface TopicHit {
  topic: TopicKnowledge;
  hits: number;
  segments: number[];
}

export interface ActionItem {
  text: string;
  owner?: string;
  due?: string;
  sentence: Sentence;
}

export interface FlaggedStatement {
  sentence: Sentence;
  reason: string;
}

export interface Speaker {
  name: string;
  words: number;
  role: 'advisor' | 'client' | 'other';
}

export interface MeetingAnalysis {
  segments: InputSegment[];
  sentences: Sentence[];
  speakers: Speaker[];
  advisor?: string;
  clients: string[];
  topics: TopicHit[];
  phrases: string[];
  keySentences: Sentence[];
  actions: ActionItem[];
  flagged: FlaggedStatement[];
  durationSec?: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlpInstance: Nlp | undefined;
function nlp(): Nlp {
  nlpInstance ??= winkNLP(model);
  return nlpInstance;
}

const PROMISSORY: [RegExp, string][] = [
  [/\b(can't|cannot|can not|won't) lose\b/i, 'promise of no loss'],
  [/\bguarantee(d|s)?\b/i, 'guarantee of results'],
  [/\bwill (double|triple)\b/i, 'performance projection'],
  [/\bnever (had|have) a losing\b|\bnever lost money\b/i, 'misleading performance claim'],
  [/\brisk[- ]free\b|\bcan't go wrong\b|\bsure thing\b/i, 'understated risk'],
  [/\b(i'd|i would|you should) buy more\b|\bit's a steal\b|\bsteal right now\b/i, 'specific security recommendation'],
  [/\bbest advisor\b|\btell everyone\b/i, 'testimonial'],
  [/\bnever pay [\w\s]*tax\b/i, 'misleading tax claim'],
];

const ACTION_VERB =
  '(?:send|email|schedule|set up|follow up|call|place|check|update|open|draft|prepare|run|model|add|introduce|make an introduction|bring|scan|get (?:you )?(?:the )?quotes?|look into|put together|turn (?:it )?off|file|submit|review|book|loop in|reach out|talk to|forward|pull|rebalance|start the|set aside|move|retitle)\\b';
const FILLER = '(?:(?:also|then|just|go ahead and|definitely|probably|personally|make sure to)\\s+)*';
const FUTURE_SELF = new RegExp(`\\b(?:i'll|i will|we'll|we will|i'm going to|we're going to|i am going to|let me)\\s+${FILLER}${ACTION_VERB}`, 'i');
const NEXT_STEP = new RegExp(`\\bnext step\\b[^.]*\\b${ACTION_VERB}`, 'i');
const TRIVIAL = /\b(check the time|share my screen|pull (it )?up|pull up the)\b/i;
const NAMED_FUTURE = new RegExp(`\\b([A-Z][a-z]+) (?:will|is going to) ${FILLER}${ACTION_VERB}`);

export function analyzeMeeting(segments: InputSegment[], context = ''): MeetingAnalysis {
  const sentences = splitSentences(segments);
  const speakers = speakerStats(segments, context);
  const advisor = speakers.find((s) => s.role === 'advisor')?.name;
  const clients = speakers.filter((s) => s.role === 'client').map((s) => s.name);
  const topics = findTopics(sentences);
  const phrases = nounPhrases(segments, speakers.map((s) => s.name));
  const flagged = sentences.flatMap((s) => {
    const hit = PROMISSORY.find(([re]) => re.test(s.text));
    return hit ? [{ sentence: s, reason: hit[1] }] : [];
  });
  const actions = findActions(sentences, speakers);
  const keySentences = rankSentences(sentences, topics, advisor);
  const last = segments[segments.length - 1];
  return {
    segments,
    sentences,
    speakers,
    advisor,
    clients,
    topics,
    phrases,
    keySentences,
    actions,
    flagged,
    durationSec: last?.endSec ?? last?.startSec,
  };
}

function splitSentences(segments: InputSegment[]): Sentence[] {
  const out: Sentence[] = [];
  for (const segment of segments) {
    const doc = nlp().readDoc(segment.text);
    doc.sentences().each((s: ItemSentence) => {
      const text = s.out().trim();
      if (!text) return;
      out.push({ text, segment, order: out.length, words: text.split(/\s+/).length });
    });
  }
  return out;
}

function speakerStats(segments: InputSegment[], context: string): Speaker[] {
  const words = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  segments.forEach((s, i) => {
    if (!s.speaker) return;
    words.set(s.speaker, (words.get(s.speaker) ?? 0) + s.text.split(/\s+/).length);
    if (!firstSeen.has(s.speaker)) firstSeen.set(s.speaker, i);
  });
  const names = [...words.keys()];
  const declared = (name: string): Speaker['role'] | undefined => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`${escaped}\\s*[(,–—-]\\s*(?:the\\s+)?(advisor|adviser|planner|client|prospect|paraplanner|cpa|attorney|accountant|assistant)`, 'i').exec(context);
    if (m) return /advis|^planner/i.test(m[1]) ? 'advisor' : /client|prospect/i.test(m[1]) ? 'client' : 'other';
    if (new RegExp(`(advisor|adviser)(?: name)?\\s*[:=]\\s*${escaped}`, 'i').test(context)) return 'advisor';
    const first = name.split(/\s+/)[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const staff = '(?:paraplanner|attorney|lawyer|cpa|accountant|associate|assistant|colleague)';
    if (new RegExp(`\\b${first}\\b[^.?!]{0,40}\\b(?:is|she's|he's|who is|who's)\\s+(?:the|our|my|your|an?)\\s+(?:[\\w-]+\\s+){0,2}${staff}\\b`, 'i').test(context)) return 'other';
    if (new RegExp(`\\b${first}\\b[^.?!]{0,20}\\bfrom (?:my|our) (?:team|office)\\b`, 'i').test(context)) return 'other';
    if (/^(advisor|adviser)\b/i.test(name)) return 'advisor';
    if (/^(client|prospect)\b/i.test(name)) return 'client';
    return undefined;
  };
  const roles = new Map<string, Speaker['role']>();
  for (const n of names) {
    const r = declared(n);
    if (r) roles.set(n, r);
  }
  if (![...roles.values()].includes('advisor') && names.length) {
    // The advisor usually opens the call and talks the most.
    const byWords = [...names].sort((a, b) => (words.get(b) ?? 0) - (words.get(a) ?? 0) || (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0));
    const opener = segments.find((s) => s.speaker)?.speaker;
    roles.set(opener && (words.get(opener) ?? 0) >= (words.get(byWords[0]) ?? 0) * 0.6 ? opener : byWords[0], 'advisor');
  }
  return names.map((name) => ({ name, words: words.get(name) ?? 0, role: roles.get(name) ?? 'client' }));
}

function findTopics(sentences: Sentence[]): TopicHit[] {
  const hits: TopicHit[] = [];
  for (const topic of TOPICS) {
    const segs = new Set<number>();
    let n = 0;
    for (const s of sentences) {
      const lower = s.text.toLowerCase();
      if (topic.patterns.some((p) => p.test(lower))) {
        n++;
        segs.add(s.segment.index);
      }
    }
    if (n > 0) hits.push({ topic, hits: n, segments: [...segs] });
  }
  hits.sort((a, b) => b.hits - a.hits || TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
  const strong = hits.filter((h) => h.hits >= 2);
  const chosen = strong.length ? strong : hits;
  return chosen.length ? chosen : [{ topic: GENERAL_TOPIC, hits: 0, segments: sentences.slice(0, 2).map((s) => s.segment.index) }];
}

const WEAK_NOUNS = new Set(['thing', 'things', 'lot', 'way', 'part', 'bit', 'time', 'question', 'point', 'kind', 'sort', 'number', 'numbers', 'piece', 'stuff', 'today', 'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'people', 'guy']);

function nounPhrases(segments: InputSegment[], speakerNames: string[]): string[] {
  const its = nlp().its;
  const counts = new Map<string, number>();
  const nameParts = new Set(speakerNames.flatMap((n) => n.toLowerCase().split(/\s+/)));
  for (const segment of segments) {
    const doc = nlp().readDoc(segment.text);
    let run: { word: string; pos: string }[] = [];
    const flush = () => {
      while (run.length && run[run.length - 1].pos !== 'NOUN') run.pop();
      while (run.length && run[0].pos === 'NUM' && run.length > 2) run.shift();
      if (run.length >= 2 && run.length <= 4) {
        const words = run.map((r) => r.word.toLowerCase());
        if (!words.some((w) => nameParts.has(w)) && !WEAK_NOUNS.has(words[words.length - 1])) {
          const phrase = words.join(' ');
          counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
        }
      }
      run = [];
    };
    doc.tokens().each((t: ItemToken) => {
      const pos = t.out(its.pos) as string;
      const word = t.out();
      if ((pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ' || (pos === 'NUM' && /^\d/.test(word))) && /^[\p{L}\p{N}'’-]+$/u.test(word)) run.push({ word, pos });
      else flush();
    });
    flush();
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 15)
    .map(([p]) => p);
}

const SMALL_TALK = /^(hi|hello|hey|good (morning|afternoon|evening)|thanks|thank you|okay|ok|sure|great|perfect|bye|take care|got it|right|yes|no)\b/i;

function rankSentences(sentences: Sentence[], topics: TopicHit[], advisor?: string): Sentence[] {
  const scored = sentences.map((s) => {
    const lower = s.text.toLowerCase();
    let score = 0;
    if (s.words < 7 || s.words > 45) score -= 5;
    for (const t of topics.slice(0, 6)) if (t.topic.patterns.some((p) => p.test(lower))) score += 2;
    if (/\$?\d[\d,.]*\s?(%|percent|thousand|million|k\b)|\$\d/.test(lower)) score += 1;
    if (/\b(recommend|suggest|plan|decide|agree|goal|target|option|important|because)\b/.test(lower)) score += 1;
    if (s.segment.speaker && s.segment.speaker === advisor) score += 1;
    if (s.text.trim().endsWith('?')) score -= 3;
    if (SMALL_TALK.test(s.text)) score -= 2;
    if (PROMISSORY.some(([re]) => re.test(s.text))) score -= 1;
    return { s, score };
  });
  return scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.s.order - b.s.order)
    .map((x) => x.s);
}

function findActions(sentences: Sentence[], speakers: Speaker[]): ActionItem[] {
  const out: ActionItem[] = [];
  const seen = new Set<string>();
  const fullName = (first: string) => speakers.find((s) => s.name.split(/\s+/)[0] === first)?.name;
  for (const sentence of sentences) {
    if (sentence.text.trim().endsWith('?') || sentence.words < 5) continue;
    const clauses = sentence.text
      .split(/;\s*|,\s*(?:and\s+)?(?=(?:I|we|you|[A-Z][a-z]+)\s*(?:'ll|’ll| will)\b)/)
      .map((c) => c.trim())
      .filter(Boolean);
    for (const clause of clauses) {
      const named = NAMED_FUTURE.exec(clause);
      const namedOwner = named ? fullName(named[1]) : undefined;
      if (TRIVIAL.test(clause)) continue;
      if (!FUTURE_SELF.test(clause) && !namedOwner && !NEXT_STEP.test(clause)) continue;
      const byAdvisor = speakers.find((s) => s.name === sentence.segment.speaker)?.role !== 'client';
      const text = actionText(clause, byAdvisor);
      if (!text || text.split(/\s+/).length < 3) continue;
      const key = text.toLowerCase().replace(/[^a-z0-9 ]/g, '');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ text, owner: namedOwner ?? sentence.segment.speaker, due: dueOf(clause) ?? dueOf(sentence.text), sentence });
    }
  }
  return out.slice(0, 15);
}

function actionText(clause: string, byAdvisor: boolean): string {
  let t = clause
    .replace(/^(okay|ok|so|and|also|then|great|perfect|good|right|alright|well)[,.]?\s+/i, '')
    .replace(/^here's (what|the next step)[^.:]*[.:]\s*/i, '')
    .replace(/^(the )?next step( on our side)?( is)?[,:]?\s*/i, '');
  t = t.replace(/^(i'll|i will|we'll|we will|i'm going to|we're going to|i am going to|let me)\s+/i, '');
  t = t.replace(/^([A-Z][a-z]+) (will|is going to) /, '');
  t = t.replace(/\b(send|email|give|show|get back to|follow up with) you\b/gi, `$1 ${byAdvisor ? 'the client' : 'the advisor'}`);
  t = t.replace(/[.!]+$/, '').trim();
  return t ? t[0].toUpperCase() + t.slice(1) : t;
}

const DUE =
  /\b((?:by|before|on|next|this|within|in about|in the next|end of the|around|until)\s+(?:[\w-]+\s+){0,3}?(?:monday|tuesday|wednesday|thursday|friday|week|weeks|month|months|quarter|year|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,2}(?:st|nd|rd|th)|twentieth|fifteenth|thirty-first)|tomorrow|today|tonight|this afternoon)\b/i;

function dueOf(text: string): string | undefined {
  return DUE.exec(text)?.[1];
}

/** Tokens-ish count the sandbox reports for usage. */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
