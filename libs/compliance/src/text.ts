/** Sentence and clause segmentation plus context cues on normalized text (domain guide §4.2–4.4). */

export interface Span {
  start: number;
  end: number;
}

const ABBREV = /(?:\b(?:mr|mrs|ms|dr|st|jr|sr|vs|etc|inc|co|corp|no|e\.g|i\.e|u\.s|a\.m|p\.m|approx|est|ave|rd|ln|blvd|sen|rep|gov|prof|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[a-z])\.$/;

/** Whether a UTF-16 unit is whitespace as the regex class \s sees it. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** . ! ? " ' ) ] : what may close a sentence after its final punctuation. */
const isCloserCode = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 34 || c === 39 || c === 41 || c === 93;

/** Sentences: split after . ! ? (not abbreviations/decimals), on line breaks, and around bullets. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  // only line breaks and . ! ? can end a sentence: let the regex engine find them
  const breaks = /[\n.!?]/g;
  let bm: RegExpExecArray | null;
  while ((bm = breaks.exec(text))) {
    const i = bm.index;
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
      continue;
    }
    // . ! ? followed by closing punctuation, then whitespace or the end
    let j = i;
    while (j + 1 < n && isCloserCode(text.charCodeAt(j + 1))) j++;
    if (j + 1 < n && !isSpaceCode(text.charCodeAt(j + 1))) continue;
    if (c === 46 && j === i && ABBREV.test(text.slice(Math.max(start, i - 6), i + 1))) continue;
    out.push({ start, end: j + 1 });
    start = j + 1;
    breaks.lastIndex = j + 1;
  }
  if (start < n) out.push({ start, end: n });
  // trim whitespace
  const res: Span[] = [];
  for (const s of out) {
    let a = s.start;
    let b = s.end;
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    if (b > a) res.push({ start: a, end: b });
  }
  return res;
}

const CLAUSE_BREAK = /(?<!\d),|,(?!\d)|(?<!\d)\u2014|\u2014(?!\d)|[;:()]|\s-\s|\s(?:but|although|though|however|yet|whereas)\s/g;

export function splitClauses(text: string, sentence: Span): Span[] {
  const s = text.slice(sentence.start, sentence.end);
  const out: Span[] = [];
  let last = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(s))) {
    if (m.index > last) out.push({ start: sentence.start + last, end: sentence.start + m.index });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ start: sentence.start + last, end: sentence.end });
  return out.length ? out : [sentence];
}

/** Binary search the span containing position `pos`. */
export function findSpan(spans: Span[], pos: number): Span | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Standard disclaimers and accurate descriptions of protection: never violations (§4.2). */
export const DISCLAIMER_RE =
  /past (?:performance|results|returns)(?: \w+){0,3} (?:is|are|does|do|may|can)(?:n't| not| no)|(?:does|do|did|can|will)(?:n't| not) (?:guarantee|assure|ensure|predict|indicate) (?:future|similar|comparable|any|a profit|profits|results|success)|(?:is|are) not (?:a )?(?:guarantee|indicative|predictive) of|no guarantees?\b|not guaranteed|(?:nothing|no (?:investment|strategy|product|one|fund|portfolio|asset|advisor|adviser|plan|approach|allocation))(?: \w+){0,3} (?:is|can|will|are)(?: \w+){0,2} (?:guarantee|risk[- ]free|safe|assure|promise|protect)|investing involves risk|involves? (?:risks?|the risk)|(?:possible|potential|including|risk of) (?:the )?loss of principal|may lose (?:value|money)|could lose money|not (?:individualized |personalized )?(?:investment|tax|legal|financial) advice|for (?:informational|educational|illustrative|illustration) purposes|illustration only|results (?:will|may|can) vary|actual results will vary|fdic[- ]insured|insured (?:by the fdic )?up to|up to (?:applicable|the) (?:limits?|\$)|sipc|claims[- ]paying ability|full faith and credit|not fdic|securities (?:are )?offered through|member finra|advisory services (?:are )?offered|diversification (?:and (?:asset allocation|rebalancing) )?(?:does|do) not|there is no (?:such thing|guarantee|way to guarantee)|no one can (?:predict|guarantee|promise|time)|nobody (?:can|knows)|can't (?:predict|guarantee|promise)|cannot (?:predict|guarantee|promise)|not a recommendation|consult (?:a|your) (?:tax|legal|financial)/;

/** Sentences that warn against or debunk a claim rather than make it. */
export const WARNING_RE =
  /\b(?:beware|be wary|be careful|be skeptical|skeptic\w*|red flags?|scams?|scammers?|fraud\w*|ponzi|too good to be true|run the other way|walk away|watch out|warning signs?|myths?|no such thing|(?:don't|do not|never) (?:believe|trust|fall for|buy into)|(?:anyone|someone|somebody|any advisor|an advisor|a salesperson|salespeople|a person|whoever|people) (?:who |that )?(?:\w+ )?(?:promis\w*|guarantee\w*|claims?|claiming|says?|tells?|pitch\w*|offers?|offering|swears?|touts?)|if (?:someone|anyone|an advisor|a salesperson|somebody)|hype|question (?:any|anyone|claims)|wary of|warn\w*|pitches|sales pitch|claims? of|promises of|(?:does|do|did|is|was)(?:n't| not) exist)\b/;

/** Hedges that turn a directional call into commentary when no number is given. */
export const HEDGE_RE = /\b(?:may|might|could|possibly|perhaps|maybe|likely|unlikely|probably|can't rule out|nobody knows|no one knows|who knows|if|whether|uncertain\w*|hard to (?:say|know|predict))\b/;

/** Negation cue that reverses the next phrase ("no one can guarantee", "doesn't promise"). */
export const NEGATION_BEFORE_RE =
  /(?:\b(?:not|never|nothing|nobody|none|neither|nor|cannot|can't|won't|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|shouldn't|couldn't|wouldn't|no one|no way to|nor|avoid|avoiding|beware of|myth of|instead of|rather than|free from the|stop chasing|don't chase)\b|\bno(?= (?:one|body|investment|strategy|fund|guarantees?|such|product|portfolio|stock|advisor|adviser|asset|plan|account|security|market|bond|annuity|approach|amount)\b)|n't)[^.!?]{0,40}$/;

/** Negation right after a phrase ("guaranteed returns don't exist", "risk-free? not really"). */
export const NEGATION_AFTER_RE =
  /^[^.!?,;]{0,25}?\b(?:(?:is|are|was|were|do|does)(?:n't| not)(?! only)|don't exist|doesn't exist|(?:is|are) (?:a )?(?:myth|fantasy|fiction|red flag|lie|scam)s?|are rare|aren't real|isn't real)\b/;

/** Famous investors, economists and public figures whose quotes are not testimonials or claims. */
export const FAMOUS_RE =
  /\b(?:warren buffett|buffett|charlie munger|munger|john bogle|jack bogle|bogle|benjamin graham|ben graham|peter lynch|ray dalio|dalio|john templeton|templeton|keynes|howard marks|philip fisher|george soros|soros|jesse livermore|mark twain|twain|albert einstein|einstein|ben(?:jamin)? franklin|franklin|churchill|paul samuelson|samuelson|jeremy siegel|burton malkiel|malkiel|morgan housel|housel|jim rogers|seth klarman|klarman|jerome powell|powell|janet yellen|yellen|jamie dimon|dimon|elon musk|musk|jeff bezos|bezos|oprah|suze orman|dave ramsey|ramsey|confucius|lao tzu|seneca|socrates|aristotle|shakespeare|yogi berra|abraham lincoln|lincoln|thomas edison|henry ford|steve jobs|maya angelou|eleanor roosevelt|franklin roosevelt|teddy roosevelt|theodore roosevelt|martin luther king|gandhi|will rogers|rumi|john maynard keynes|nick murray|carl richards|charles ellis|john c\. bogle)\b/;

/** A single-quoted statement, tried sticky at each apostrophe. */
const SINGLE_QUOTED = /(?:^|(?<=[\s(:]))'([^'\n]|'(?=[a-z])){8,400}?'(?=[\s,.;:!?\u2014-]|$)/y;

/** Double-quoted spans (after quote folding). */
export function quoteSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /"([^"\n]{2,600})"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  // single-quoted statements ('Best decision I ever made…'); apostrophes inside words are skipped
  if (text.indexOf("'") >= 0) {
    // a match starts at an apostrophe: try only those positions (same matches as a /g scan)
    let p = text.indexOf("'");
    while (p >= 0) {
      SINGLE_QUOTED.lastIndex = p;
      m = SINGLE_QUOTED.exec(text);
      if (m) {
        const s = m.index;
        const e = s + m[0].length;
        if (m[0].split(/\s+/).length >= 3 && !out.some((q) => q.start < e && s < q.end)) out.push({ start: s, end: e });
        p = text.indexOf("'", e);
      } else p = text.indexOf("'", p + 1);
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Strip diacritics for accent-insensitive name matching (keeps length per char where possible). */
const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]/g;
export function foldAccents(s: string): string {
  ACCENTED.lastIndex = 0;
  if (!ACCENTED.test(s)) return s;
  return s.replace(ACCENTED, (ch) => {
    const d = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return d.length === 1 ? d : ch;
  });
}
