import { createWinkNlp } from '../src/nlp/wink';
import { evaluate, loadCorpus, metricsTable } from './corpus-metrics';

describe('labelled corpus', () => {
  const items = loadCorpus();

  it('has at least 150 posts, 50 clean, and every category several times', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(items.filter((i) => i.expected.length === 0).length).toBeGreaterThanOrEqual(50);
    const counts: Record<string, number> = {};
    for (const i of items) for (const c of i.expected) counts[c] = (counts[c] ?? 0) + 1;
    for (const c of ['promissory', 'performance_projection', 'testimonial', 'specific_recommendation', 'exaggerated_claim', 'pii', 'client_confidential', 'restricted_topic']) {
      expect(counts[c] ?? 0).toBeGreaterThanOrEqual(5);
    }
  });

  it('meets the acceptance thresholds (micro-F1 ≥ 0.90, clean FP ≤ 5%, recall ≥ 0.95 on pii and promissory)', () => {
    const m = evaluate(items);
    for (const split of ['A', 'B', 'G', 'C']) {
      const s = evaluate(items.filter((i) => i.split === split));
       
      console.log(`split ${split}: micro-F1 ${s.micro.f1.toFixed(3)}, clean FP ${(s.cleanFpRate * 100).toFixed(1)}% (${s.cleanFalsePositives}/${s.cleanPosts})`);
    }
     
    console.table(metricsTable(m));
    if (m.errors.length) {
       
      console.log('mismatches:\n' + m.errors.map((e) => `${e.id} expected [${e.expected}] got [${e.got}] :: ${e.content.slice(0, 110)}`).join('\n'));
    }
    expect(m.micro.f1).toBeGreaterThanOrEqual(0.9);
    expect(m.cleanFpRate).toBeLessThanOrEqual(0.05);
    expect(m.perCategory.pii.recall).toBeGreaterThanOrEqual(0.95);
    expect(m.perCategory.promissory.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('meets the same thresholds with the server-side name recogniser (the API runs with it)', () => {
    const m = evaluate(items, { nlp: createWinkNlp() });
     
    console.log(`with wink-nlp: micro-F1 ${m.micro.f1.toFixed(3)}, clean FP ${(m.cleanFpRate * 100).toFixed(1)}% (${m.cleanFalsePositives}/${m.cleanPosts})`);
    if (m.errors.length) {
       
      console.log('mismatches with wink-nlp:\n' + m.errors.map((e) => `${e.id} expected [${e.expected}] got [${e.got}] :: ${e.content.slice(0, 110)}`).join('\n'));
    }
    expect(m.micro.f1).toBeGreaterThanOrEqual(0.9);
    expect(m.cleanFpRate).toBeLessThanOrEqual(0.05);
    expect(m.perCategory.pii.recall).toBeGreaterThanOrEqual(0.95);
    expect(m.perCategory.promissory.recall).toBeGreaterThanOrEqual(0.95);
  });
});
