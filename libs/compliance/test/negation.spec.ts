import { validatePost, type Category } from '../src';

const cats = (content: string, context?: Parameters<typeof validatePost>[0]['context']): Category[] =>
  [...new Set(validatePost({ content, platform: 'linkedin', context }).flags.map((f) => f.category))].sort();

describe('context: negation, disclaimers, warnings, speaker, tense, word sense', () => {
  it.each([
    'No one can guarantee returns in the stock market.',
    'Returns are not guaranteed.',
    'This strategy doesn\'t guarantee income, and it can lose value.',
    'Past performance does not guarantee future results.',
    'Nothing in investing is guaranteed — including this strategy.',
    'No investment is risk-free.',
    'Beware anyone who promises guaranteed returns.',
    'If someone says an investment can\'t lose, walk away.',
    'Guaranteed returns don\'t exist.',
    'Investing involves risk. No strategy, including ours, can guarantee a profit or protect against loss.',
  ])('negated or warning: %s', (text) => {
    expect(cats(text)).not.toContain('promissory');
  });

  it.each([
    'Our strategy is guaranteed to beat inflation.',
    'Your principal is 100% safe with us.',
    'Stocks only go up.',
    'You can\'t lose with this fund.',
    'A risk-free path to retirement.',
  ])('promissory: %s', (text) => {
    expect(cats(text)).toContain('promissory');
  });

  it('service promises and everyday guarantees are not promissory', () => {
    expect(cats('We promise to return every call within one business day.')).toEqual([]);
    expect(cats('I guarantee you\'ll love the coffee at our open house.')).toEqual([]);
    expect(cats('Fixed annuities offer guaranteed income, subject to the claims-paying ability of the issuer.')).toEqual([]);
  });

  it('a quoted famous investor is not a testimonial or a promise', () => {
    expect(cats('"Rule No. 1: Never lose money." — Warren Buffett')).toEqual([]);
  });

  it('client praise is a testimonial; the claims inside it are not flagged again', () => {
    expect(cats('"You are the best advisor in town!" — Maria, client since 2019')).toEqual(['testimonial']);
  });

  it('past tense is history (no flag), future tense is a projection', () => {
    expect(cats('The S&P 500 returned 26% in 2023.')).toEqual([]);
    expect(cats('The S&P 500 will return 26% next year.')).toEqual(['performance_projection']);
    expect(cats('Volatility may stay elevated while inflation data remains mixed.')).toEqual([]);
  });

  it('word sense: options, best interest, silver lining', () => {
    expect(cats('Compare your health-plan options before Dec 15.', { restrictedTopics: ['options trading'] })).toEqual([]);
    expect(cats('Selling covered calls can generate income.', { restrictedTopics: ['options trading'] })).toEqual(['restricted_topic']);
    expect(cats('We act in your best interest and follow best practices.')).toEqual([]);
    expect(cats('Every cloud has a silver lining.', { restrictedTopics: ['precious metals'] })).toEqual([]);
  });
});
