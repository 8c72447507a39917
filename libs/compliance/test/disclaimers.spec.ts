import { checkLockedDisclosures, PLATFORM_LIMITS, validatePost } from '../src';

describe('disclaimers (§8)', () => {
  it('injects general risk for investing posts and past performance for historical returns, before trailing hashtags', () => {
    const content = 'The Bloomberg U.S. Aggregate Bond Index fell about 13% in 2022, its worst calendar year on record.\n\n#Bonds #Investing';
    const r = validatePost({ content, platform: 'linkedin' });
    expect(r.flags).toEqual([]);
    expect(r.injectedDisclaimers.map((d) => d.id)).toEqual(['past_performance', 'general_risk']);
    expect(r.validatedContent.startsWith(content.split('\n\n')[0])).toBe(true);
    expect(r.validatedContent.endsWith('#Bonds #Investing')).toBe(true);
    expect(r.validatedContent.indexOf('Past performance')).toBeLessThan(r.validatedContent.indexOf('Investing involves risk'));
  });

  it('is idempotent: a disclosure whose substance is present is not added again', () => {
    const first = validatePost({ content: 'Stocks fell 8% in the first quarter of 2025.', platform: 'linkedin' });
    const again = validatePost({ content: first.validatedContent, platform: 'linkedin' });
    expect(again.injectedDisclaimers).toEqual([]);
    expect(again.validatedContent).toBe(first.validatedContent);
  });

  it('team news gets no general risk disclosure', () => {
    const r = validatePost({ content: 'Welcome to our newest team member, Alicia! 👋', platform: 'linkedin' });
    expect(r.injectedDisclaimers).toEqual([]);
    expect(r.validatedContent).toBe('Welcome to our newest team member, Alicia! 👋');
  });

  it('puts the testimonial disclosure right after the paragraph holding the statement', () => {
    const content = 'A client emailed me: our planning saved her thousands. Thank you!\n\nAlso: our office closes early Friday.';
    const r = validatePost({ content, platform: 'linkedin' });
    expect(r.flags.map((f) => f.category)).toEqual(['testimonial']);
    const paras = r.validatedContent.split('\n\n');
    expect(paras[1]).toMatch(/^The statement above is from a \[current client/);
    expect(paras[2]).toBe('Also: our office closes early Friday.');
  });

  it('adds firm-required disclosures (locked) and checkLockedDisclosures verifies them verbatim', () => {
    const firm = { requiredDisclosures: ['Securities offered through Acme Securities, member FINRA/SIPC.'] };
    const r = validatePost({ content: 'Happy holidays from our team!', platform: 'linkedin', context: { firm } });
    expect(r.injectedDisclaimers).toEqual([
      { id: 'firm_required_1', text: firm.requiredDisclosures[0], reason: expect.any(String), locked: true },
    ]);
    expect(checkLockedDisclosures(r.validatedContent, firm)).toEqual({ ok: true, missing: [] });
    const edited = r.validatedContent.replace('member FINRA/SIPC', 'member FINRA');
    expect(checkLockedDisclosures(edited, firm)).toEqual({ ok: false, missing: firm.requiredDisclosures });
    expect(checkLockedDisclosures('anything', undefined).ok).toBe(true);
  });

  it('uses short forms near the LinkedIn limit, never truncates, and asks to shorten when still over', () => {
    const sentence = 'Stocks and bonds both had a volatile quarter, and diversification helped. ';
    const near = sentence.repeat(Math.floor((PLATFORM_LIMITS.linkedin - 100) / sentence.length)).trim();
    const r1 = validatePost({ content: near, platform: 'linkedin' });
    expect(r1.validatedContent.length).toBeLessThanOrEqual(PLATFORM_LIMITS.linkedin);
    expect(r1.injectedDisclaimers.find((d) => d.id === 'general_risk')?.text).toBe('Not investment advice. Investing involves risk, including loss of principal.');
    expect(r1.validatedContent.startsWith(near)).toBe(true);

    const over = sentence.repeat(Math.ceil(PLATFORM_LIMITS.linkedin / sentence.length)).trim();
    const r2 = validatePost({ content: over, platform: 'linkedin' });
    expect(r2.validatedContent.startsWith(over)).toBe(true);
    const excess = r2.validatedContent.length - PLATFORM_LIMITS.linkedin;
    expect(r2.requiredModifications).toContain(
      `Shorten the post by ${excess} characters: with the required disclosures it is ${r2.validatedContent.length} characters, over the LinkedIn limit of 3,000.`,
    );
    expect(r2.decision.outcome).toBe('needs_review');
    // the same text fits Facebook's limit
    expect(validatePost({ content: over, platform: 'facebook' }).validatedContent.length).toBeLessThanOrEqual(PLATFORM_LIMITS.facebook);
  });

  it('adds the hypothetical disclosure for a labelled illustration without flagging it', () => {
    const r = validatePost({ content: 'Hypothetical: $10,000 compounding at an assumed 5% for 10 years is about $16,289.', platform: 'linkedin' });
    expect(r.flags).toEqual([]);
    expect(r.injectedDisclaimers.map((d) => d.id)).toContain('hypothetical');
  });
});
