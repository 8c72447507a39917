import { isSpaceCode, quoteSpans, splitSentences, type Span } from '../src/text';
import { normalize } from '../src/normalize';
import { loadCorpus } from './corpus-metrics';

// Reference versions written with the regular expressions the faster scanners replace:
// the scanners must split every text exactly as these do.
function quoteSpansByRegex(text: string): Span[] {
  const out: Span[] = [];
  const re = /"([^"\n]{2,600})"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  const sq = /(?:^|(?<=[\s(:]))'([^'\n]|'(?=[a-z])){8,400}?'(?=[\s,.;:!?\u2014-]|$)/g;
  while ((m = sq.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (m[0].split(/\s+/).length >= 3 && !out.some((q) => q.start < e && s < q.end)) out.push({ start: s, end: e });
  }
  return out.sort((a, b) => a.start - b.start);
}

const ABBREV = /(?:\b(?:mr|mrs|ms|dr|st|jr|sr|vs|etc|inc|co|corp|no|e\.g|i\.e|u\.s|a\.m|p\.m|approx|est|ave|rd|ln|blvd|sen|rep|gov|prof|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[a-z])\.$/;
function sentencesByRegex(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
      continue;
    }
    if (c === 46 || c === 33 || c === 63) {
      let j = i;
      while (j + 1 < n && /[.!?"')\]]/.test(text[j + 1])) j++;
      if (j + 1 < n && !/\s/.test(text[j + 1])) continue;
      if (c === 46 && j === i && ABBREV.test(text.slice(Math.max(start, i - 6), i + 1))) continue;
      out.push({ start, end: j + 1 });
      start = j + 1;
      i = j;
    }
  }
  if (start < n) out.push({ start, end: n });
  const res: Span[] = [];
  for (const s of out) {
    let a = s.start;
    let b = s.end;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) res.push({ start: a, end: b });
  }
  return res;
}

/** Deterministic texts made of the characters the scanners care about. */
function tricky(count: number): string[] {
  const pieces = ['but', 'though', 'although', 'however', 'yet', 'whereas', 'butter', 'yeti', ' ', '  ', '\u00a0', '\t', '\n', ',', '1,2', '3', '\u2014', '-', ' - ', ';', ':', '(', ')', "'", "it's", 'a', 'the plan', '.', '!', '?', '"', ']', 'dr.', 'e.g.', '\u2028', '\u3000'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    const len = 1 + Math.floor(rnd() * 40);
    for (let k = 0; k < len; k++) t += pieces[Math.floor(rnd() * pieces.length)];
    out.push(t);
  }
  return out;
}

const texts = [...loadCorpus().map((i) => normalize(i.content).text), ...tricky(3000)];

describe('text scanners', () => {
  it('isSpaceCode agrees with \\s for every UTF-16 unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('splitSentences splits exactly as the regex-based version did', () => {
    for (const text of texts) expect(splitSentences(text)).toEqual(sentencesByRegex(text));
    const text = 'dr. smith said "buy now!" then 3.5% fell.\nnew line';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['dr. smith said "buy now!"', 'then 3.5% fell.', 'new line']);
  });

  it('quoteSpans finds the quoted spans a /g scan finds', () => {
    for (const text of texts) expect(quoteSpans(text)).toEqual(quoteSpansByRegex(text));
    expect(quoteSpans("as i said, 'the plan comes first, always' and it's true")).toEqual([{ start: 11, end: 41 }]);
  });
});
