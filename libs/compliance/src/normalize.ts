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

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD\uFE0E\uFE0F]/;
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

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

export function normalize(original: string): Normalized {
  // Fast path: printable ASCII without hashtags or spaced letters maps one to one.
  if (isAscii(original) && original.indexOf('#') < 0 && !/(?:^|[^A-Za-z0-9.'-])[A-Za-z][ .-][A-Za-z][ .-][A-Za-z](?![A-Za-z0-9])/.test(original)) {
    const len = original.length;
    const origStart = new Int32Array(len);
    const origEnd = new Int32Array(len);
    for (let i = 0; i < len; i++) {
      origStart[i] = i;
      origEnd[i] = i + 1;
    }
    return { text: original.toLowerCase(), cased: original, origStart, origEnd, original };
  }
  // Pass 1: per code point NFKC + folding, keeping the origin of each output unit. ASCII runs are
  // copied in bulk; only non-ASCII code points are examined one by one.
  const len0 = original.length;
  // Most characters map to one unit; grow on the rare expansions (NFKC can turn one character
  // into many) instead of reserving the worst case for every post.
  let s1 = new Int32Array(len0 + 16);
  let e1 = new Int32Array(len0 + 16);
  const reserve = (n: number) => {
    if (n <= s1.length) return;
    const size = Math.max(n, s1.length * 2);
    const s2 = new Int32Array(size);
    const e2 = new Int32Array(size);
    s2.set(s1);
    e2.set(e1);
    s1 = s2;
    e1 = e2;
  };
  let out1 = '';
  let k = 0;
  const nonAscii = /[^\x00-\x7e]/g;
  for (let i = 0; i < len0; ) {
    nonAscii.lastIndex = i;
    const nm = nonAscii.exec(original);
    const j = nm ? nm.index : len0;
    if (j > i) {
      out1 += original.slice(i, j);
      reserve(k + j - i);
      for (let p = i; p < j; p++) {
        s1[k] = p;
        e1[k] = p + 1;
        k++;
      }
      i = j;
      if (i >= len0) break;
    }
    const cp = original.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + len);
    let out: string;
    if (ZERO_WIDTH.test(ch)) out = '';
    else if (SINGLE_QUOTES.test(ch)) out = "'";
    else if (DOUBLE_QUOTES.test(ch)) out = '"';
    else if (HYPHENS.test(ch)) out = '-';
    else if (DASHES.test(ch)) out = '\u2014';
    else if (ch === '\u00A0' || ch === '\u202F') out = ' ';
    else out = ch.normalize('NFKC');
    out1 += out;
    reserve(k + out.length);
    for (let q = 0; q < out.length; q++) {
      s1[k] = i;
      e1[k] = i + len;
      k++;
    }
    i += len;
  }
  let cased = out1;
  let chars: string[] = [];
  let starts: number[] = [];
  let ends: number[] = [];
  const materialize = () => {
    if (chars.length === cased.length && cased.length > 0) return;
    chars = cased.split('');
    starts = Array.from(s1.subarray(0, k));
    ends = Array.from(e1.subarray(0, k));
  };
  let mapStart: Int32Array = s1.subarray(0, k);
  let mapEnd: Int32Array = e1.subarray(0, k);



  // Pass 2: hashtags → words (#GuaranteedIncome → " guaranteed income"). '#' becomes a space.
  if (/#[A-Za-z]/.test(cased)) {
    materialize();
    const nc: string[] = [];
    const ns: number[] = [];
    const ne: number[] = [];
    const re = /#([A-Za-z][A-Za-z0-9_]*)/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(cased))) {
      for (let k = last; k < m.index; k++) nc.push(chars[k]), ns.push(starts[k]), ne.push(ends[k]);
      nc.push(' '), ns.push(starts[m.index]), ne.push(ends[m.index]);
      const body = m[1];
      const base = m.index + 1;
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
      pieces = pieces.replace(/_/g, '\u0000');
      let j = 0;
      for (const ch of pieces) {
        if (ch === '\u0000') {
          nc.push(' '), ns.push(starts[base + j]), ne.push(starts[base + j]);
        } else {
          nc.push(ch), ns.push(starts[base + j]), ne.push(ends[base + j]);
          j++;
        }
      }
      last = m.index + m[0].length;
    }
    for (let k = last; k < chars.length; k++) nc.push(chars[k]), ns.push(starts[k]), ne.push(ends[k]);
    // zero-width boundary entries: give them a non-empty origin so spans stay valid
    for (let k = 0; k < nc.length; k++) if (ne[k] <= ns[k]) ne[k] = Math.min(ns[k] + 1, original.length);
    chars = nc;
    starts = ns;
    ends = ne;
    cased = chars.join('');
    mapStart = Int32Array.from(starts);
    mapEnd = Int32Array.from(ends);
  }

  // Pass 3: rejoin letters split by spaces, dots or hyphens (R-I-S-K F-R-E-E, s.u.r.e t.h.i.n.g).
  const spaced = /(?<![\p{L}\p{N}.'-])\p{L}(?:[ .\-]\p{L}){2,}(?![\p{L}\p{N}])\.?/gu;
  if ((/(?<![A-Za-z0-9.'-])[A-Za-z](?:[ .-][A-Za-z]){2}(?![A-Za-z0-9])/.test(cased) || /[\u00C0-\u024F\u0370-\u04FF][ .-]/.test(cased)) && spaced.test(cased)) {
    spaced.lastIndex = 0;
    materialize();
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
