/**
 * Literal prefilter for rule patterns (the idea behind RE2's and Hyperscan's prefilters).
 *
 * Most of the engine's time goes to running some sixty rule expressions over every post, and
 * most rules find nothing in most posts. From each rule's source we derive the literal texts
 * that any match must contain ("guarantee", "risk free", "no matter what"...), combined with and/or
 * as the expression combines them. A post is indexed once by its character trigrams; a rule whose
 * required literals cannot all be present is never run. The test is conservative: hash
 * collisions only let a rule run, they never skip one that could match.
 */

import { rx } from './regex-cache';

/** What a match must contain: any text, a literal, or a combination. */
export type Requirement = { any: true } | { lit: string } | { and: Requirement[] } | { or: Requirement[] };

/** What a node matches: a small finite set of exact strings, or a requirement. */
interface Info {
  exact: Set<string> | null;
  req: Requirement;
}

const ANY: Requirement = { any: true };
/** Exact-string sets larger than this become requirements. */
const MAX_EXACT = 64;
/** Single characters are not worth checking; pairs are checked as bigrams, longer texts as trigrams. */
const MIN_LITERAL = 2;

const isAny = (r: Requirement): boolean => 'any' in r;
const isSurrogatePair = (s: string): boolean => s.length === 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(s);
/** /i treats final sigma as sigma while toLowerCase keeps them apart: index and literals fold it. */
const FINAL_SIGMA = 0x3c2;
const SIGMA = 0x3c3;

function and(args: Requirement[]): Requirement {
  const kept = args.flatMap((a) => ('and' in a ? a.and : isAny(a) ? [] : [a]));
  return kept.length === 0 ? ANY : kept.length === 1 ? kept[0] : { and: kept };
}

function or(args: Requirement[]): Requirement {
  if (args.length === 0 || args.some(isAny)) return ANY;
  const flat = args.flatMap((a) => ('or' in a ? a.or : [a]));
  return flat.length === 1 ? flat[0] : { or: flat };
}

/** The requirement of a node: its exact strings when it has them, else what it recorded. */
function requirement(info: Info): Requirement {
  if (!info.exact) return info.req;
  const lits: Requirement[] = [];
  for (const s of info.exact) {
    if (s.length < MIN_LITERAL) return ANY;
    lits.push({ lit: s });
  }
  return or(lits);
}

const exactly = (...strings: string[]): Info => ({ exact: new Set(strings), req: ANY });
const anything = (): Info => ({ exact: null, req: ANY });

function alternate(infos: Info[]): Info {
  if (infos.every((i) => i.exact)) {
    const out = new Set<string>();
    for (const i of infos) for (const s of i.exact!) out.add(s);
    if (out.size <= MAX_EXACT) return { exact: out, req: ANY };
  }
  return { exact: null, req: or(infos.map(requirement)) };
}

class Parser {
  i = 0;
  constructor(private readonly src: string) {}

  /** alternation := sequence ('|' sequence)* */
  alternation(): Info {
    const seqs: Info[] = [];
    for (;;) {
      seqs.push(this.sequence());
      if (this.src[this.i] !== '|') return seqs.length === 1 ? seqs[0] : alternate(seqs);
      this.i++;
    }
  }

