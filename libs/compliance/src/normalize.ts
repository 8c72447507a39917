/**
 * Normalization with an offset map (domain guide §4.1). Every normalized UTF-16 unit i maps back
 * to the original span [origStart[i], origEnd[i]); a normalized span [a, b) maps to
 * [origStart[a], origEnd[b - 1]).
 */

export interface Normalized {
  /** Lower-cased normalized text: rules match here. */
  text: string;
  /** Same length and map as `text`, case preserved: tickers and names. */
  cased: string;
  origStart: Int32Array;
  origEnd: Int32Array;
  original: string;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const HYPHENS = /[\u2010\u2011\u2012\u2212\uFE63\uFF0D]/;
const DASHES = /[\u2013\u2014\u2015]/;

/** Words worth splitting out of all-lowercase or all-caps hashtags (#riskfree → risk free). */
const HASHTAG_VOCAB = [
  'guaranteed', 'guarantee', 'income', 'returns', 'return', 'risk', 'free', 'safe', 'money', 'retirement',
  'retire', 'early', 'wealth', 'growth', 'invest', 'investing', 'investment', 'stocks', 'stock', 'crypto',
  'bitcoin', 'passive', 'financial', 'freedom', 'planning', 'plan', 'advisor', 'best', 'top', 'sure', 'thing',
  'cant', 'lose', 'never', 'profit', 'profits', 'gains', 'gold', 'options', 'trading', 'market', 'markets',
  'bull', 'run', 'to', 'the', 'moon', 'double', 'your', 'rich', 'get', 'quick', 'no', 'zero', 'tax', 'smart',
  'estate', 'family', 'finance', 'finances', 'personal', 'client', 'love', 'win', 'winning', 'secret',
  'bulletproof', 'locked', 'in', 'only', 'up', 'goes', 'lifetime', 'for', 'life', 'cannabis', 'annuity',
  'annuities', 'metals', 'precious', 'silver', 'pre', 'ipo', 'leveraged', 'etf', 'etfs',
].sort((a, b) => b.length - a.length);

function segmentLowerHashtag(word: string): string {
  // Greedy longest-match segmentation; unknown letters stay glued to their neighbours.
  const out: string[] = [];
  let i = 0;
  let pending = '';
  while (i < word.length) {
    let hit = '';
    for (const v of HASHTAG_VOCAB) {
      if (v.length > 1 && word.startsWith(v, i)) {
        hit = v;
        break;
      }
    }
    if (hit) {
      if (pending) out.push(pending), (pending = '');
      out.push(hit);
      i += hit.length;
    } else {
      pending += word[i];
      i++;
    }
  }
  if (pending) out.push(pending);
  // Only accept a segmentation in which most letters fell into known words.
  const known = out.filter((w) => HASHTAG_VOCAB.includes(w)).join('').length;
  return known >= word.length * 0.75 ? out.join(' ') : word;
}

/** Three single letters joined by spaces, dots or hyphens ("r i s", "s.u.r", "R-I-S"), not inside a word. */
const SPACED_LETTERS = /(?<![A-Za-z0-9.'-])[A-Za-z](?:[ .-][A-Za-z]){2}(?![A-Za-z0-9])/;

/** Printable ASCII (and controls) only: the regex engine scans this several times faster than a charCodeAt loop. */
const NON_ASCII = /[^\x00-\x7e]/;

/** 0, 1, 2, …: identity offsets, copied in bulk (grown on demand). */
let IDENTITY = new Int32Array(0);
function identityTo(n: number): Int32Array {
  if (IDENTITY.length < n) {
    IDENTITY = new Int32Array(Math.max(n, IDENTITY.length * 2, 4096));
    for (let i = 0; i < IDENTITY.length; i++) IDENTITY[i] = i;
  }
  return IDENTITY;
}

/** A growable pair of offset arrays (the normalized text's map to the original). */
class MapBuilder {
  private s: Int32Array;
  private e: Int32Array;
  private n = 0;

  constructor(capacity: number) {
    this.s = new Int32Array(capacity);
    this.e = new Int32Array(capacity);
  }

  private reserve(extra: number): void {
    if (this.n + extra <= this.s.length) return;
    const size = Math.max(this.n + extra, this.s.length * 2);
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    s.set(this.s.subarray(0, this.n));
    e.set(this.e.subarray(0, this.n));
    this.s = s;
    this.e = e;
  }

  push(start: number, end: number): void {
    this.reserve(1);
    this.s[this.n] = start;
    this.e[this.n] = end;
    this.n++;
  }

  /** Append entries mapping each unit of [from, to) to itself. */
  identity(from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    const id = identityTo(to + 1);
    this.s.set(id.subarray(from, to), this.n);
    this.e.set(id.subarray(from + 1, to + 1), this.n);
    this.n += to - from;
  }

  /** Append entries [from, to) of another map. */
  copy(starts: Int32Array, ends: Int32Array, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.s.set(starts.subarray(from, to), this.n);
    this.e.set(ends.subarray(from, to), this.n);
    this.n += to - from;
  }

  starts(): Int32Array {
    return this.s.subarray(0, this.n);
  }

  ends(): Int32Array {
    return this.e.subarray(0, this.n);
  }
}

/** One non-ASCII character (code point `cp`, string `ch`) as it reads in the normalized text. */
function foldChar(cp: number, ch: string): string {
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad || cp === 0xfe0e || cp === 0xfe0f) return '';
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (HYPHENS.test(ch)) return '-';
  if (DASHES.test(ch)) return '\u2014';
  if (cp === 0x00a0 || cp === 0x202f) return ' ';
  let folded = NFKC.get(cp);
  if (folded === undefined) {
    folded = ch.normalize('NFKC');
    if (NFKC.size < 4096) NFKC.set(cp, folded);
  }
  return folded;
}
/** NFKC per code point: posts repeat the same few emoji and symbols, and each ICU call costs. */
const NFKC = new Map<number, string>();

/** A hashtag's body with U+0000 where a word boundary falls (#GuaranteedIncome, #riskfree). */
function hashtagPieces(body: string): string {
  let pieces: string;
  if (/[a-z]/.test(body) && /[A-Z]/.test(body.slice(1))) {
    pieces = body.replace(/([a-z])([A-Z])/g, '$1\u0000$2').replace(/([A-Z])([A-Z][a-z])/g, '$1\u0000$2');
  } else {
    const seg = segmentLowerHashtag(body.toLowerCase());
    // re-apply the original letters (keep case) using the segmentation boundaries
    let p = '';
    let j = 0;
    for (const ch of seg) {
      if (ch === ' ') p += '\u0000';
      else p += body[j++];
    }
    pieces = p;
  }
  return pieces.replace(/_/g, '\u0000');
}

export function normalize(original: string): Normalized {
  // Fast path: printable ASCII without hashtags or spaced letters maps one to one.
  if (!NON_ASCII.test(original) && original.indexOf('#') < 0 && !SPACED_LETTERS.test(original)) {
    const id = identityTo(original.length + 1);
    const origStart = id.slice(0, original.length);
    const origEnd = id.slice(1, original.length + 1);
    return { text: original.toLowerCase(), cased: original, origStart, origEnd, original };
  }
  // Pass 1: per code point NFKC + folding, keeping the origin of each output unit. ASCII runs are
  // copied in bulk; only non-ASCII code points are examined one by one. Most characters map to
  // one unit; the map grows on the rare expansions (NFKC can turn one character into many).
  const len0 = original.length;
  const map1 = new MapBuilder(len0 + 16);
  let out1 = '';
  // whether any Latin-1/Latin Extended, Greek or Cyrillic letter made it into the text (pass 3)
  let accented = false;
  const nonAscii = /[^\x00-\x7e]/g;
  for (let i = 0; i < len0; ) {
    nonAscii.lastIndex = i;
    const nm = nonAscii.exec(original);
    const j = nm ? nm.index : len0;
    if (j > i) {
      out1 += original.slice(i, j);
      map1.identity(i, j);
      i = j;
      if (i >= len0) break;
    }
    const cp = original.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const out = foldChar(cp, original.slice(i, i + len));
    out1 += out;
    for (let q = 0; q < out.length; q++) {
      map1.push(i, i + len);
      const c = out.charCodeAt(q);
      if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff)) accented = true;
    }
    i += len;
  }
  let cased = out1;
  let mapStart = map1.starts();
  let mapEnd = map1.ends();

