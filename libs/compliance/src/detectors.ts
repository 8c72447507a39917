/** Built-in detectors referenced by rule packs (`detector: '<name>'`). Their vocabulary is data in the packs. */
import type { Normalized } from './normalize';
import type { NlpPlugin, RuleDefinition, Severity } from './types';
import { detectPii, maskPii } from './pii';
import { FAMOUS_RE, NEGATION_BEFORE_RE, escapeRegExp, findSpan, foldAccents, type Span } from './text';
import { fallbackTopicPattern, lookupTopic } from './rules/restricted-topics';
import { rx } from './regex-cache';
import { Alternation, TrigramIndex, prefilterFor } from './prefilter';

export interface PostContext {
  n: Normalized;
  sentences: Span[];
  clauses: Span[];
  quotes: Span[];
  famous: Span[];
  clientNames: string[];
  restrictedTopics: string[];
  topicSeverity: Record<string, Severity>;
  nlp?: NlpPlugin;
  memo: Map<string, Map<number, boolean>>;
  /** whether rules may be skipped by their required literals (EngineOptions.prefilter) */
  prefilter: boolean;
  /** gram index of `n.text`, built on first use by the rule prefilter */
  grams?: TrigramIndex;
}

export interface Hit {
  start: number;
  end: number;
  /** 'norm' offsets index the normalized text; 'orig' offsets index the original content. */
  space?: 'norm' | 'orig';
  severity?: Severity;
  message?: string;
  excerpt?: string;
  /** Region whose other claims belong to this testimonial (normalized offsets). */
  absorbs?: Span;
}

export type Detector = (ctx: PostContext, rule: RuleDefinition) => Hit[];

/** The post's gram index, built on first use. */
export function postGrams(ctx: PostContext): TrigramIndex {
  return (ctx.grams ??= new TrigramIndex(ctx.n.text));
}

/**
 * False when the normalized post cannot contain what `source` requires, so `source` (with the
 * i flag) matches neither the post nor any slice of it.
 */
export function mayMatch(ctx: PostContext, source: string): boolean {
  if (!ctx.prefilter) return true;
  const pf = prefilterFor(source);
  return !pf || pf.mayMatch(postGrams(ctx));
}

function sentenceOf(ctx: PostContext, pos: number): Span {
  return findSpan(ctx.sentences, pos) ?? { start: 0, end: ctx.n.text.length };
}
function clauseOf(ctx: PostContext, pos: number): Span {
  return findSpan(ctx.clauses, pos) ?? sentenceOf(ctx, pos);
}

// ------------------------------------------------------------------ trade directives
const ACTION =
  /\b(?:buy(?:ing)?|sell(?:ing)?|add(?:ing)?|grab(?:bing)?|dump(?:ing)?|switch(?:ing)?|swap(?:ping)?|rotat(?:e|ing)|load(?:ing)? up(?: on)?|back(?:ing)? up the truck(?: on)?|scoop(?:ing)? up|pick(?:ing)? up (?:some|shares|a few)|put(?:ting)? (?:your |some |more |all |the )?(?:\w+ )?(?:money|cash|savings|it|bonus) (?:in|into|to work in)|mov(?:e|ing) (?:your |some |more |all )?(?:\w+ ){0,2}(?:money|cash|savings|portfolio|assets|it|everything) (?:in|into|to)|get(?:ting)? (?:in|into|out of)|tak(?:e|ing) profits?(?: in| on)?|hold(?:ing)? on(?:to)?|hang(?:ing)? on(?:to)?|hold(?:ing)?|own(?:ing)?|short(?:ing)?|trim(?:ming)?|exit(?:ing)?|ditch(?:ing)?|accumulat(?:e|ing)|allocat(?:e|ing)(?: to)?|invest(?:ing)? in|double down on|go all[- ]in on|bet on|jump into|pile into|park (?:your )?(?:cash|money) in|stock up on|unload|bail on|cash out of|lock(?:ing)? in|go (?:overweight|underweight|long|short)(?: on)?|overweight|underweight|roll(?:ing)?(?: over)? (?:your |an? |the |that )?[^.!?,;]{0,30}?\b(?:into|to))\b/g;