  /**
   * A sequence keeps the exact strings of its current literal run (crossing zero-width
   * assertions and small optional parts) and requires each finished run.
   */
  private sequence(): Info {
    const reqs: Requirement[] = [];
    let run = new Set(['']);
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const { min, max } = this.quantifier();
      let info: Info;
      if (max === 0) info = exactly('');
      else if (min === 0 && max === 1) info = atom.exact ? { exact: new Set([...atom.exact, '']), req: ANY } : anything();
      else if (min === 0) info = anything();
      else if (min === 1 && max === 1) info = atom;
      else info = { exact: null, req: requirement(atom) }; // at least one copy, maybe more
      if (info.exact && run.size * info.exact.size <= MAX_EXACT) {
        const next = new Set<string>();
        for (const x of run) for (const y of info.exact) next.add(x + y);
        run = next;
      } else if (info.exact) {
        reqs.push(requirement({ exact: run, req: ANY }));
        run = info.exact;
      } else {
        reqs.push(requirement({ exact: run, req: ANY }), info.req);
        run = new Set(['']);
      }
    }
    if (!reqs.length) return { exact: run, req: ANY };
    reqs.push(requirement({ exact: run, req: ANY }));
    return { exact: null, req: and(reqs) };
  }

  private atom(): Info {
    const c = this.src[this.i];
    if (c === '^' || c === '$') {
      this.i++;
      return exactly('');
    }
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '.') {
      this.i++;
      return anything();
    }
    if (c === '\\') return this.escape();
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new Error('quantifier without an atom');
    // an astral character is one atom in u-mode (a quantifier applies to all of it): take the pair
    const pair = this.src.slice(this.i, this.i + 2);
    if (isSurrogatePair(pair)) {
      this.i += 2;
      return exactly(pair);
    }
    this.i++;
    return exactly(c.toLowerCase());
  }

  private group(): Info {
    const rest = this.src.slice(this.i, this.i + 4);
    let zeroWidth = false;
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) (this.i += 3), (zeroWidth = true);
    else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) (this.i += 4), (zeroWidth = true);
    else if (rest.startsWith('(?<')) {
      const close = this.src.indexOf('>', this.i);
      if (close < 0) throw new Error('unterminated group name');
      this.i = close + 1;
    } else if (rest.startsWith('(?')) throw new Error('unsupported group syntax');
    else this.i += 1;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unbalanced group');
    this.i++;
    // a lookaround constrains the text around the match, not the match itself: ignore it
    return zeroWidth ? exactly('') : inner;
  }

  /** A small class of literal characters ([- ], [.,]) stays exact; anything else is any. */
  private charClass(): Info {
    this.i++;
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const chars: string[] = [];
    let plain = !negated;
    // in JavaScript the first ']' always closes the class: [] matches nothing and [^] anything
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const c = this.src[this.i];
      if (c === '\\') {
        const n = this.src[this.i + 1];
        if (/[.\-\\\]\[^$*+?(){}|\/'"]/.test(n)) chars.push(n), (this.i += 2);
        else if ((n === 'u' || n === 'x') && this.src[this.i + 2] !== '{') {
          const len = n === 'u' ? 4 : 2;
          const hex = this.src.slice(this.i + 2, this.i + 2 + len);
          if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw new Error('bad escape');
          chars.push(String.fromCharCode(parseInt(hex, 16)));
          this.i += 2 + len;
        } else {
          plain = false;
          this.i += n === 'u' || n === 'p' || n === 'P' ? this.skipEscapeBody(n) : n === 'c' ? 3 : 2;
        }
      } else {
        if (c === '-' && chars.length && this.src[this.i + 1] !== ']') plain = false; // a range
        chars.push(c);
        this.i++;
      }
    }
    if (this.src[this.i] !== ']') throw new Error('unterminated class');
    // halves of astral characters: in u-mode the class holds whole code points, not units
    if (chars.length === 0 || chars.some((ch) => /[\uD800-\uDFFF]/.test(ch))) plain = false;
    this.i++;
    if (!plain || chars.length > 8) return anything();
    return exactly(...new Set(chars.map((ch) => ch.toLowerCase())));
  }

  /** Length of a \\u{…} or \\p{…} escape starting at `i`. */
  private skipEscapeBody(_n: string): number {
    return this.src.indexOf('}', this.i) + 1 - this.i;
  }

  private escape(): Info {
    const n = this.src[this.i + 1];
    if (n === undefined) throw new Error('trailing backslash');
    if (n === 'b' || n === 'B') {
      this.i += 2;
      return exactly('');
    }
    if (n === 'u' && this.src[this.i + 2] === '{') {
      const close = this.src.indexOf('}', this.i);
      const ch = String.fromCodePoint(parseInt(this.src.slice(this.i + 3, close), 16));
      this.i = close + 1;
      return exactly(ch.toLowerCase());
    }
    if (n === 'u' || n === 'x') {
      const len = n === 'u' ? 4 : 2;
      const hex = this.src.slice(this.i + 2, this.i + 2 + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw new Error('bad escape');
      this.i += 2 + len;
      const ch = String.fromCharCode(parseInt(hex, 16));
      // \uD83D\uDE80 is one code point in u-mode: keep the pair together
      const next = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(this.src.slice(this.i));
      if (/[\uD800-\uDBFF]/.test(ch) && next) {
        this.i += 6;
        return exactly(ch + String.fromCharCode(parseInt(next[1], 16)));
      }
      return exactly(ch.toLowerCase());
    }
    if (n === 'c') {
      this.i += 3; // a control character
      return anything();
    }
    if (n === 'k') {
      // a backreference \k<name> (or a literal k without named groups): nothing to require
      this.i += 2;
      if (this.src[this.i] === '<') {
        const close = this.src.indexOf('>', this.i);
        if (close < 0) throw new Error('unterminated group name');
        this.i = close + 1;
      }
      return anything();
    }
    if (n === 'p' || n === 'P') {
      this.i = this.src.indexOf('}', this.i) + 1;
      return anything();
    }
    this.i += 2;
    if (/[dDwWsS0-9]/.test(n)) return anything();
    const plain: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
    return exactly((plain[n] ?? n).toLowerCase());
  }

  private quantifier(): { min: number; max: number } {
    const c = this.src[this.i];
    let q = { min: 1, max: 1 };
    if (c === '?') (q = { min: 0, max: 1 }), this.i++;
    else if (c === '*') (q = { min: 0, max: Infinity }), this.i++;
    else if (c === '+') (q = { min: 1, max: Infinity }), this.i++;
    else if (c === '{') {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(this.src.slice(this.i));
      if (!m) return q;
      const min = m[1] ? Number(m[1]) : 0;
      q = { min, max: m[2] ? (m[3] ? Number(m[3]) : Infinity) : min };
      this.i += m[0].length;
    } else return q;
    if (this.src[this.i] === '?') this.i++; // lazy
    return q;
  }
}

/**
 * What any match of `source` (compiled with the i flag) must contain, as literals in lower case.
 * `{ any: true }` when nothing checkable is required, or when the source uses syntax this
 * reader does not know (the rule then always runs).
 */
export function requiredLiterals(source: string): Requirement {
  try {
    const p = new Parser(source);
    const info = p.alternation();
    if (p.i !== source.length) return ANY;
    return requirement(info);
  } catch {
    return ANY;
  }
}

const BITS = 15;
const MASK = (1 << BITS) - 1;

/** No UTF-16 unit has this code: it marks a pair (bigram) rather than a triple. */
const PAIR = 0x10000;

function gram(a: number, b: number, c: number): number {
  if (a === FINAL_SIGMA) a = SIGMA;
  if (b === FINAL_SIGMA) b = SIGMA;
  if (c === FINAL_SIGMA) c = SIGMA;
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> (32 - BITS) & MASK;
}

/**
 * The character pairs and triples of one text, as a stamped hash set (no clearing between posts).
 * One byte per slot keeps the table (32 KiB) in the L1 cache, where most lookups miss the
 * text's grams; the byte stamp cycles through 1–255 and the table is cleared once per cycle.
 */
export class TrigramIndex {
  private static slots = new Uint8Array(1 << BITS);
  /** indexes built so far: identifies the latest one */
  private static generation = 0;
  private readonly id: number;
  private readonly stamp: number;

  constructor(text: string) {
    this.id = TrigramIndex.generation = (TrigramIndex.generation + 1) >>> 0;
    this.stamp = (this.id % 255) + 1;
    if (this.stamp === 1) TrigramIndex.slots.fill(0);
    const slots = TrigramIndex.slots;
    const stamp = this.stamp;
    if (text.length < 2) return;
    let a = text.charCodeAt(0);
    let b = text.charCodeAt(1);
    slots[gram(a, b, PAIR)] = stamp;
    for (let i = 2; i < text.length; i++) {
      const c = text.charCodeAt(i);
      slots[gram(a, b, c)] = stamp;
      slots[gram(b, c, PAIR)] = stamp;
      a = b;
      b = c;
    }
  }

  /** Whether the text may satisfy a compiled requirement. */
  satisfies(node: Node): boolean {
    // a newer index reuses the slots: this one can only answer while it is the latest
    if (this.id !== TrigramIndex.generation) return true;
    return evaluate(node, TrigramIndex.slots, this.stamp);
  }
}

const ANY_LIT = 0;
const AND = 1;
const OR = 2;

/**
 * One node of a compiled requirement; a single shape keeps evaluation monomorphic. ANY_LIT holds
 * a list of literals (any one suffices) as their grams laid end to end, literal i spanning
 * grams[ends[i - 1]] to grams[ends[i]].
 */
class Node {
  constructor(
    readonly kind: number,
    readonly grams: Int32Array,
    readonly ends: Int32Array,
    readonly kids: Node[],
  ) {}
}

function anyLiteral(lits: string[]): Node {
  const all = lits.map(gramsOf);
  const grams = new Int32Array(all.reduce((n, g) => n + g.length, 0));
  const ends = new Int32Array(all.length);
  let k = 0;
  all.forEach((g, i) => {
    grams.set(g, k);
    k += g.length;
    ends[i] = k;
  });
  return new Node(ANY_LIT, grams, ends, []);
}

function gramsOf(lit: string): Int32Array {
  if (lit.length === 2) return Int32Array.of(gram(lit.charCodeAt(0), lit.charCodeAt(1), PAIR));
  const g = new Int32Array(lit.length - 2);
  for (let i = 0; i + 2 < lit.length; i++) g[i] = gram(lit.charCodeAt(i), lit.charCodeAt(i + 1), lit.charCodeAt(i + 2));
  return g;
}

const NONE = new Int32Array(0);

function compile(r: Requirement): Node {
  if ('lit' in r) return anyLiteral([r.lit]);
  if ('and' in r) return new Node(AND, NONE, NONE, r.and.map(compile));
  if ('or' in r) {
    // a literal that contains another alternative's literal adds nothing to the OR
    const lits = [...new Set(r.or.flatMap((x) => ('lit' in x ? [x.lit] : [])))];
    const kept = lits.filter((x) => !lits.some((l) => l !== x && x.includes(l)));
    const rest = r.or.filter((x) => !('lit' in x)).map(compile);
    if (!rest.length) return anyLiteral(kept);
    return new Node(OR, NONE, NONE, kept.length ? [anyLiteral(kept), ...rest] : rest);
  }
  throw new Error('an unconstrained requirement has no prefilter');
}

function evaluate(node: Node, slots: Uint8Array, stamp: number): boolean {
  if (node.kind === ANY_LIT) {
    const g = node.grams;
    const ends = node.ends;
    let i = 0;
    for (let j = 0; j < ends.length; j++) {
      const end = ends[j];
      while (i < end && slots[g[i]] === stamp) i++;
      if (i === end) return true;
      i = end;
    }
    return false;
  }
  const kids = node.kids;
  if (node.kind === AND) {
    for (let i = 0; i < kids.length; i++) if (!evaluate(kids[i], slots, stamp)) return false;
    return true;
  }
  for (let i = 0; i < kids.length; i++) if (evaluate(kids[i], slots, stamp)) return true;
  return false;
}

/** A compiled prefilter for one pattern source, or null when the pattern requires nothing checkable. */
export class Prefilter {
  private constructor(private readonly compiled: Node) {}

  static of(source: string): Prefilter | null {
    const r = requiredLiterals(source);
    return 'any' in r ? null : new Prefilter(compile(r));
  }

  mayMatch(index: TrigramIndex): boolean {
    return index.satisfies(this.compiled);
  }
}

const PREFILTERS = new Map<string, Prefilter | null>();
/** The cached prefilter of a pattern source (null when it can match without a checkable literal). */
export function prefilterFor(source: string): Prefilter | null {
  let pf = PREFILTERS.get(source);
  if (pf === undefined) {
    pf = Prefilter.of(source);
    if (PREFILTERS.size > 5000) PREFILTERS.clear(); // firm-supplied patterns: keep the cache bounded
    PREFILTERS.set(source, pf);
  }
  return pf;
}

/** Parts beyond this count are not filtered one by one (a subset is keyed by a 31-bit mask). */
const MAX_SPLIT_PARTS = 31;
/** Distinct sub-patterns kept per alternation; the bench and corpus need a few dozen at most. */
const MAX_SUBSETS = 256;

/**
 * A pattern that is an alternation of parts, scanned with only the parts a text may contain.
 * V8 tries every alternative at every position of the text, while in a given post usually only
 * a few have their required literals present. A part that cannot match anywhere in the text
 * never takes part in a match, so the remaining parts, joined the same way and compiled with
 * the same flags, find exactly the same matches in the same order.
 */
export class Alternation {
  /** the whole pattern */
  readonly source: string;
  private readonly regex: RegExp;
  private readonly flags: string;
  /** each part's prefilter (null: it needs no checkable literal), or null when parts are not filtered one by one */
  private readonly filters: (Prefilter | null)[] | null;
  private readonly whole: Prefilter | null;
  private readonly subsets = new Map<number, RegExp>();

  /** Throws when the whole pattern is not a valid expression. */
  constructor(
    private readonly parts: string[],
    flags: string,
    private readonly join: (parts: string[]) => string,
  ) {
    this.source = join(parts);
    this.regex = rx(this.source, flags);
    this.flags = this.regex.flags; // as rx settled them (it adds u when the source needs it): \w, \b and /i stay the same in subsets
    // dropping a part renumbers the capture groups after it, which a backreference would notice
    const backrefs = parts.some((p) => /\\[1-9]|\\k</.test(p));
    this.filters = parts.length > 1 && parts.length <= MAX_SPLIT_PARTS && !backrefs ? parts.map((p) => prefilterFor(p)) : null;
    this.whole = this.filters ? null : prefilterFor(this.source);
  }

  /**
   * The regex to scan the indexed text with (null index: the whole pattern), or null when no
   * part can match it.
   */
  regexFor(index: TrigramIndex | null): RegExp | null {
    if (!index) return this.regex;
    const filters = this.filters;
    if (!filters) return !this.whole || this.whole.mayMatch(index) ? this.regex : null;
    let mask = 0;
    let kept = 0;
    for (let i = 0; i < filters.length; i++) {
      const pf = filters[i];
      if (!pf || pf.mayMatch(index)) {
        mask |= 1 << i;
        kept++;
      }
    }
    if (kept === 0) return null;
    if (kept === filters.length) return this.regex;
    let re = this.subsets.get(mask);
    if (!re) {
      re = new RegExp(this.join(this.parts.filter((_p, i) => mask & (1 << i))), this.flags);
      if (this.subsets.size >= MAX_SUBSETS) this.subsets.clear();
      this.subsets.set(mask, re);
    }
    return re;
  }
}
