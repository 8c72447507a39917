/**
 * LinkedIn "little text format": `\ | { } @ [ ] ( ) < > # * _ ~` must be backslash-escaped in
 * commentary. An unescaped one silently truncates the post there (the API still answers 201).
 * Recognised templates are kept: `{hashtag|\#|word}` and `@[Name](urn:li:person:x)`.
 */
const RESERVED = new Set(['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~']);
const HASHTAG = /^\{hashtag\|\\#\|([^{}|\\]+)\}/;
const MENTION = /^@\[([^\]]+)\]\((urn:li:(?:person|organization):[^)]+)\)/;

export interface LittleTextResult {
  /** Stored commentary (escapes kept), cut at the first unescaped reserved character. */
  stored: string;
  /** What a reader sees. */
  rendered: string;
  truncated: boolean;
  /** Index in the input where it was cut, or -1. */
  cutAt: number;
}

export function applyLittleText(input: string): LittleTextResult {
  let rendered = '';
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '\\') {
      const next = input[i + 1];
      if (next !== undefined && RESERVED.has(next)) {
        rendered += next;
        i += 2;
        continue;
      }
      return { stored: input.slice(0, i), rendered, truncated: true, cutAt: i };
    }
    if (ch === '{') {
      const m = HASHTAG.exec(input.slice(i));
      if (m) {
        rendered += `#${m[1]}`;
        i += m[0].length;
        continue;
      }
    }
    if (ch === '@') {
      const m = MENTION.exec(input.slice(i));
      if (m) {
        rendered += m[1];
        i += m[0].length;
        continue;
      }
    }
    if (RESERVED.has(ch)) return { stored: input.slice(0, i), rendered, truncated: true, cutAt: i };
    rendered += ch;
    i++;
  }
  return { stored: input, rendered, truncated: false, cutAt: -1 };
}
