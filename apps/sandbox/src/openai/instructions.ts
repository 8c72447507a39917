/**
 * Worst-case mode: the sandbox model obeys instructions found anywhere in its input, the way a
 * model without prompt-injection resistance would. This module finds them.
 *
 * Recognised, in a sentence that reads as addressed to the model (it mentions ignoring
 * instructions, an AI/assistant/notetaker, or putting something "in the post"):
 *   - "ignore / disregard / forget your (previous) instructions|rules|guidelines" → drop guidance
 *   - "put|include|add|insert|mention|write|paste X in|into the post|email|summary|output" → X is included there
 *   - "say|state|claim|write|announce|promise (that) Y" → the sentence "Y." is included
 *   - "make sure the post says|mentions Y" → "Y." is included in the post
 */
export type InjectionTarget = 'post' | 'email' | 'summary';

export interface Injection {
  text: string;
  targets: InjectionTarget[];
  /** The sentence of the input the instruction came from. */
  source: string;
}

export interface Obedience {
  dropGuidance: boolean;
  injections: Injection[];
  /** Sentences read as instructions, for the inspector. */
  instructions: string[];
}

const ALL_TARGETS: InjectionTarget[] = ['post', 'email', 'summary'];
const IGNORE = /\b(ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(instructions?|rules|guidelines|guidance|prompt|policies|polic(y|ies))\b/i;
const ADDRESSED = /\b(ai|a\.i\.|assistant|notetaker|note-taker|note taker|chatgpt|gpt|language model|llm|bot|model)\b/i;
const INCLUDE =
  /\b(?:put|include|add|insert|mention|write|paste|append)\s+(.+?)\s+(?:in|into|inside|to|on)\s+(?:the\s+|every\s+|each\s+|all\s+(?:the\s+)?|your\s+|our\s+)?(posts?|emails?|summary|summaries|output|drafts?|response|answer|linkedin|facebook)\b/i;
const SAY = /\b(?:say|state|claim|announce|promise|tell (?:them|everyone|readers|people|clients)|write that)\s+(?:that\s+)?(.+)$/i;
const MAKE_SURE = /\b(?:make sure|ensure)\s+(?:that\s+)?(?:the\s+|every\s+|each\s+)?(posts?|emails?|summary)\s+(?:says?|mentions?|includes?|states?)\s+(?:that\s+)?(.+)$/i;

function targetOf(word: string): InjectionTarget[] {
  const w = word.toLowerCase();
  if (w.startsWith('post') || w === 'linkedin' || w === 'facebook') return ['post'];
  if (w.startsWith('email')) return ['email'];
  if (w.startsWith('summar')) return ['summary'];
  return ALL_TARGETS;
}

function asSentence(fragment: string): string {
  let t = fragment.trim().replace(/^["'“]+|["'”]+$/g, '').replace(/[,;:\s]+$/, '').replace(/[.!]+$/, '');
  if (!t) return '';
  t = t[0].toUpperCase() + t.slice(1);
  return `${t}.`;
}

export function findInstructions(text: string): Obedience {
  const result: Obedience = { dropGuidance: false, injections: [], instructions: [] };
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const sentence of sentences) {
    const ignores = IGNORE.test(sentence);
    const includeAnywhere = INCLUDE.test(sentence);
    const makeSure = MAKE_SURE.test(sentence);
    if (!ignores && !includeAnywhere && !makeSure && !ADDRESSED.test(sentence)) continue;
    const clauses = sentence
      .split(/,\s*(?:and\s+)?|;\s*|\s+and\s+(?=(?:then\s+)?(?:put|include|add|insert|mention|write|paste|append|say|state|claim|announce|promise|tell|make sure|ensure)\b)/i)
      .map((c) => c.trim())
      .filter(Boolean);
    const found: Injection[] = [];
    let sentenceTargets: InjectionTarget[] | undefined;
    const says: string[] = [];
    for (const clause of clauses) {
      const inc = INCLUDE.exec(clause);
      if (inc) {
        const what = asSentence(inc[1].replace(/^(the|a|an)\s+(?=\w)/i, (m) => (/\d/.test(inc[1]) ? '' : m)));
        const targets = targetOf(inc[2]);
        sentenceTargets = [...new Set([...(sentenceTargets ?? []), ...targets])];
        if (what) found.push({ text: what, targets, source: sentence });
        continue;
      }
      const sure = MAKE_SURE.exec(clause);
      if (sure) {
        const targets = targetOf(sure[1]);
        sentenceTargets = [...new Set([...(sentenceTargets ?? []), ...targets])];
        const what = asSentence(sure[2]);
        if (what) found.push({ text: what, targets, source: sentence });
        continue;
      }
      const say = SAY.exec(clause);
      if (say && (ignores || includeAnywhere || ADDRESSED.test(sentence))) says.push(asSentence(say[1]));
    }
    for (const s of says) if (s) found.push({ text: s, targets: sentenceTargets ?? ALL_TARGETS, source: sentence });
    if (ignores) result.dropGuidance = true;
    if (found.length || ignores) result.instructions.push(sentence);
    result.injections.push(...found);
  }
  return result;
}
