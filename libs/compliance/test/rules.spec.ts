import { DEFAULT_RULE_PACKS, validatePost, type RuleDefinition } from '../src';

describe('rules are data', () => {
  it('every built-in rule has an id, category, severity, rationale and a matcher', () => {
    const ids = new Set<string>();
    for (const pack of DEFAULT_RULE_PACKS) {
      expect(pack.version).toMatch(/^\d{4}\.\d+\.\d+$/);
      for (const r of pack.rules) {
        expect(ids.has(r.id)).toBe(false);
        ids.add(r.id);
        expect(r.rationale.length).toBeGreaterThan(20);
        expect(Boolean(r.patterns?.length || r.detector)).toBe(true);
        for (const p of r.patterns ?? []) expect(() => new RegExp(p, 'gi')).not.toThrow();
      }
    }
  });

  it('a firm can add a custom rule (phrases or regex) and it is versioned in the result', () => {
    const custom: RuleDefinition = {
      id: 'firm-acme-no-tax-free-claims',
      category: 'exaggerated_claim',
      severity: 'high',
      rationale: 'Acme WSP 4.2: never describe a product as "tax-free" without naming the tax.',
      phrases: ['tax free', 'tax-exempt income'],
    };
    const r = validatePost({ content: 'Enjoy TAX-FREE income in retirement.', platform: 'linkedin', context: { firm: { customRules: [custom] } } });
    expect(r.flags).toMatchObject([{ category: 'exaggerated_claim', severity: 'high', ruleId: 'firm-acme-no-tax-free-claims', excerpt: 'TAX-FREE' }]);
    expect(r.rulePackVersions['firm-custom']).toMatch(/^custom-[0-9a-f]{8}$/);
  });

  it('a firm can disable a rule by id', () => {
    const content = 'Award-winning wealth management for families.';
    expect(validatePost({ content, platform: 'linkedin' }).flags.map((f) => f.ruleId)).toEqual(['sec-206-4-1-c-unqualified-award']);
    const r = validatePost({ content, platform: 'linkedin', context: { firm: { disabledRuleIds: ['sec-206-4-1-c-unqualified-award'] } } });
    expect(r.flags).toEqual([]);
  });

  it('restricted topics merge firm and request lists; a firm can make a topic critical', () => {
    const content = 'Thinking about adding a little ETH to your mix?';
    expect(validatePost({ content, platform: 'linkedin' }).flags).toEqual([]);
    const r = validatePost({ content, platform: 'linkedin', context: { firm: { restrictedTopics: ['cryptocurrency'], restrictedTopicSeverity: { cryptocurrency: 'critical' } } } });
    expect(r.flags).toMatchObject([{ category: 'restricted_topic', severity: 'critical', excerpt: 'ETH' }]);
    expect(r.decision.outcome).toBe('blocked');
    const unknown = validatePost({ content: 'Sports betting apps are everywhere.', platform: 'linkedin', context: { restrictedTopics: ['sports betting'] } });
    expect(unknown.flags.map((f) => f.category)).toEqual(['restricted_topic']);
  });

  it('client names: full name, honorific, family, first name tied to private matters; not colleagues', () => {
    const ctx = { clientNames: ['Rosa Delgado'] };
    const cats = (content: string) => validatePost({ content, platform: 'linkedin', context: ctx }).flags.map((f) => f.category);
    expect(cats('Rosa Delgado stopped by today.')).toEqual(['client_confidential']);
    expect(cats('Ms. Delgado stopped by today.')).toEqual(['client_confidential']);
    expect(cats('Rosa finally signed her rollover paperwork!')).toEqual(['client_confidential']);
    expect(cats('The Delgado family is celebrating.')).toEqual(['client_confidential']);
    expect(cats('Rosa Martinez from our team ran a marathon.')).toEqual([]);
    expect(cats('The rose garden at the library is lovely.')).toEqual([]);
    // another Rosa anywhere in the post, even after the first name, means the first name alone is not the client
    expect(cats('Rosa finally signed her rollover paperwork! Rosa Martinez from our team helped.')).toEqual([]);
  });

  it('client names match without accents, as a single name, and repeat across posts', () => {
    const cats = (content: string, clientNames: string[]) => validatePost({ content, platform: 'linkedin', context: { clientNames } }).flags.map((f) => f.category);
    for (let i = 0; i < 2; i++) {
      expect(cats('José Núñez stopped by today.', ['Jose Nunez'])).toEqual(['client_confidential']);
      expect(cats('The Nunezes stopped by today.', ['José Núñez'])).toEqual(['client_confidential']);
      expect(cats('Cher stopped by today.', ['Cher'])).toEqual(['client_confidential']);
      expect(cats('Markets stopped by today.', ['Cher'])).toEqual([]);
    }
  });
});

describe('invalid custom rules', () => {
  it('an invalid firm regex disables only that rule', () => {
    const r = validatePost({
      content: 'Our dividend strategy is guaranteed to outpace inflation.',
      platform: 'linkedin',
      context: { firm: { customRules: [{ id: 'firm-bad', category: 'exaggerated_claim', severity: 'low', rationale: 'broken pattern from a firm admin', patterns: ['(unclosed'] }] } },
    });
    expect(r.flags.map((f) => f.ruleId)).toEqual(['finra-2210-d1b-guarantee']);
    expect(r.decision.outcome).toBe('blocked');
  });
});
