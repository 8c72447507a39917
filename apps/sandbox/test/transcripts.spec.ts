import { PROMPT_INJECTION_SENTENCE, TRANSCRIPTS, getTranscript, transcriptText } from '../src/transcripts/library';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('transcript library', () => {
  it('holds at least 8 meetings with unique ids', () => {
    expect(TRANSCRIPTS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(TRANSCRIPTS.map((t) => t.id)).size).toBe(TRANSCRIPTS.length);
  });

  it('covers the advisory topics the product is demoed with', () => {
    const topics = TRANSCRIPTS.map((t) => t.topic.toLowerCase()).join(' | ');
    for (const topic of ['retirement', '529', 'downturn', 'estate', 'insurance', 'prospect', 'tax-loss', 'small-business']) {
      expect(topics).toContain(topic);
    }
  });

  describe.each(TRANSCRIPTS.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    it('lasts 20 to 60 minutes and its timestamps span that duration', () => {
      expect(t.durationMinutes).toBeGreaterThanOrEqual(20);
      expect(t.durationMinutes).toBeLessThanOrEqual(60);
      const last = t.segments[t.segments.length - 1];
      expect(last.endSec).toBeLessThanOrEqual(t.durationMinutes * 60);
      expect(last.endSec).toBeGreaterThan(t.durationMinutes * 60 - 60);
      expect(t.segments[0].startSec).toBeLessThan(30);
    });

    it('has at least 1,500 words at a believable speaking rate', () => {
      expect(words(transcriptText(t))).toBeGreaterThanOrEqual(1500);
      for (const s of t.segments.filter((seg) => words(seg.text) >= 5)) {
        const wpm = words(s.text) / ((s.endSec - s.startSec) / 60);
        expect(wpm).toBeGreaterThan(60);
        expect(wpm).toBeLessThan(200);
      }
    });

    it('has segments ordered and not overlapping', () => {
      t.segments.forEach((s, i) => {
        expect(s.endSec).toBeGreaterThan(s.startSec);
        if (i > 0) expect(s.startSec).toBeGreaterThanOrEqual(t.segments[i - 1].endSec);
      });
    });

    it('has an advisor, a client and every speaker listed as a participant', () => {
      const names = new Set(t.participants.map((p) => p.name));
      const speakers = new Set(t.segments.map((s) => s.speaker));
      expect(speakers.size).toBeGreaterThanOrEqual(2);
      for (const speaker of speakers) expect(names.has(speaker)).toBe(true);
      expect(t.participants.some((p) => p.role === 'advisor')).toBe(true);
      expect(t.participants.some((p) => p.role === 'client')).toBe(true);
    });
  });

  it('contains PII in several meetings', () => {
    const texts = TRANSCRIPTS.map(transcriptText);
    const phone = /\(?\d{3}\)?[ -]\d{3}-\d{4}/;
    const account = /\b\d{4}[ -]\d{4}[ -]\d{4}\b/;
    const email = /[\w.]+@[\w.]+\.example/;
    const dob = /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 19\d\d/;
    const address = /\d{3,4} [A-Z][a-z]+ (Lane|Road|Court|Street|Drive)/;
    const ssn = /Social Security number ends in \d{4}/;
    for (const re of [phone, account, email, dob, address, ssn]) {
      expect(texts.filter((text) => re.test(text)).length).toBeGreaterThanOrEqual(1);
    }
    expect(texts.filter((text) => phone.test(text)).length).toBeGreaterThanOrEqual(3);
  });

  it('contains statements a compliance officer would stop', () => {
    const all = TRANSCRIPTS.map(transcriptText).join('\n');
    expect(all).toContain("you can't lose money with this");
    expect(all).toContain("I'd buy more of that stock");
    expect(all).toContain('this will double in five years');
    expect(all).toContain("you're the best advisor we've ever had, tell everyone");
  });

  it('contains the prompt-injection attempt in exactly one meeting', () => {
    const withInjection = TRANSCRIPTS.filter((t) => transcriptText(t).includes(PROMPT_INJECTION_SENTENCE));
    expect(withInjection.map((t) => t.id)).toEqual(['prospect-first-meeting-adeyemi']);
  });

  it('finds a meeting by id', () => {
    expect(getTranscript('estate-planning-castellano')?.title).toMatch(/Castellano/);
    expect(getTranscript('nope')).toBeUndefined();
  });
});
