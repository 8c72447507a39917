import { validatePost } from '../src';
import { createWinkNlp } from '../src/nlp/wink';

describe('optional wink-nlp plugin', () => {
  const nlp = createWinkNlp();

  it('finds person names', () => {
    const persons = nlp.findPersons('Yesterday I met Maria Gonzalez and Tom at Acme Bank.').map((p) => p.text);
    expect(persons).toContain('Maria Gonzalez');
  });

  it('raises recall for unknown person names in advisory context; the core works without it', () => {
    const content = 'Spent the morning helping Maria Gonzalez sort out her divorce settlement and IRA.';
    const withNlp = validatePost({ content, platform: 'linkedin' }, { nlp });
    expect(withNlp.flags.map((f) => f.category)).toContain('client_confidential');
    const core = validatePost({ content, platform: 'linkedin' });
    expect(core.flags.map((f) => f.category)).toContain('client_confidential');
  });

  it('does not flag public figures in the news', () => {
    expect(validatePost({ content: 'Jerome Powell spoke about rates today; here is what it means for savers.', platform: 'linkedin' }, { nlp }).flags).toEqual([]);
  });
});