const ADVICE_PREFIX =
  /(?:^|\b(?:you should|you must|you need to|you'll want to|you may want to|you might want to|you want to|you gotta|you have to|everyone should|everybody should|investors should|retirees should|folks should|anyone[^.!?]{0,30}should|(?:it's|it is|now's|now is|this is) (?:the |a great |a good |a smart )?(?:time|moment) to|time to|don't wait to|be sure to|consider|i'd|i would|we'd|i recommend|we recommend|i suggest|we suggest|my advice:?|don't forget to|make sure (?:you|to)|why not|should|go ahead and|(?:i'm|we're|i am|we are) telling (?:every(?:one| client| investor)|all (?:my|our) clients|clients|you|people|folks) to|tell you to|get ready to|start|i'm|we're))\s*(?:\w+\s+)?$/;
const FILLER_PREFIX = /^(?:[\s\W\d]|now|so|and|then|just|go|seriously|friends|folks|everyone|today|this week|quick tip|tip|pro tip|psa|reminder|honestly|really|definitely|please)*$/u;

export const tradeDirective: Detector = (ctx, rule) => {
  const p = rule.params ?? {};
  const asset = rx((p.assets as string) ?? ASSETS, 'i');
  const timing = rx((p.timing as string) ?? TIMING, 'i');
  const stop = acronyms(rule);
  const { text, cased } = ctx.n;
  const hits: Hit[] = [];
  ACTION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ACTION.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    const clause = clauseOf(ctx, s);
    const sent = sentenceOf(ctx, s);
    const prefix = text.slice(Math.max(clause.start, s - 80), s);
    const sentPrefix = text.slice(Math.max(sent.start, s - 80), s);
    const imperative = FILLER_PREFIX.test(prefix) || ADVICE_PREFIX.test(sentPrefix) || ADVICE_PREFIX.test(prefix);
    if (!imperative) continue;
    if (/\b(?:don't|do not|never|not|no need to|avoid|stop|won't)\s+(?:\w+\s+)?$/.test(sentPrefix)) continue;
    if (/\bwhy (?:do|did|would|should) (?:i|we|you|people|investors)\b/.test(sentPrefix)) continue;
    const objEnd = Math.min(sent.end, e + 90);
    const objCased = cased.slice(e, objEnd);
    let objLower = text.slice(e, objEnd);
    // "Buy now!" after a sentence about the asset: read the previous sentence as the object
    if (objLower.replace(/[^a-z$]/g, '').length < 4 || /^\s*(?:now|today|it|them|this|these)\b/.test(objLower)) {
      const si = ctx.sentences.indexOf(sent);
      if (si > 0) objLower += ' ' + text.slice(ctx.sentences[si - 1].start, ctx.sentences[si - 1].end);
    }
    const sentCased = cased.slice(sent.start, sent.end);
    const sentLower = text.slice(sent.start, sent.end);
    let named = false;
    if (/\$[A-Za-z]{1,5}\b/.test(objCased) || /\$[A-Za-z]{1,5}\b/.test(cased.slice(sent.start, s))) named = true;
    if (!named && /[a-z]/.test(sentCased)) {
      const tick = objCased.match(/\b[A-Z]{2,5}\b/g) ?? [];
      if (tick.some((t) => !stop.has(t))) named = true;
    }
    if (!named && /(?:[A-Z][\w&'.-]*\s+){1,5}(?:Fund|ETF|Trust|Portfolio|Strategy|Annuity|Program|Model|Index Fund|Notes?|Bonds?|Shares|Income Fund|Growth Fund|Opportunities|Plan)\b/.test(objCased)) named = true;
    if (!named) {
      const first = objCased.match(/^\s*(?:some |a little |more |shares of |a position in |a stake in |your |the )?([A-Z][a-zA-Z&.'-]+(?:\s+[A-Z][a-zA-Z&.'-]+)?)/);
      if (first && !COMMON_CAPS.has(first[1].split(/\s+/)[0].toLowerCase())) named = true;
    }
    const assetHit = asset.test(objLower);
    const timed = timing.test(sentLower);
    if (named || (assetHit && timed)) {
      hits.push({ start: s, end: Math.max(e, Math.min(objEnd, clause.end)) });
    }
  }
  return hits;
};

/** Upper-cased acronyms that are not tickers, per rule (built once, not on every post). */
const STOP_ACRONYMS = new WeakMap<RuleDefinition, Set<string>>();
function acronyms(rule: RuleDefinition): Set<string> {
  let stop = STOP_ACRONYMS.get(rule);
  if (!stop) STOP_ACRONYMS.set(rule, (stop = new Set<string>(((rule.params?.acronyms as string[]) ?? ACRONYMS).map((s) => s.toUpperCase()))));
  return stop;
}

const ASSETS =
  "\\b(?:stocks?|equit(?:y|ies)|bonds?|cds?|cd ladders?|treasur(?:y|ies)|t-bills?|gold|silver|cash|value|growth|small[- ]caps?|large[- ]caps?|mid[- ]caps?|tech|energy|utilities|financials|reits?|money[- ]market|dividend\\w*|international|emerging markets?|real estate|commodit\\w*|crypto|bitcoin|annuit\\w*|munis?|municipal bonds?|high[- ]yield|junk bonds|index funds?|funds?|etfs?|shares|the market|the dip|defensive\\w*|cyclicals?|sectors?|healthcare|banks|oil|china|japan|europe|the s&p|s&p 500|nasdaq|dow|semis|semiconductors?|ai stocks|mega[- ]caps?|magnificent seven|equities)\\b";
const TIMING =
  "\\b(?:now|today|tonight|this (?:week|month|year|quarter|morning|friday|monday)|right now|immediately|asap|before (?:the|it|they|year[- ]end|earnings|friday|monday|rates|prices|\\w+day|it's too late|q\\d|next|\\w+ earnings)|while (?:it's|it is|they're|they are|prices are|it's still|stocks are|rates are|you can)|on (?:this|the) dip|the dip|tomorrow|next week|by (?:friday|monday|year[- ]end|month[- ]end|the end of)|half|all of|everything|at least|going into|ahead of|this fall|this spring|this summer|this winter|in 2\\d{3}|for 2\\d{3}|cheap|on sale|time to|now's the time|it's time)\\b|\\d+(?:\\.\\d+)?\\s?%|\\$\\d";
const ACRONYMS = [
  'IRA', 'IRAS', 'ROTH', 'ETF', 'ETFS', 'CFP', 'CFA', 'CPA', 'SEC', 'FINRA', 'FDIC', 'SIPC', 'RMD', 'RMDS', 'CD', 'CDS', 'HSA', 'FSA', 'USA', 'US',
  'IRS', 'LLC', 'CEO', 'CFO', 'FAQ', 'ESG', 'AI', 'GDP', 'CPI', 'FED', 'FOMC', 'REIT', 'REITS', 'NYSE', 'DOW', 'RSVP', 'OK', 'TV', 'PM', 'AM',
  'ET', 'PT', 'EST', 'PST', 'DM', 'NOW', 'ALL', 'THE', 'AND', 'FOR', 'YOU', 'NOT', 'BUY', 'SELL', 'HOLD', 'IPO', 'ACA', 'COLA', 'SS', 'SSA',
  'SSN', 'LTC', 'QCD', 'DAF', 'ACH', 'APY', 'APR', 'EFT', 'UTMA', 'UGMA', 'HELOC', 'ABLE', 'RIA', 'BD', 'IAR', 'CRD', 'Q1', 'Q2', 'Q3', 'Q4',
  'YTD', 'YOY', 'EPS', 'PE', 'ROI', 'MBA', 'JD', 'PHD', 'RN', 'MD', 'CHFC', 'CLU', 'EA', 'SBA', 'LLP', 'NYC', 'LA', 'DC', 'PTO', 'HR', 'IT',
  'FYI', 'ASAP', 'TBD', 'NASDAQ', 'TIPS', 'ESPP', 'RSU', 'RSUS', 'ESOP', 'MAGI', 'AGI', 'HDHP', 'PPO', 'HMO', 'COBRA', 'TSP', 'FERS', 'QDRO',
  'SEP', 'SIMPLE', 'IRMAA', 'MYGA', 'FIA', 'SPIA', 'UK', 'EU', 'GOP', 'DIY', 'FOMO', 'YOLO', 'ATH', 'USD', 'FX', 'S', 'P', 'A', 'I', 'OR', 'AT',
  'IN', 'ON', 'TO', 'OF', 'BE', 'IS', 'IF', 'SO', 'NO', 'MY', 'UP', 'GO', 'WE', 'ME', 'DO', 'BY', 'AN', 'AS', 'NEW', 'BIG', 'TOP', 'FREE', 'LIVE',
];
const COMMON_CAPS = new Set([
  'i', 'the', 'a', 'an', 'my', 'our', 'your', 'some', 'more', 'this', 'that', 'these', 'those', 'it', 'all', 'any', 'everything', 'cash', 'stocks',
  'bonds', 'gold', 'now', 'today', 'here', 'there', 'what', 'when', 'how', 'why', 'if', 'and', 'or', 'but', 'yes', 'no', 'on', 'in', 'into', 'to',
  'with', 'for', 'at', 'by', 'from', 'of', 'up', 'out', 'down', 'time', 'value', 'growth', 'tech', 'energy', 'real', 'index', 'roth', 'ira',
  'social', 'medicare', 'treasury', 'treasuries', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'us', 'we', 'you', 'they',
  'he', 'she', 'their', 'his', 'her', 'its', 'new', 'big', 'small', 'one', 'two', 'three', 'every', 'each', 'both', 'most', 'much', 'less',
  'international', 'emerging', 'dividend', 'dividends', 'municipal', 'high', 'short', 'long', 'don\'t', 'just', 'please', 'also', 'then',
]);

// ------------------------------------------------------------------ quoted praise
export const quotedPraise: Detector = (ctx, rule) => {
  const praise = rx((rule.params?.praise as string) ?? '\\bthank', 'i');
  const { text } = ctx.n;
  const hits: Hit[] = [];
  // the text around a quote can only name someone famous when the whole post may
  const famous = mayMatch(ctx, FAMOUS_RE.source);
  for (const q of ctx.quotes) {
    const inner = text.slice(q.start + 1, q.end - 1);
    if (inner.length < 8) continue;
    const after = text.slice(q.end, Math.min(text.length, q.end + 90));
    const before = text.slice(Math.max(0, q.start - 90), q.start);
    if (famous && (FAMOUS_RE.test(after.split(/\n\s*\n/)[0]) || FAMOUS_RE.test(before.slice(-60)))) continue;
    const clientAttr =
      /^\s*[,.!?]?\s*[\u2014-]{1,2}\s*[^\n]{0,40}\b(?:client|customer)s?\b/.test(after) ||
      /^[\s,]*(?:a |one |my |our |another )?(?:\w+ )?(?:client|customer)s? (?:said|says|wrote|told|texted|shared|emailed|put it)/.test(after) ||
      /(?:client|customer)s? (?:\w+ ){0,3}(?:said|says|say|wrote|write|told (?:me|us)|tell (?:me|us)|texted|emailed|shared|put it|left (?:us|me)?)[^"]{0,16}$/.test(before);
    const isPraise = praise.test(inner);
    const person = /\b(?:i|we|my|our|me|us|you|your|you're|you've|he|she|they|them)\b/.test(inner);
    const selfQuote = /\b(?:i|we) (?:always |often |like to |love to )?(?:say|tell|said|told)\b[^"]{0,20}$|\b(?:motto|mission|mantra|tagline|slogan|philosophy|as i)\b[^"]{0,20}$/.test(before);
    const question = /\?\s*$/.test(inner) && !isPraise;
    if (question) continue;
    const aboutAdvisor = /\b(?:you|your|you've|you're|they|them|their|he|she|him|the team|this team|the firm|(?:his|her|their) team)\b/.test(inner);
    const attributed = /^\s*[,.!?]?\s*[\u2014-]{1,2}\s*[a-z][a-z.'&]*(?:\s+(?:&|and)?\s*[a-z][a-z.'&]*){0,3}\s*(?:$|\n|,)/.test(after);
    if (((clientAttr || attributed) && (isPraise || aboutAdvisor)) || (isPraise && person && !selfQuote)) {
      hits.push({ start: q.start, end: q.end, absorbs: { start: q.start, end: q.end } });
    }
  }
  return hits;
};

// ------------------------------------------------------------------ PII
export const piiDetector: Detector = (ctx) => {
  const matches = detectPii(ctx.n.original, { mode: 'post' });
  return matches
    .filter((m) => m.kind !== 'person')
    .map((m) => ({
      start: m.start,
      end: m.end,
      space: 'orig' as const,
      excerpt: maskPii(m.kind, m.text),
      message: `Contains a personal identifier (${m.kind.replace('_', ' ')}): ${maskPii(m.kind, m.text)}. Remove it before publishing.`,
    }));
};

// ------------------------------------------------------------------ restricted topics
/** A known topic's patterns as one alternation (scanned per post with the patterns it may contain). */
const TOPIC_PATTERNS = new WeakMap<object, Alternation>();
export const restrictedTopic: Detector = (ctx, rule) => {
  const hits: Hit[] = [];
  const { text } = ctx.n;
  for (const topic of ctx.restrictedTopics) {
    const lex = lookupTopic(topic);
    let re: RegExp | null;
    if (lex) {
      let alt = TOPIC_PATTERNS.get(lex);
      if (!alt) TOPIC_PATTERNS.set(lex, (alt = new Alternation(lex.patterns, 'gi', (ps) => ps.join('|'))));
      re = alt.regexFor(ctx.prefilter ? postGrams(ctx) : null);
      if (!re) continue;
    } else re = rx(fallbackTopicPattern(topic), 'gi');
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = re.exec(text)) && count < 3) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      count++;
      const sev = ctx.topicSeverity[topic] ?? ctx.topicSeverity[topic.toLowerCase()] ?? rule.severity;
      hits.push({ start: m.index, end: m.index + m[0].length, space: 'norm', severity: sev, message: `Touches a topic your firm restricts (${topic}). Remove it or get compliance sign-off under the firm's policy.` });
    }
  }
  return hits;
};

