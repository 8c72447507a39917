import { validatePost } from '../src';
import { normalize } from '../src/normalize';
import { Alternation, Prefilter, TrigramIndex, requiredLiterals } from '../src/prefilter';
import { DEFAULT_RULE_PACKS, RESTRICTED_TOPIC_LEXICON } from '../src/rules';
import * as lexicon from '../src/rules/lexicon';
import { loadCorpus } from './corpus-metrics';

const show = (r: ReturnType<typeof requiredLiterals>): unknown =>
  'any' in r ? 'ANY' : 'lit' in r ? r.lit : 'and' in r ? { and: r.and.map(show) } : { or: r.or.map(show) };

describe('rule prefilter', () => {
  it('reads the literals a match must contain, through groups, options and assertions', () => {
    expect(show(requiredLiterals('\\bguarantee(?:d|s)?\\b'))).toEqual({ or: ['guaranteed', 'guarantees', 'guarantee'] });
    expect(show(requiredLiterals('\\d+%[^.!?]{0,40}\\bno matter what\\b'))).toBe('no matter what');
    expect(show(requiredLiterals('(?<![\\p{L}])Risk[- ]free(?![\\p{L}])'))).toEqual({ or: ['risk-free', 'risk free'] });
    expect(show(requiredLiterals('\\byou\\s+will\\b'))).toEqual({ and: ['you', 'will'] });
    // nothing checkable: a digit class, a single character, or syntax the reader does not know
    expect(requiredLiterals('\\d+\\s?%')).toEqual({ any: true });
    expect(requiredLiterals('a|bcd')).toEqual({ any: true });
    expect(requiredLiterals('(?i:abc)')).toEqual({ any: true });
  });

  it('never rules out a match in syntax that reads easily wrong', () => {
    // [pattern, flags, text the pattern matches]
    const cases: [string, string, string][] = [
      ['\\bguarantee[^]{0,40}returns|\\bsafe[ -]bet', 'i', 'a safe bet'], // [^] is any character, not a class opener
      ['x[]|\\bsafe bet', 'i', 'safe bet'], // [] matches nothing
      ['moon [\u{1F680}\u{1F319}] soon', 'iu', 'moon \u{1F319} soon'], // a class of astral characters in u-mode
      ['go \u{1F680}? now', 'iu', 'go  now'], // a quantified astral character
      ['go \\uD83D\\uDE80? now', 'iu', 'go  now'], // the same as escapes
      ['(?<w>ab)x\\k<w>', 'i', 'abxab'], // a named backreference
      ['a\\cJb', 'i', 'a\nb'], // a control escape
      ['ασ', 'i', 'ας'], // final sigma is sigma to /i
    ];
    for (const [source, flags, text] of cases) {
      expect({ source, matches: new RegExp(source, flags).test(text) }).toEqual({ source, matches: true });
      const pf = Prefilter.of(source);
      expect({ source, may: pf ? pf.mayMatch(new TrigramIndex(normalize(text).text)) : true }).toEqual({ source, may: true });
    }
  });

  it('scans every alternative when a backreference would be renumbered by dropping one', () => {
    const alt = new Alternation(['(a)x', '(b)\\1'], 'gi', (ps) => ps.map((p) => `(?:${p})`).join('|'));
    // the whole pattern matches 'b' (\\1 names the first part's group, which did not take part)
    expect(new RegExp(alt.source, 'i').exec('b')?.[0]).toBe('b');
    expect(alt.regexFor(new TrigramIndex('b'))?.exec('b')?.[0]).toBe('b');
  });

  it('answers for its own text only, across the stamp cycle of the shared table', () => {
    const guaranteed = Prefilter.of('\\bguaranteed\\b')!;
    const old = new TrigramIndex('returns are guaranteed');
    expect(guaranteed.mayMatch(old)).toBe(true);
    // 600 later texts: more than two cycles of the one-byte stamp, so the table is cleared and reused
    for (let i = 0; i < 600; i++) {
      const latest = new TrigramIndex(i % 2 ? 'a guaranteed income' : 'nothing to see here');
      expect(guaranteed.mayMatch(latest)).toBe(i % 2 === 1);
    }
    // a superseded index cannot tell any more, so it never rules a match out
    expect(Prefilter.of('\\bnothing\\b')!.mayMatch(old)).toBe(true);
    expect(guaranteed.mayMatch(new TrigramIndex('plain words'))).toBe(false);
  });

  it('never rules out a rule that matches: every pattern against every corpus post', () => {
    const sources = new Set<string>(Object.values(lexicon as Record<string, unknown>).filter((v): v is string => typeof v === 'string'));
    for (const rule of DEFAULT_RULE_PACKS.flatMap((p) => p.rules)) {
      for (const p of rule.patterns ?? []) sources.add(p);
      for (const p of [...(rule.requireNearby ?? []), ...(rule.unless ?? [])]) sources.add(p.replace(/^@sentence:/, ''));
    }
    for (const t of RESTRICTED_TOPIC_LEXICON) for (const p of t.patterns) sources.add(p);
    const texts = loadCorpus().map((i) => normalize(i.content).text);
    let checked = 0;
    let ruledOut = 0;
    const filters = [...sources].flatMap((source) => {
      const pf = Prefilter.of(source);
      return pf ? [{ source, pf, re: new RegExp(source, /\\p\{|\\u\{/.test(source) ? 'iu' : 'i') }] : [];
    });
    for (const text of texts) {
      const index = new TrigramIndex(text);
      for (const { source, pf, re } of filters) {
        const may = pf.mayMatch(index);
        if (re.test(text)) expect({ source, text, may }).toEqual({ source, text, may: true });
        else if (!may) ruledOut++;
        checked++;
      }
    }
    // the filter must also earn its keep: most (pattern, post) pairs are ruled out without a scan
    expect(checked).toBeGreaterThan(10_000);
    expect(ruledOut / checked).toBeGreaterThan(0.5);
  });

  it('gives the same result with and without the prefilter on every corpus post', () => {
    for (const item of loadCorpus()) {
      const input = { content: item.content, platform: item.platform, context: item.context };
      expect(validatePost(input)).toEqual(validatePost(input, { prefilter: false }));
    }
  });
});

describe('rule alternatives scanned per post', () => {
  // Only the alternatives whose literals a post may contain are scanned; an alternative listed
  // first must still win where two start at the same position, exactly as in the whole pattern.
  const rule = {
    id: 'test-alternatives',
    category: 'restricted_topic' as const, // a category no built-in rule flags in these posts
    severity: 'high' as const,
    rationale: 'test',
    patterns: ['\\bguaranteed returns of \\d+%', '\\bguaranteed\\b', '\\bsafe as houses\\b', '\\bzzz-never-present\\b'],
  };
  const run = (content: string, prefilter: boolean) =>
    validatePost({ content, platform: 'linkedin', context: { firm: { customRules: [rule] } } }, { prefilter }).flags.filter((f) => f.ruleId === rule.id);

  it('finds the same spans as the whole pattern', () => {
    for (const content of ['We offer guaranteed returns of 8% a year.', 'It is guaranteed. Safe as houses!', 'Nothing to see here.', 'Guaranteed returns of ten percent.']) {
      expect(run(content, true)).toEqual(run(content, false));
    }
    expect(run('We offer guaranteed returns of 8% a year.', true).map((f) => f.excerpt)).toEqual(['guaranteed returns of 8%']);
  });

  it('keeps a rule with an invalid alternative disabled', () => {
    const bad = { ...rule, id: 'test-invalid', patterns: ['\\bguaranteed\\b', '(unclosed'] };
    const r = validatePost({ content: 'Returns are guaranteed.', platform: 'linkedin', context: { firm: { customRules: [bad] } } });
    expect(r.flags.filter((f) => f.ruleId === bad.id)).toEqual([]);
  });
});
