import { effectiveThreshold, scoreFlags, validatePost } from '../src';

describe('risk score (§7)', () => {
  it.each([
    [[], 0],
    [[{ category: 'exaggerated_claim', severity: 'medium' }], 35],
    [[{ category: 'testimonial', severity: 'high' }], 65],
    [[{ category: 'testimonial', severity: 'high' }, { category: 'exaggerated_claim', severity: 'medium' }], 74],
    [[{ category: 'testimonial', severity: 'high' }, { category: 'specific_recommendation', severity: 'high' }], 81],
    [[{ category: 'pii', severity: 'critical' }], 90],
    [[{ category: 'pii', severity: 'critical' }, { category: 'testimonial', severity: 'high' }], 100],
  ] as const)('%j → %d', (flags, score) => {
    expect(scoreFlags(flags as never).riskScore).toBe(score);
  });

  it('collapses to one flag per category and explains the contributions', () => {
    const { riskScore, breakdown } = scoreFlags([
      { category: 'specific_recommendation', severity: 'high' },
      { category: 'specific_recommendation', severity: 'high' },
      { category: 'exaggerated_claim', severity: 'medium' },
    ]);
    expect(riskScore).toBe(74);
    expect(breakdown).toEqual([
      { category: 'specific_recommendation', severity: 'high', weight: 65, contribution: 65 },
      { category: 'exaggerated_claim', severity: 'medium', weight: 35, contribution: 8.75 },
    ]);
  });
});

describe('decision (§9)', () => {
  it('critical flags always block', () => {
    const r = validatePost({ content: 'Our fund is guaranteed to return 9% a year.', platform: 'linkedin', context: { firm: { autoApprovalThreshold: 60 } } });
    expect(r.decision.outcome).toBe('blocked');
    expect(r.approved).toBe(false);
    expect(r.approvalRequired).toBe(true);
    expect(r.decision.ruleIds).toContain('finra-2210-d1b-guarantee');
  });

  it('high flags go to review', () => {
    const r = validatePost({ content: 'Healthcare stocks will rally into year-end.', platform: 'linkedin' });
    expect(r.riskScore).toBe(65);
    expect(r.decision.outcome).toBe('needs_review');
  });

  it('medium flags: review at or above the threshold, auto-approve below it', () => {
    const content = 'Premier retirement planning for busy families.';
    const def = validatePost({ content, platform: 'linkedin' });
    expect(def.riskScore).toBe(35);
    expect(def.decision.outcome).toBe('needs_review');
    const lenient = validatePost({ content, platform: 'linkedin', context: { firm: { autoApprovalThreshold: 40 } } });
    expect(lenient.decision.outcome).toBe('auto_approved');
    expect(lenient.approved).toBe(true);
  });

  it('threshold defaults to 30, follows risk tolerance, never exceeds 60', () => {
    expect(effectiveThreshold()).toBe(30);
    expect(effectiveThreshold({ riskTolerance: 'conservative' })).toBe(20);
    expect(effectiveThreshold({ riskTolerance: 'aggressive' })).toBe(40);
    expect(effectiveThreshold({ autoApprovalThreshold: 95 })).toBe(60);
  });

  it('clean LinkedIn posts are auto-approved; clean Facebook posts about investing go to review', () => {
    const content = 'A mix of stocks and bonds can help manage volatility; let\'s talk about what fits you.';
    const li = validatePost({ content, platform: 'linkedin' });
    expect(li.flags).toEqual([]);
    expect(li.decision.outcome).toBe('auto_approved');
    const fb = validatePost({ content, platform: 'facebook' });
    expect(fb.flags).toEqual([]);
    expect(fb.decision.outcome).toBe('needs_review');
    expect(fb.decision.reason).toMatch(/Facebook/);
    const fbOff = validatePost({ content, platform: 'facebook', context: { firm: { facebookInvestmentAlwaysReview: false } } });
    expect(fbOff.decision.outcome).toBe('auto_approved');
  });

  it('Facebook team news without investment content can be auto-approved', () => {
    const r = validatePost({ content: 'Proud to sponsor the Little League team again this spring. Go Hawks!', platform: 'facebook' });
    expect(r.discussesInvesting).toBe(false);
    expect(r.injectedDisclaimers).toEqual([]);
    expect(r.decision.outcome).toBe('auto_approved');
  });

  it('a firm that disables auto-approval reviews everything', () => {
    const r = validatePost({ content: 'Happy holidays from our team!', platform: 'linkedin', context: { firm: { autoApprovalEnabled: false } } });
    expect(r.decision.outcome).toBe('needs_review');
  });

  it('a testimonial with unresolved disclosure placeholders goes to review', () => {
    const r = validatePost({ content: '"Dana made retirement feel possible. Thank you!" — K.L., client since 2019', platform: 'linkedin' });
    expect(r.decision.outcome).toBe('needs_review');
    expect(r.requiredModifications.some((m) => /testimonial disclosure/.test(m))).toBe(true);
  });

  it('reports engine and rule-pack versions', () => {
    const r = validatePost({ content: 'Hello', platform: 'linkedin' });
    expect(r.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(r.rulePackVersions)).toEqual(expect.arrayContaining(['finra-2210', 'sec-marketing', 'reg-s-p', 'firm-policy', 'state-additions']));
  });
});

describe('robustness', () => {
  it('handles empty, odd and random input without throwing', () => {
    expect(validatePost({ content: '', platform: 'linkedin' }).decision.outcome).toBe('auto_approved');
    const odd = ['\uD83D', '\u200B\u200B', '###', '$$$ 100% %%%', 'a'.repeat(70000), '“”‘’—–', 'R I S K', '\n\n\n'];
    for (const content of odd) {
      const r = validatePost({ content, platform: 'facebook' });
      for (const f of r.flags) expect(f.end).toBeLessThanOrEqual(content.length);
    }
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = 'abc XYZ 0123456789 $%#@.,;:!?"\'()—–-\n🚀⭐é guaranteed risk free client SSN account';
    for (let i = 0; i < 300; i++) {
      let s = '';
      const n = Math.floor(rnd() * 200);
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const r = validatePost({ content: s, platform: 'linkedin', context: { clientNames: ['Ana Souza'], restrictedTopics: ['cryptocurrency'] } });
      expect(r.decision.ruleIds).not.toContain('engine-error');
      for (const f of r.flags) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeGreaterThan(f.start);
        expect(f.end).toBeLessThanOrEqual(s.length);
      }
    }
  });
});
