/** Post-level evaluation of the engine on the labelled corpus (shared by the corpus spec and scripts). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CATEGORIES, type Category, type EngineOptions, type ValidateInput } from '../src';
import { validatePost } from '../src';

export interface CorpusItem {
  id: string;
  split?: string;
  platform: 'linkedin' | 'facebook';
  content: string;
  context?: ValidateInput['context'];
  expected: Category[];
}

export function loadCorpus(): CorpusItem[] {
  return JSON.parse(readFileSync(join(__dirname, '..', 'corpus', 'labelled-posts.json'), 'utf8')) as CorpusItem[];
}

export interface Metrics {
  perCategory: Record<Category, { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number; support: number }>;
  micro: { precision: number; recall: number; f1: number };
  cleanPosts: number;
  cleanFalsePositives: number;
  cleanFpRate: number;
  errors: { id: string; expected: Category[]; got: Category[]; content: string }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function evaluate(items: CorpusItem[], options?: EngineOptions): Metrics {
  const per = {} as Metrics['perCategory'];
  for (const c of CATEGORIES) per[c] = { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0, support: 0 };
  let clean = 0;
  let cleanFp = 0;
  const errors: Metrics['errors'] = [];
  for (const it of items) {
    const r = validatePost({ content: it.content, platform: it.platform, context: it.context }, options);
    const got = new Set(r.flags.map((f) => f.category));
    const exp = new Set(it.expected);
    for (const c of CATEGORIES) {
      if (exp.has(c)) per[c].support++;
      if (got.has(c) && exp.has(c)) per[c].tp++;
      else if (got.has(c)) per[c].fp++;
      else if (exp.has(c)) per[c].fn++;
    }
    if (exp.size === 0) {
      clean++;
      if (got.size > 0) cleanFp++;
    }
    const g = [...got].sort();
    if (g.join() !== [...exp].sort().join()) errors.push({ id: it.id, expected: [...exp].sort(), got: g, content: it.content });
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of CATEGORIES) {
    const m = per[c];
    m.precision = ratio(m.tp, m.tp + m.fp);
    m.recall = ratio(m.tp, m.tp + m.fn);
    m.f1 = m.precision + m.recall === 0 ? 0 : (2 * m.precision * m.recall) / (m.precision + m.recall);
    tp += m.tp;
    fp += m.fp;
    fn += m.fn;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    perCategory: per,
    micro: { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) },
    cleanPosts: clean,
    cleanFalsePositives: cleanFp,
    cleanFpRate: ratio(cleanFp, clean === 0 ? 1 : clean) * (clean === 0 ? 0 : 1),
    errors,
  };
}

export function metricsTable(m: Metrics): Record<string, Record<string, string | number>> {
  const rows: Record<string, Record<string, string | number>> = {};
  const f = (x: number) => x.toFixed(3);
  for (const c of CATEGORIES) {
    const x = m.perCategory[c];
    rows[c] = { support: x.support, tp: x.tp, fp: x.fp, fn: x.fn, precision: f(x.precision), recall: f(x.recall), f1: f(x.f1) };
  }
  rows['micro'] = { support: '', tp: '', fp: '', fn: '', precision: f(m.micro.precision), recall: f(m.micro.recall), f1: f(m.micro.f1) };
  rows['clean FP rate'] = { support: m.cleanPosts, tp: '', fp: m.cleanFalsePositives, fn: '', precision: '', recall: '', f1: f(m.cleanFpRate) };
  return rows;
}
