import { normalize, toOriginal, validatePost } from '../src';

describe('normalize keeps an offset map back to the original', () => {
  it('folds case, curly quotes, dashes, zero-width characters and full-width forms', () => {
    const original = 'Ｇｕａｒａｎｔｅｅｄ “safe” re\u200Bturns — today';
    const n = normalize(original);
    expect(n.text).toBe('guaranteed "safe" returns \u2014 today');
    const i = n.text.indexOf('returns');
    const [s, e] = toOriginal(n, i, i + 'returns'.length);
    expect(original.slice(s, e)).toBe('re\u200Bturns');
  });

  it('splits hashtags into words and maps them to the hashtag', () => {
    const original = 'Retire happy #GuaranteedIncome #riskfree';
    const n = normalize(original);
    expect(n.text).toContain('guaranteed income');
    expect(n.text).toContain('risk free');
    const i = n.text.indexOf('guaranteed income');
    const [s, e] = toOriginal(n, i, i + 'guaranteed income'.length);
    expect(original.slice(s, e)).toBe('GuaranteedIncome');
  });

  it('rejoins letters split by spaces, dots or hyphens', () => {
    expect(normalize('A R-I-S-K F-R-E-E plan').text).toBe('a risk free plan');
    expect(normalize('a s.u.r.e t.h.i.n.g!').text).toBe('a sure thing!');
    expect(normalize('G U A R A N T E E D income').text).toBe('guaranteed income');
    // ordinary initials and abbreviations are left alone
    expect(normalize('J.R. and the U.S. team').text).toBe('j.r. and the u.s. team');
  });

  it('flag offsets index the ORIGINAL content (UTF-16, end exclusive) even after emoji and folding', () => {
    const content = '🚀🚀 Big news! Our plan is ＲＩＳＫ-ＦＲＥＥ and “can’t lose”.';
    const r = validatePost({ content, platform: 'linkedin' });
    expect(r.flags.length).toBeGreaterThan(0);
    for (const f of r.flags) {
      expect(f.excerpt).toBe(content.slice(f.start, f.end));
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(content.length);
    }
    const risk = r.flags.find((f) => /ＲＩＳＫ/.test(f.excerpt));
    expect(risk?.category).toBe('promissory');
  });

  it('maps spaced-letter matches back to the whole spaced span', () => {
    const content = 'This is a R-I-S-K F-R-E-E way to grow.';
    const r = validatePost({ content, platform: 'linkedin' });
    const f = r.flags.find((x) => x.category === 'promissory');
    expect(f?.excerpt).toBe('R-I-S-K F-R-E-E');
  });
});

describe('normalize: characters that expand', () => {
  it('maps every unit of a long expansion back to its character (NFKC can give one character 18 units)', () => {
    const original = 'a' + '\uFDFA'.repeat(3) + 'b';
    const n = normalize(original);
    expect(n.text.length).toBeGreaterThan(original.length * 4);
    // every normalized unit points into the original, the expanded ones at their ligature
    for (let i = 0; i < n.text.length; i++) expect(n.origEnd[i]).toBeGreaterThan(n.origStart[i]);
    expect(n.origStart[n.text.length - 1]).toBe(original.length - 1);
    expect(toOriginal(n, 1, n.text.length - 1)).toEqual([1, original.length - 1]);
  });
});
