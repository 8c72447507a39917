/**
 * Per-platform payload text. LinkedIn's Posts API reads commentary as "little text": the
 * characters \ | { } @ [ ] ( ) < > # * _ ~ must be escaped or the post is silently cut at the
 * first one (external-apis.md §4.3). Hashtags become the hashtag template so they stay hashtags;
 * links and line breaks pass through escaped/unchanged and render exactly as approved.
 */
const LITTLE_TEXT_RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const HASHTAG = /(^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]+)/gu;

export const LINKEDIN_MAX_LENGTH = 3000;
export const FACEBOOK_MAX_LENGTH = 63_206;

export function escapeLittleText(text: string): string {
  return text.replace(LITTLE_TEXT_RESERVED, (c) => `\\${c}`);
}

export function toLinkedInCommentary(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(HASHTAG)) {
    const start = (m.index ?? 0) + m[1].length;
    out += escapeLittleText(text.slice(last, start)) + `{hashtag|\\#|${m[2]}}`;
    last = start + 1 + m[2].length;
  }
  return out + escapeLittleText(text.slice(last));
}

/** Inverse of toLinkedInCommentary: what a reader sees. Used to compare a read-back with the approved text. */
export function renderLinkedInCommentary(commentary: string): string {
  return commentary.replace(/\{hashtag\|\\#\|([^{}|\\]+)\}/g, '#$1').replace(/\\([\\|{}@[\]()<>#*_~])/g, '$1');
}
