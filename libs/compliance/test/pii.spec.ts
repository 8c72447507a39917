import { abaValid, detectPii, luhnValid, maskPii, redactPii, ssnStructureValid, validatePost } from '../src';
import { findEmails } from '../src/pii';

describe('PII checksums and detectors', () => {
  it('Luhn, ABA and SSN structure', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(abaValid('021000021')).toBe(true);
    expect(abaValid('021000022')).toBe(false);
    expect(ssnStructureValid('078051120')).toBe(true);
    expect(ssnStructureValid('000123456')).toBe(false);
    expect(ssnStructureValid('666123456')).toBe(false);
    expect(ssnStructureValid('912345678')).toBe(false);
    expect(ssnStructureValid('123004567')).toBe(false);
    expect(ssnStructureValid('123450000')).toBe(false);
  });

  it('finds SSNs, cards, routing/account numbers, phones, emails, DOBs and home addresses', () => {
    const kinds = (t: string) => detectPii(t, { mode: 'post' }).map((m) => m.kind);
    expect(kinds("Mark's SSN is 078-05-1120.")).toEqual(['ssn']);
    expect(kinds('Card 4111 1111 1111 1111 was declined.')).toEqual(['card']);
    expect(kinds('Wire to routing 021000021, account 483920175.')).toEqual(['routing', 'account']);
    expect(kinds('Her checking account (ending 4521) is linked.')).toEqual(['account']);
    expect(kinds('Mike wants a callback at (303) 555-0188.')).toEqual(['phone']);
    expect(kinds('Send it to jessica.moreno88@gmail.com today.')).toEqual(['email']);
    expect(kinds("Joe's birthday is Feb 14, 1955.")).toEqual(['dob']);
    expect(kinds('Mail the forms to Bill at his home, 42 Oak Lane, Springfield.')).toEqual(['address']);
    expect(kinds('Her passport number is X12345678.')).toEqual(['gov_id']);
  });

  it('business contact details, venues, form names and amounts are not PII in a post', () => {
    const none = [
      'Questions? Call our office at (303) 555-0100.',
      'Email our team at info@harborwealth.com.',
      'Join us at the Marriott ballroom, 2 Harbor Plaza.',
      'Form 1099-R reports distributions from your 401(k).',
      'The 2026 401(k) limit is $24,500; the account minimum is $250,000.',
      'Never share your Social Security number by email.',
      'Call 1-800-633-4227 with Medicare questions.',
    ];
    for (const t of none) expect(detectPii(t, { mode: 'post' })).toEqual([]);
  });

  it('catches a 12-digit account number written with spaces when "account number" is nearby (transcripts)', () => {
    const t = 'Sure, my account number is, um, 4471 0093 2210 and the balance is about ninety thousand.';
    const r = redactPii(t);
    expect(r.text).toBe('Sure, my account number is, um, [ACCOUNT] and the balance is about ninety thousand.');
    expect(r.redactions).toEqual([{ start: 32, end: 46, kind: 'account', replacement: '[ACCOUNT]' }]);
    // the same digits without an account label are left alone
    expect(detectPii('Our office ID is 4471 0093 2210 in the vendor system?'.replace('ID is', 'code'))).toEqual([]);
  });

  it('redacts every phone/email in transcripts and known names', () => {
    const r = redactPii('Call me at (303) 555-0100 or dana@acme.com — this is Dana Whitfield.', { names: ['Dana Whitfield'] });
    expect(r.text).toBe('Call me at [PHONE] or [EMAIL] — this is [NAME].');
  });

  it('masks pii excerpts in flags', () => {
    expect(maskPii('ssn', '078-05-1120')).toBe('***-**-1120');
    const r = validatePost({ content: "Mark's SSN is 078-05-1120 — please update his file.", platform: 'linkedin' });
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ category: 'pii', severity: 'critical', excerpt: '***-**-1120', start: 14, end: 25 });
    expect(JSON.stringify(r.flags)).not.toContain('078-05');
  });
});

describe('name redaction', () => {
  it('redacts known names and their capitalised parts, not the same word in lower case', () => {
    const r = redactPii('Will said he will call Will Smith tomorrow; Smith agreed.', { names: ['Will Smith'] });
    expect(r.text).toBe('[NAME] said he will call [NAME] tomorrow; [NAME] agreed.');
  });
});

describe('findEmails', () => {
  it('finds exactly what a /g scan with the email expression finds', () => {
    const re = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
    const pieces = ['a', 'bo', 'x9', '.', '..', '@', '@@', '-', '+', '_', '%', ' ', 'com', 'io', '.c', '1', 'é', '\n', ','];
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const texts = ['Email info@harborwealth.com or jo.ann+tax@mail.example.org today.', 'a@b.c@d.com', 'x@y@z.io', '@home.com', 'me@.com.co'];
    for (let i = 0; i < 5000; i++) {
      let t = '';
      for (let k = 0, n = 1 + Math.floor(rnd() * 30); k < n; k++) t += pieces[Math.floor(rnd() * pieces.length)];
      texts.push(t);
    }
    for (const t of texts) {
      const expected = [...t.matchAll(re)].map((m) => [m.index, m[0]]);
      expect([t, findEmails(t).map((m) => [m.index, m[0]])]).toEqual([t, expected]);
    }
  });
});
