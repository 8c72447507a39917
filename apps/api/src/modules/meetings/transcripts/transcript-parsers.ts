import { TranscriptFormatError, TranscriptSegment } from './transcript.types';

export type TranscriptFormat = 'vtt' | 'srt' | 'txt' | 'recall_json';

const fail = (msg: string): never => {
  throw new TranscriptFormatError(msg);
};

/** `HH:MM:SS.mmm`, `MM:SS.mmm` (VTT) or `HH:MM:SS,mmm` (SRT) → seconds. */
function clock(value: string, sep: '.' | ','): number | null {
  const re = sep === '.' ? /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/ : /^(\d{1,3}):([0-5]\d):([0-5]\d),(\d{3})$/;
  const m = re.exec(value.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

/** `Name: text` → speaker + text, when the prefix looks like a name (short, no sentence inside). */
function speakerPrefix(text: string): { speaker: string | null; text: string } {
  const m = /^([A-Z][\w .'()&-]{0,60}?):\s+(.+)$/s.exec(text);
  if (m && !/[.?!]/.test(m[1].replace(/\b[A-Z]\./g, ''))) return { speaker: m[1].trim(), text: m[2].trim() };
  return { speaker: null, text };
}

function lines(input: string): string[] {
  if (input.includes('\u0000')) fail('the file is binary, not a text transcript');
  return input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

function ensureSome(segments: TranscriptSegment[], what: string): TranscriptSegment[] {
  if (segments.length === 0) fail(`${what} contains no transcript text`);
  return segments;
}

/** WebVTT: header, optional cue ids, timings, `<v Speaker>` voice tags or `Speaker:` prefixes. */
export function parseVtt(input: string): TranscriptSegment[] {
  const ls = lines(input);
  if (!/^WEBVTT(\s|$)/.test(ls[0] ?? '')) fail('line 1: a WebVTT file must start with "WEBVTT"');
  const out: TranscriptSegment[] = [];
  let i = 1;
  while (i < ls.length) {
    if (ls[i].trim() === '') {
      i++;
      continue;
    }
    // NOTE / STYLE / REGION blocks run to the next blank line.
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(ls[i])) {
      while (i < ls.length && ls[i].trim() !== '') i++;
      continue;
    }
    let timingLine = i;
    if (!ls[i].includes('-->')) timingLine = i + 1; // cue identifier
    const timing = ls[timingLine] ?? '';
    const m = /^(\S+)\s+-->\s+(\S+)/.exec(timing);
    if (!m) fail(`line ${timingLine + 1}: expected a cue timing "00:00:01.000 --> 00:00:04.000", got "${timing.slice(0, 60)}"`);
    const start = clock(m![1], '.');
    const end = clock(m![2], '.');
    if (start === null) fail(`line ${timingLine + 1}: invalid start time "${m![1]}"`);
    if (end === null) fail(`line ${timingLine + 1}: invalid end time "${m![2]}"`);
    if (end! < start!) fail(`line ${timingLine + 1}: the cue ends before it starts`);
    i = timingLine + 1;
    const textLines: string[] = [];
    while (i < ls.length && ls[i].trim() !== '') textLines.push(ls[i++]);
    if (textLines.length === 0) fail(`line ${timingLine + 1}: the cue has no text`);
    let text = textLines.join(' ');
    let speaker: string | null = null;
    const voice = /<v(?:\.[\w.-]+)?\s+([^>]+)>/.exec(text);
    if (voice) speaker = voice[1].trim();
    text = text.replace(/<[^>]+>/g, '').trim();
    if (!speaker) ({ speaker, text } = speakerPrefix(text));
    if (text) out.push({ speaker, start, end, text });
  }
  return ensureSome(out, 'the WebVTT file');
}

/** SubRip: numbered blocks with `00:00:01,000 --> 00:00:04,000` timings. */
export function parseSrt(input: string): TranscriptSegment[] {
  const ls = lines(input);
  const out: TranscriptSegment[] = [];
  let i = 0;
  let block = 0;
  while (i < ls.length) {
    if (ls[i].trim() === '') {
      i++;
      continue;
    }
    block++;
    if (!/^\d+$/.test(ls[i].trim())) fail(`line ${i + 1}: expected the number of subtitle ${block}, got "${ls[i].slice(0, 60)}"`);
    const timing = ls[i + 1] ?? '';
    const m = /^(\S+)\s+-->\s+(\S+)$/.exec(timing.trim());
    if (!m) fail(`line ${i + 2}: expected a timing "00:00:01,000 --> 00:00:04,000", got "${timing.slice(0, 60)}"`);
    const start = clock(m![1], ',');
    const end = clock(m![2], ',');
    if (start === null) fail(`line ${i + 2}: invalid start time "${m![1]}"`);
    if (end === null) fail(`line ${i + 2}: invalid end time "${m![2]}"`);
    if (end! < start!) fail(`line ${i + 2}: subtitle ${block} ends before it starts`);
    i += 2;
    const textLines: string[] = [];
    while (i < ls.length && ls[i].trim() !== '') textLines.push(ls[i++]);
    if (textLines.length === 0) fail(`line ${i}: subtitle ${block} has no text`);
    const { speaker, text } = speakerPrefix(textLines.join(' ').replace(/<[^>]+>/g, '').trim());
    out.push({ speaker, start, end, text });
  }
  return ensureSome(out, 'the SubRip file');
}

/** Plain text: `[00:01:23] Speaker: text`, `Speaker (00:01:23): text`, `Speaker: text` or bare lines. */
export function parseTxt(input: string): TranscriptSegment[] {
  const ls = lines(input);
  const out: TranscriptSegment[] = [];
  const ts = (v: string) => {
    const parts = v.split(':').map(Number);
    return parts.reduce((acc, n) => acc * 60 + n, 0);
  };
  ls.forEach((raw, idx) => {
    const line = raw.trim();
    if (!line) return;
    if (/[\u0001-\u0008\u000e-\u001f]/.test(line)) fail(`line ${idx + 1}: contains control characters; is this a text file?`);
    let m = /^\[?((?:\d{1,2}:)?\d{1,2}:\d{2})\]?\s+(.*)$/.exec(line);
    let start: number | null = null;
    let rest = line;
    if (m) {
      start = ts(m[1]);
      rest = m[2];
    } else if ((m = /^(.{1,60}?)\s+\(((?:\d{1,2}:)?\d{1,2}:\d{2})\):\s*(.+)$/.exec(line))) {
      out.push({ speaker: m[1].trim(), start: ts(m[2]), end: null, text: m[3].trim() });
      return;
    }
    const { speaker, text } = speakerPrefix(rest);
    out.push({ speaker, start, end: null, text });
  });
  // A line's end is the next timed line's start.
  for (let i = 0; i < out.length - 1; i++) if (out[i].start !== null && out[i + 1].start !== null) out[i].end = out[i + 1].start;
  return ensureSome(out, 'the text file');
}

type Ts = number | { relative?: unknown } | null | undefined;

function seconds(v: Ts, where: string, required: boolean): number | null {
  if (v === null || v === undefined) {
    if (required) fail(`${where} is missing`);
    return null;
  }
  const n = typeof v === 'number' ? v : typeof v === 'object' ? v.relative : undefined;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) fail(`${where} must be a number of seconds (or {relative})`);
  return n as number;
}

/**
 * Recall's transcript download, both shapes (external-apis.md §2.5): v1.11 `[{participant:{name},
 * words:[{text, start_timestamp:{relative}, end_timestamp}]}]` and v1.10 `[{speaker, words:[{text,
 * start_timestamp: n, end_timestamp: n}]}]`. Word-level input is grouped into sentences.
 */
export function parseRecallTranscript(data: unknown): TranscriptSegment[] {
  if (!Array.isArray(data)) fail('a Recall transcript must be a JSON array of utterances');
  const out: TranscriptSegment[] = [];
  (data as unknown[]).forEach((u, i) => {
    if (typeof u !== 'object' || u === null) fail(`item ${i}: expected an object with "words"`);
    const item = u as { participant?: { name?: unknown } | null; speaker?: unknown; words?: unknown };
    if (!Array.isArray(item.words)) fail(`item ${i}: "words" must be an array`);
    const name = item.participant && typeof item.participant === 'object' ? item.participant.name : item.speaker;
    if (name !== undefined && name !== null && typeof name !== 'string') fail(`item ${i}: the speaker name must be a string`);
    const speaker = (name as string | null | undefined) ?? null;
    let current: TranscriptSegment | null = null;
    (item.words as unknown[]).forEach((w, j) => {
      const where = `item ${i}: words[${j}]`;
      if (typeof w !== 'object' || w === null) fail(`${where} must be an object`);
      const word = w as { text?: unknown; start_timestamp?: Ts; end_timestamp?: Ts };
      if (typeof word.text !== 'string') fail(`${where}.text must be a string`);
      const start = seconds(word.start_timestamp, `${where}.start_timestamp`, true);
      const end = seconds(word.end_timestamp, `${where}.end_timestamp`, false) ?? start;
      const text = (word.text as string).trim();
      if (!text) return;
      if (!current) current = { speaker, start, end, text };
      else {
        current.text = `${current.text} ${text}`;
        current.end = end;
      }
      if (/[.?!]["')\]]?$/.test(text)) {
        out.push(current);
        current = null;
      }
    });
    if (current) out.push(current);
  });
  return out;
}

export function formatOf(filename: string): TranscriptFormat | null {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'vtt') return 'vtt';
  if (ext === 'srt') return 'srt';
  if (ext === 'txt') return 'txt';
  if (ext === 'json') return 'recall_json';
  return null;
}

/** Parses an uploaded transcript file; throws TranscriptFormatError naming the problem. */
export function parseTranscriptFile(format: TranscriptFormat, buffer: Buffer): TranscriptSegment[] {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  if (text.includes('\uFFFD')) fail('the file is not UTF-8 text');
  switch (format) {
    case 'vtt':
      return parseVtt(text);
    case 'srt':
      return parseSrt(text);
    case 'txt':
      return parseTxt(text);
    case 'recall_json': {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        return fail(`the JSON is malformed: ${(e as Error).message}`);
      }
      return ensureSome(parseRecallTranscript(data), 'the Recall JSON file');
    }
  }
}
