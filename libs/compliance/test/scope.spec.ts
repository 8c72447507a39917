import { validatePost } from '../src';

const cats = (content: string) => validatePost({ content, platform: 'linkedin' }).flags.map((f) => f.category);

describe('exception scope', () => {
  it('does not let a service promise in the next sentence excuse a guarantee of returns', () => {
    expect(cats('Returns are guaranteed. You should always get a straight answer about what advice costs.')).toContain('promissory');
    expect(cats('Returns are guaranteed. We answer every call the same day.')).toContain('promissory');
  });

  it('still accepts a claims-paying-ability qualification in the neighbouring sentence', () => {
    expect(cats("Guaranteed Income Fund? Read the fine print: guarantees depend on the insurer's claims-paying ability.")).toEqual([]);
  });

  it('still treats a service guarantee as a service promise', () => {
    expect(cats('We guarantee a call back within one business day.')).toEqual([]);
  });
});