// ------------------------------------------------------------------ client confidentiality
const HONORIFIC = '(?:mr|mrs|ms|miss|mx|dr|prof)\\.?';
const NAME_STOP = new Set([
  'the', 'a', 'an', 'who', 'this', 'that', 'these', 'i', 'we', 'you', 'he', 'she', 'they', 'last', 'today', 'yesterday', 'recently', 'just',
  'finally', 'and', 'when', 'after', 'before', 'at', 'in', 'on', 'asked', 'said', 'told', 'called', 'came', 'had', 'has', 'was', 'is', 'are',
  'were', 'it', 'my', 'our', 'your', 'their', 'his', 'her', 'of', 'for', 'with', 'from', 'to', 'recently', 'once', 'also', 'here', 'there',
]);

interface ClientName {
  first: string;
  last: string;
  /** the first name, escaped for a pattern */
  f: string;
  /** the full name, "Mr. Last", "the Lasts", "the Last family" (or the first name alone) in folded lower-case text */
  pattern: RegExp;
}

/** A client name's parts and pattern, built once per name (names recur on every post of a meeting). */
const CLIENT_NAMES = new Map<string, ClientName | null>();
function clientName(raw: string): ClientName | null {
  let name = CLIENT_NAMES.get(raw);
  if (name !== undefined) return name;
  const parts = foldAccents(raw.toLowerCase()).replace(/[^\p{L}\s'-]/gu, ' ').split(/\s+/).filter(Boolean);
  name = null;
  if (parts.length) {
    const first = parts[0];
    const last = parts.length > 1 ? parts[parts.length - 1] : '';
    const f = escapeRegExp(first);
    const l = escapeRegExp(last);
    const patterns: string[] = [];
    if (last) {
      patterns.push(`\\b${f}(?:\\s+[a-z]\\.?)?(?:\\s+${parts.slice(1, -1).map(escapeRegExp).join('\\s+')})?\\s+${l}(?:'s)?\\b`);
      patterns.push(`\\b${HONORIFIC}\\s+(?:and\\s+${HONORIFIC}\\s+)?${l}\\b`);
      patterns.push(`\\bthe\\s+${l}(?:s|es)\\b`);
      patterns.push(`\\b(?:the\\s+)?${l}(?:'s)?\\s+(?:family|household|kids|children|couple|clan|estate|trust|family's)\\b`);
    } else {
      patterns.push(`\\b${f}\\b`);
    }
    name = { first, last, f, pattern: rx(patterns.join('|'), 'g') };
  }
  if (CLIENT_NAMES.size > 1000) CLIENT_NAMES.clear(); // names come from requests: keep the cache bounded
  CLIENT_NAMES.set(raw, name);
  return name;
}

/** Whether the text names someone "<first> <Other>", another person with the client's first name. */
function namesDifferentPerson(foldedCased: string, f: string, last: string): boolean {
  const r = rx(`\\b${f}\\s+([A-Z][a-z'-]+)`, 'gi');
  r.lastIndex = 0;
  let mm: RegExpExecArray | null;
  while ((mm = r.exec(foldedCased))) {
    const next = mm[1].toLowerCase();
    if (next !== last && /^[A-Z]/.test(mm[1]) && !NAME_STOP.has(next)) return true;
  }
  return false;
}

/** The rule's "role at a named employer" patterns (matched case-sensitively on the cased text). */
const ROLE_AT = new WeakMap<RuleDefinition, Alternation>();
function roleAtPattern(rule: RuleDefinition): Alternation {
  let alt = ROLE_AT.get(rule);
  if (!alt) {
    const p = rule.params ?? {};
    alt = new Alternation([(p.roleAtEmployer as string) ?? '(?!)', (p.employerRole as string) ?? '(?!)'], 'g', (ps) => ps.join('|'));
    ROLE_AT.set(rule, alt);
  }
  return alt;
}

export const clientConfidential: Detector = (ctx, rule) => {
  const p = rule.params ?? {};
  const privateRe = rx((p.privateDetail as string) ?? '\\binherit', 'i');
  const advisoryRe = rx((p.advisoryWork as string) ?? '\\bclient', 'i');
  const colleagueRe = rx((p.colleague as string) ?? '\\bcolleague', 'i');
  const descriptorSrc = (p.descriptor as string) ?? '(?!)';
  const descriptorRe = rx(descriptorSrc, 'gi');
  const localityRe = rx((p.locality as string) ?? '(?!)', '');
  const roleAt = roleAtPattern(rule);
  const { text, cased } = ctx.n;
  const folded = foldAccents(text);
  const foldedCased = ctx.clientNames.length ? foldAccents(cased) : cased;
  const hits: Hit[] = [];
  const sentText = (s: Span) => text.slice(s.start, s.end);

  // 1. names from context (clientNames and the meeting's attendees)
  for (const raw of ctx.clientNames) {
    const name = clientName(raw);
    if (!name) continue;
    const { first, last, f } = name;
    let m: RegExpExecArray | null;
    const matched: Span[] = [];
    // every alternative of the name pattern contains the last name (the first name when there is none) verbatim
    if (folded.includes(last || first)) {
      const re = name.pattern;
      re.lastIndex = 0;
      while ((m = re.exec(folded))) {
        matched.push({ start: m.index, end: m.index + m[0].length });
        hits.push({ start: m.index, end: m.index + m[0].length, message: `Names a client (${raw.split(/\s+/)[0]}…). Under Reg S-P the client relationship itself is confidential; remove the name unless the client consented in writing.` });
      }
    }
    // first name alone, tied to advisory work or private circumstances
    if (last && first.length >= 2) {
      const casedFirst = rx(`(?<![\\p{L}])${f}(?![\\p{L}])`, 'giu');
      // a different full name with the same first name means a different person: no first-name
      // hits at all (decided at the first occurrence, as most posts never mention the first name)
      let differentPerson: boolean | undefined;
      casedFirst.lastIndex = 0;
      let mm: RegExpExecArray | null;
      while ((mm = casedFirst.exec(folded))) {
        if ((differentPerson ??= namesDifferentPerson(foldedCased, f, last))) break;
        const s = mm.index;
        const e = s + mm[0].length;
        if (matched.some((x) => x.start <= s && e <= x.end)) continue;
        // must be capitalised in the original (a name, not the word "rose"/"will")
        if (!/^[A-Z]/.test(cased.slice(s, e))) continue;
        const sent = findSpan(ctx.sentences, s) ?? { start: 0, end: text.length };
        const st = sentText(sent);
        if (colleagueRe.test(st)) continue;
        const after = folded.slice(e, Math.min(sent.end, e + 40));
        const possessiveMoney = /^'s\s+(?:\w+\s+)?(?:ira|roth|401\(?k\)?|403\(?b\)?|rollover|account|portfolio|plan|estate|trust|inheritance|taxes|tax|mortgage|retirement|pension|annuity|balance|savings|investments?|divorce|diagnosis|house|home|business|paperwork|will|beneficiar\w*|529|college|finances|income|debt|loan|bonus|severance|stock|shares|options|treatment|surgery|health|care|new job|job|layoff|sale)\b/.test(after);
        const addressed = /^,\s/.test(after) && /\b(?:your|you)\b/.test(st) && (s === sent.start || /^(?:hi|hey|dear|congrats|congratulations|thanks|thank you)\b/.test(text.slice(sent.start, s).trim()));
        const tied = privateRe.test(st) || advisoryRe.test(st);
        if (possessiveMoney || addressed || tied) {
          hits.push({ start: s, end: e, message: `Mentions client ${raw.split(/\s+/)[0]} in a way that ties them to advisory work or private circumstances. Remove the name unless the client consented in writing.` });
        }
      }
    }
  }

  // 2. "my client Tom Baker", "Tom Baker, a client of ours"
  const clientNamed = /\b(?:[Mm]y|[Oo]ur|[Aa]|[Oo]ne of (?:my|our)|[Ww]elcom(?:e|ing)(?: our)?(?= [Nn]ew| [Ll]ong)|[Cc]ongrats to(?: our)?|[Cc]ongratulations to(?: our)?) (?:(?:long-?time|new|dear|favorite|wonderful|retired|amazing|first|newest) )?(?:clients?|customers?),?\s+(?:named\s+)?((?:[A-Z][a-z'-]+)(?:\s+(?:and|&)\s+[A-Z][a-z'-]+)?(?:\s+[A-Z][a-z'-]+)?)/g;
  let m: RegExpExecArray | null;
  // both patterns are case-sensitive and spell out "client" (or "customer")
  const saysClient = cased.includes('client');
  clientNamed.lastIndex = 0;
  while ((saysClient || cased.includes('customer')) && (m = clientNamed.exec(cased))) {
    const name = m[1];
    const firstTok = name.split(/\s+/)[0].toLowerCase();
    if (NAME_STOP.has(firstTok) || COMMON_CAPS.has(firstTok) || FAMOUS_RE.test(name.toLowerCase())) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, message: 'Identifies a named person as a client. The client relationship is nonpublic personal information under Reg S-P.' });
  }
  const nameClient = /\b([A-Z][a-z'-]+(?:\s+(?:and|&)\s+[A-Z][a-z'-]+)?\s+[A-Z][a-z'-]+),?\s+(?:(?:a|one of (?:my|our)|my|our)\s+(?:(?:long-?time|longtime|new|dear|retired) )?clients?|(?:long-?time |longtime )?clients? of (?:ours|mine))\b/g;
  nameClient.lastIndex = 0;
  while (saysClient && (m = nameClient.exec(cased))) {
    const firstTok = m[1].split(/\s+/)[0].toLowerCase();
    if (NAME_STOP.has(firstTok) || COMMON_CAPS.has(firstTok)) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, message: 'Identifies a named person as a client. The client relationship is nonpublic personal information under Reg S-P.' });
  }

  // 2b. honorific + surname, or "the Lee family" / "the Lees", tied to private details or advisory work
  const honor = /\b(?:(?:Mr|Mrs|Ms|Dr|Mx)\.?\s+(?:and\s+(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][a-z'-]+)|[Tt]he\s+([A-Z][a-z'-]+?)(?:s|es)?\s+(?:family|household|home|house|estate|kids|children|couple)\b|[Tt]he\s+([A-Z][a-z'-]+(?:s|es))\b)/g;
  honor.lastIndex = 0;
  while ((m = honor.exec(cased))) {
    const name = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
    if (!name || NAME_STOP.has(name) || COMMON_CAPS.has(name) || NOT_PERSON.test(m[1] ?? m[2] ?? m[3] ?? '') || FAMOUS_RE.test(name)) continue;
    const sent = findSpan(ctx.sentences, m.index) ?? { start: 0, end: text.length };
    const st = sentText(sent);
    if (PUBLIC_FIGURE_CUE.test(st) || colleagueRe.test(st)) continue;
    if (m[3] && !/(?:[^s]s|es)$/.test(m[3])) continue;
    if (privateRe.test(st) && (advisoryRe.test(st) || m[1] || m[2] || /\b(?:account|wire|transfer|paperwork|documents?|forms?|plan|trust|estate|will)\b/.test(st))) {
      hits.push({ start: m.index, end: m.index + m[0].length, message: 'Identifies a person or family in the context of their private financial situation or advisory work.' });
    }
  }

  // 3. person names (NER plugin when present) in sentences about advisory work AND private details
  // a sentence can only match what the whole post may contain
  const candidates = mayMatch(ctx, advisoryRe.source) && mayMatch(ctx, privateRe.source);
  const candidateSentences = !candidates ? [] : ctx.sentences.filter((s) => {
    const st = sentText(s);
    return advisoryRe.test(st) && privateRe.test(st) && !colleagueRe.test(st);
  });
  if (candidateSentences.length) {
    const persons: Span[] = [];
    if (ctx.nlp) {
      // run the (slower) NER only on the candidate sentences, mapped back to the original text
      for (const cs of candidateSentences) {
        const os = ctx.n.origStart[cs.start];
        const oe = ctx.n.origEnd[cs.end - 1];
        for (const p of ctx.nlp.findPersons(ctx.n.original.slice(os, oe))) {
          persons.push({ start: origToNorm(ctx, os + p.start), end: origToNorm(ctx, os + p.end - 1) + 1 });
        }
      }
    } else {
      const big = /\b([A-Z][a-z'-]+)\s+([A-Z][a-z'-]+(?:-[A-Z][a-z'-]+)?)\b/g;
      while ((m = big.exec(cased))) {
        const a = m[1].toLowerCase();
        if (NAME_STOP.has(a) || COMMON_CAPS.has(a) || NOT_PERSON.test(m[0]) || /ing$/.test(a)) {
          big.lastIndex = m.index + m[1].length + 1;
          continue;
        }
        persons.push({ start: m.index, end: m.index + m[0].length });
      }
    }
    for (const p of persons) {
      const sent = findSpan(candidateSentences, p.start);
      if (!sent) continue;
      const name = text.slice(p.start, p.end);
      if (FAMOUS_RE.test(name) || PUBLIC_FIGURE_CUE.test(sentText(sent))) continue;
      const st = sentText(sent);
      // the person must be the one being helped: "helping X", "X just inherited", "with X", "X's"
      if (!/\b(?:helping|helped|with|for|congrat\w*|client|proud of|welcome|meet)\b/.test(st) && !/'s\b/.test(text.slice(p.end, p.end + 2))) continue;
      hits.push({ start: p.start, end: p.end, message: 'Reveals a person\'s private financial, health or family situation in the context of advisory work.' });
    }
  }

  // 4. identifiable without a name: a narrow descriptor + locality + private details
  descriptorRe.lastIndex = 0;
  const maybeDescriptor = mayMatch(ctx, descriptorSrc) && /\b(?:chief|sheriff|mayor|town|principal|superintendent|pastor|priest|rabbi|imam|coach|owner|founder|ceo|only)\b/.test(text);
  while (maybeDescriptor && (m = descriptorRe.exec(text))) {
    const sent = findSpan(ctx.sentences, m.index) ?? { start: 0, end: text.length };
    const st = sentText(sent);
    const stCased = cased.slice(sent.start, sent.end);
    const local = /\bonly\b/.test(m[0]) || /\b(?:only|small town|our town)\b/.test(st) || localityRe.test(stCased) || /\b(?:of|at) [a-z']+$/.test(m[0]);
    if (local && privateRe.test(st.replace(m[0], ''))) hits.push({ start: m.index, end: m.index + m[0].length, message: 'Describes an identifiable person (role, place, situation) together with private details.' });
  }
  // case-sensitive on the cased text, which lower-cases to the indexed text unit for unit
  const roleAtRe = roleAt.regexFor(ctx.prefilter ? postGrams(ctx) : null);
  if (roleAtRe) roleAtRe.lastIndex = 0;
  while (roleAtRe && (m = roleAtRe.exec(cased))) {
    const sent = findSpan(ctx.sentences, m.index) ?? { start: 0, end: text.length };
    const st = sentText(sent);
    if (colleagueRe.test(st) && !/\b(?:my|our|a) clients?\b/.test(st)) continue;
    if (advisoryRe.test(st) && privateRe.test(st.replace(text.slice(m.index, m.index + m[0].length), ''))) {
      hits.push({ start: m.index, end: m.index + m[0].length, message: 'Describes an identifiable client (role at a named employer) together with private details.' });
    }
  }
  return hits;
};

const NOT_PERSON =
  /\b(?:Fund|Funds|Bank|Street|Association|Group|Capital|Financial|Partners|University|College|School|Hospital|Church|Center|Centre|Inc|Corp|Company|Trust|Foundation|Index|Market|Markets|Security|Securities|Reserve|Treasury|Day|Year|Plan|Act|Rule|Club|Chamber|Council|County|City|Park|Lake|River|Valley|Avenue|Road|Lane|Drive|Insurance|Investments?|Advisors?|Advisers?|Wealth|Management|Services|Estate|Planning|Retirement|Income|Growth|Dividend|Global|American|National|United|States|New|North|South|East|West|Social|Medicare|Medicaid|Roth|Traditional|Health|Savings|Account|Office|Team|Main|Business|Small|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Happy|Thanksgiving|Christmas|Easter|Memorial|Labor|Independence|Veterans|Mother|Father|LinkedIn|Facebook|Google|Zoom|Stanford|Harvard|Yale|Dow|Jones|Nasdaq|Vanguard|Fidelity|Schwab|Morningstar|Bloomberg)\b/;
const PUBLIC_FIGURE_CUE = /\b(?:ceo of|founder of|senator|governor|president|billionaire|chairman|the fed|annual letter|headlines|news|reported|announced|celebrity)\b/;

function origToNorm(ctx: PostContext, origPos: number): number {
  // origStart is non-decreasing: binary search the first normalized unit at or after origPos
  const a = ctx.n.origStart;
  let lo = 0;
  let hi = a.length - 1;
  let ans = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] >= origPos) {
      ans = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return Math.max(0, ans);
}

export const DETECTORS: Record<string, Detector> = {
  trade_directive: tradeDirective,
  quoted_praise: quotedPraise,
  pii: piiDetector,
  restricted_topic: restrictedTopic,
  client_confidential: clientConfidential,
};

export { NEGATION_BEFORE_RE };