  // Pass 2: hashtags → words (#GuaranteedIncome → " guaranteed income"). '#' becomes a space.
  // Unchanged text between hashtags is copied as slices, its map as typed-array ranges.
  if (/#[A-Za-z]/.test(cased)) {
    const map = new MapBuilder(cased.length + 64);
    let out = '';
    const re = /#([A-Za-z][A-Za-z0-9_]*)/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(cased))) {
      out += cased.slice(last, m.index) + ' ';
      map.copy(mapStart, mapEnd, last, m.index);
      map.push(mapStart[m.index], mapEnd[m.index]);
      const pieces = hashtagPieces(m[1]);
      const base = m.index + 1;
      let j = 0;
      for (let q = 0; q < pieces.length; q++) {
        if (pieces.charCodeAt(q) === 0) {
          // a word boundary inside the tag: a space with no width of its own in the original
          out += ' ';
          map.push(mapStart[base + j], mapStart[base + j]);
        } else {
          out += pieces[q];
          map.push(mapStart[base + j], mapEnd[base + j]);
          j++;
        }
      }
      last = m.index + m[0].length;
    }
    out += cased.slice(last);
    map.copy(mapStart, mapEnd, last, cased.length);
    cased = out;
    mapStart = map.starts();
    mapEnd = map.ends();
    // zero-width boundary entries: give them a non-empty origin so spans stay valid
    for (let q = 0; q < mapEnd.length; q++) if (mapEnd[q] <= mapStart[q]) mapEnd[q] = Math.min(mapStart[q] + 1, original.length);
  }

  // Pass 3: rejoin letters split by spaces, dots or hyphens (R-I-S-K F-R-E-E, s.u.r.e t.h.i.n.g).
  const spaced = /(?<![\p{L}\p{N}.'-])\p{L}(?:[ .\-]\p{L}){2,}(?![\p{L}\p{N}])\.?/gu;
  if ((SPACED_LETTERS.test(cased) || (accented && /[\u00C0-\u024F\u0370-\u04FF][ .-]/.test(cased))) && spaced.test(cased)) {
    spaced.lastIndex = 0;
    let chars = cased.split('');
    let starts = Array.from(mapStart);
    let ends = Array.from(mapEnd);
    const drop = new Uint8Array(chars.length);
    const toSpace: number[] = [];
    let m: RegExpExecArray | null;
    while ((m = spaced.exec(cased))) {
      const run = m[0];
      const seps: Record<string, number> = {};
      for (let k = 1; k < run.length; k += 2) if (/[ .\-]/.test(run[k])) seps[run[k]] = (seps[run[k]] ?? 0) + 1;
      const kinds = Object.keys(seps);
      // avoid ordinary prose: a run of single letters separated only by spaces must be long
      if (kinds.length === 1 && kinds[0] === ' ' && run.replace(/ /g, '').length < 4) continue;
      let intra = kinds[0];
      for (const k of kinds) if (seps[k] > seps[intra]) intra = k;
      for (let k = 1; k < run.length; k += 2) {
        const pos = m.index + k;
        if (run[k] === intra) drop[pos] = 1;
        else if (run[k] !== ' ') toSpace.push(pos);
      }
      if (run.endsWith('.') && intra === '.') drop[m.index + run.length - 1] = 1;
    }
    for (const p of toSpace) chars[p] = ' ';
    const nc: string[] = [];
    const ns: number[] = [];
    const ne: number[] = [];
    for (let k = 0; k < chars.length; k++) if (!drop[k]) nc.push(chars[k]), ns.push(starts[k]), ne.push(ends[k]);
    chars = nc;
    starts = ns;
    ends = ne;
    cased = chars.join('');
    mapStart = Int32Array.from(starts);
    mapEnd = Int32Array.from(ends);
  }

  // Pass 4: case-fold, one unit for one unit so `text` and `cased` share the map.
  let text = cased.toLowerCase();
  if (text.length !== cased.length) {
    const cc = cased.split('');
    const lc: string[] = new Array(cc.length);
    for (let q = 0; q < cc.length; q++) {
      const l = cc[q].toLowerCase();
      lc[q] = l.length === 1 ? l : cc[q];
    }
    text = lc.join('');
  }
  return { text, cased, origStart: mapStart, origEnd: mapEnd, original };
}

/** Map a normalized span to original offsets. */
export function toOriginal(n: Normalized, start: number, end: number): [number, number] {
  if (n.text.length === 0) return [0, 0];
  const s = Math.max(0, Math.min(start, n.text.length - 1));
  const e = Math.max(s + 1, Math.min(end, n.text.length));
  return [n.origStart[s], n.origEnd[e - 1]];
}
