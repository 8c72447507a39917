/**
 * Optional NLP plugin backed by wink-nlp + wink-eng-lite-web-model (server side). The core engine
 * never imports this file, so the browser bundle does not load the model. The lite model has no
 * PERSON entity, so persons are runs of proper nouns (PROPN) that look like personal names.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { NlpPlugin, PersonSpan } from '../types';

const NOT_NAME =
  /^(?:Fund|Bank|Street|St|Association|Group|Capital|Financial|Partners|University|College|School|Hospital|Church|Center|Inc|Corp|Company|Trust|Foundation|Index|Market|Reserve|Treasury|Day|Plan|Act|Rule|Club|Council|County|City|Park|Avenue|Road|Lane|Drive|Insurance|Advisors?|Wealth|Management|Services|Estate|Retirement|Income|Global|American|National|United|States|Social|Security|Medicare|Roth|IRA|ETF|FINRA|SEC|LinkedIn|Facebook|Google|Zoom|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Happy|Congrats|Congratulations|Thanks|Dow|Nasdaq|S&P)$/;

export function createWinkNlp(): NlpPlugin {
  const nlp = winkNLP(model);
  const its = nlp.its;
  return {
    name: 'wink-eng-lite-web-model',
    findPersons(text: string): PersonSpan[] {
      if (!/[A-Z][a-z]/.test(text)) return [];
      const doc = nlp.readDoc(text);
      const out: PersonSpan[] = [];
      const tokens = doc.tokens();
      const n = tokens.length();
      const values: string[] = tokens.out(its.value) as string[];
      const pos: string[] = tokens.out(its.pos) as string[];
      // map tokens back to offsets by scanning the text
      const offsets: number[] = [];
      let cursor = 0;
      for (let i = 0; i < n; i++) {
        const at = text.indexOf(values[i], cursor);
        offsets.push(at >= 0 ? at : cursor);
        if (at >= 0) cursor = at + values[i].length;
      }
      let i = 0;
      while (i < n) {
        if (pos[i] === 'PROPN' && /^[A-Z][a-z'-]+$/.test(values[i]) && !NOT_NAME.test(values[i])) {
          let j = i;
          while (j + 1 < n && pos[j + 1] === 'PROPN' && /^[A-Z][a-z'-]+$/.test(values[j + 1]) && !NOT_NAME.test(values[j + 1]) && j - i < 2) j++;
          const start = offsets[i];
          const end = offsets[j] + values[j].length;
          // The lite model tags any capitalised sentence opener as a proper noun ("Planning for…",
          // "Returns are…"). A lone opener counts as a name only if the text also capitalises it
          // mid-sentence; two or more capitalised words in a row ("Tom Baker") are kept.
          const opener = i === 0 || /^[.!?:;\n"“(]+$/.test(values[i - 1]) || /[.!?]\s*$/.test(text.slice(0, start));
          if (i === j && opener && !midSentence(text, values[i], start)) {
            i = j + 1;
            continue;
          }
          out.push({ start, end, text: text.slice(start, end) });
          i = j + 1;
        } else i++;
      }
      return out;
    },
  };
}

/** True when `word` appears capitalised somewhere other than at `except`, not at the start of a sentence. */
function midSentence(text: string, word: string, except: number): boolean {
  const re = new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(re)) {
    const at = m.index + m[1].length;
    if (at === except) continue;
    const before = text.slice(Math.max(0, at - 3), at);
    if (at > 0 && !/[.!?\n"“]\s*$/.test(before)) return true;
  }
  return false;
}
