/**
 * Reads a chat request the way the sandbox "model" sees it: guidance (system/developer messages),
 * the user's text, the transcript segments found in it, and automations the prompt describes.
 *
 * Transcript formats understood (one segment per line unless JSON):
 *   `[12] [00:03:05] Dana Whitfield: text`   `#12 (185.2s) Dana: text`   `[00:03:05 - 00:03:09] Dana: text`
 *   `Dana Whitfield (03:05): text`   `Dana: text`   `[#12 00:03:05 Dana Whitfield] text`
 *   JSON arrays of `{index?|id?, speaker|participant, start|startSec|start_time?, end?, text}`,
 *   and Recall's `[{participant:{name}, words:[{text, start_timestamp}]}]`.
 * Explicit indices are kept (so evidence can point at them); otherwise segments are numbered from 0.
 */
export interface ChatMessage {
  role: string;
  content?: unknown;
  name?: string;
}

export interface InputSegment {
  index: number;
  speaker?: string;
  startSec?: number;
  endSec?: number;
  text: string;
}

export interface AutomationHint {
  id?: string;
  name?: string;
  platform?: string;
  instructions?: string;
}

export interface PromptInput {
  guidance: string;
  user: string;
  /** Every piece of text the model reads, in order (system, developer, user, assistant, tool). */
  all: string;
  segments: InputSegment[];
  automations: AutomationHint[];
  /** True when the segments came from a recognisable transcript, false when it is plain prose. */
  hasTranscript: boolean;
}

export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => {
        if (typeof part === 'string') return part;
        if (part && typeof part === 'object') {
          const p = part as Record<string, unknown>;
          if (typeof p.text === 'string') return p.text;
          if (typeof p.refusal === 'string') return p.refusal;
        }
        return '';
      })
      .filter(Boolean)
      .join('\n');
  }
  return '';
}

export function readPrompt(messages: ChatMessage[]): PromptInput {
  const guidance = messages
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => messageText(m.content))
    .join('\n\n');
  const user = messages
    .filter((m) => m.role === 'user')
    .map((m) => messageText(m.content))
    .join('\n\n');
  const all = messages.map((m) => messageText(m.content)).join('\n\n');
  const jsonValues = [...embeddedJson(user), ...embeddedJson(guidance)];
  let segments = segmentsFromJson(embeddedJson(user));
  if (segments.length < 2) segments = segmentsFromLines(user);
  const hasTranscript = segments.length >= 2;
  if (!hasTranscript) segments = segmentsFromProse(user || all);
  return { guidance, user, all, segments, automations: automationsFrom(jsonValues, `${guidance}\n${user}`), hasTranscript };
}

// ---------------------------------------------------------------- JSON embedded in the prompt

/** The whole text if it is JSON, fenced ```json blocks, and balanced top-level {...}/[...] spans. */
export function embeddedJson(text: string): unknown[] {
  const out: unknown[] = [];
  const tryParse = (s: string) => {
    try {
      out.push(JSON.parse(s));
      return true;
    } catch {
      return false;
    }
  };
  if (!text.trim()) return out;
  if (tryParse(text.trim())) return out;
  for (const m of text.matchAll(/```(?:json)?\s*\n([\s\S]*?)```/g)) tryParse(m[1]);
  // Balanced spans starting at a line start: cheap, and enough for prompts that paste JSON.
  const starts = [...text.matchAll(/(^|\n)\s*([[{])/g)];
  let consumedTo = 0;
  for (const m of starts) {
    const start = (m.index ?? 0) + m[0].length - 1;
    if (start < consumedTo) continue;
    const end = balancedEnd(text, start);
    if (end > start && end - start > 10 && tryParse(text.slice(start, end + 1))) consumedTo = end + 1;
  }
  return out;
}

function balancedEnd(text: string, start: number): number {
  const open = text[start];
  const close = open === '{' ? '}' : ']';
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length && i < start + 2_000_000; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === open || c === '[' || c === '{') depth++;
    else if (c === close || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function walk(value: unknown, visit: (v: unknown) => boolean | void, depth = 0): void {
  if (depth > 12) return;
  if (visit(value) === true) return;
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit, depth + 1));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => walk(v, visit, depth + 1));
}

const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') return parseTime(v);
  if (v && typeof v === 'object' && typeof (v as Record<string, unknown>).relative === 'number') return (v as Record<string, number>).relative;
  return undefined;
};

function segmentsFromJson(values: unknown[]): InputSegment[] {
  let best: InputSegment[] = [];
  for (const value of values) {
    walk(value, (v) => {
      if (!Array.isArray(v) || v.length < 2) return;
      const segs: InputSegment[] = [];
      v.forEach((item, position) => {
        if (!item || typeof item !== 'object') return;
        const o = item as Record<string, unknown>;
        const participant = o.participant as Record<string, unknown> | undefined;
        const speaker = [o.speaker, o.speakerName, o.speaker_name, o.name, participant?.name].find((x) => typeof x === 'string') as string | undefined;
        let text = typeof o.text === 'string' ? o.text : undefined;
        let startSec = num(o.startSec ?? o.start ?? o.start_time ?? o.startTime ?? o.start_timestamp ?? o.timestamp ?? o.time ?? o.ts ?? o.t);
        let endSec = num(o.endSec ?? o.end ?? o.end_time ?? o.endTime ?? o.end_timestamp);
        if (text === undefined && Array.isArray(o.words)) {
          const words = o.words as Record<string, unknown>[];
          text = words.map((w) => (typeof w.text === 'string' ? w.text : '')).join(' ').replace(/\s+/g, ' ').trim();
          startSec = num(words[0]?.start_timestamp);
          endSec = num(words[words.length - 1]?.end_timestamp);
        }
        if (!text) return;
        const explicit = [o.index, o.idx, o.segmentIndex, o.segment_index, o.segment, o.i, o.id].find((x) => typeof x === 'number' && Number.isInteger(x)) as number | undefined;
        segs.push({ index: explicit ?? position, speaker, startSec, endSec, text });
      });
      if (segs.length >= 2 && segs.length > best.length) best = segs;
      return segs.length >= 2;
    });
  }
  return best;
}

// ---------------------------------------------------------------- line-based transcripts

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?|\d+(?:\.\d+)?\s?s(?:ec)?`;
const TIME_RE = new RegExp(`(${TIME})`, 'g');
const NOT_SPEAKERS = new Set([
  'transcript', 'instructions', 'instruction', 'platform', 'tone', 'note', 'notes', 'example', 'automation', 'automations', 'name', 'summary',
  'meeting', 'date', 'title', 'topic', 'task', 'output', 'format', 'rules', 'rule', 'context', 'hashtags', 'hashtag', 'id', 'language',
  'limits', 'limit', 'firm', 'guidance', 'email', 'post', 'posts', 'important', 'remember', 'warning', 'restricted topics', 'audience', 'goal',
  'duration', 'participants', 'attendees', 'advisor profile', 'prompt version', 'version', 'style', 'example post', 'hashtag policy',
]);

interface LineCandidate {
  line: number;
  seg: Omit<InputSegment, 'index'> & { index?: number };
}

export function parseTranscriptLine(raw: string): (Omit<InputSegment, 'index'> & { index?: number }) | undefined {
  let rest = raw.trim().replace(/^[-*•]\s+/, '');
  if (!rest) return undefined;
  let index: number | undefined;
  const times: number[] = [];
  let speaker: string | undefined;

  const takeMeta = (inner: string) => {
    let s = inner;
    for (const m of s.matchAll(TIME_RE)) {
      const t = parseTime(m[1]);
      if (t !== undefined) times.push(t);
    }
    s = s.replace(TIME_RE, ' ');
    const idx = /(?:^|\s)(?:#|seg(?:ment)?\s*|s)?(\d{1,5})(?=\s|$|[|,;])/i.exec(s);
    if (idx && index === undefined) {
      index = Number(idx[1]);
      s = s.replace(idx[0], ' ');
    }
    const name = s.replace(/[|,;–—-]/g, ' ').replace(/\s+/g, ' ').trim();
    if (name && /^[\p{L}<{[]/u.test(name) && name.split(' ').length <= 5 && !speaker) speaker = name;
  };

  // Leading bracketed groups and bare indices/times, in any order:
  // [12] [00:03:05] (185.2s) [#12 00:03:05 Dana] 12. #12 00:03:05
  const bare = new RegExp(`^(?:#(\\d{1,5})|(\\d{1,5})[.)]|(${TIME}))\\s+`);
  for (let guard = 0; guard < 6; guard++) {
    const m = /^(\[[^\]]{1,80}\]|\((?:[^)]{1,40})\))\s*/.exec(rest);
    if (m) {
      const inner = m[1].slice(1, -1);
      if (!/\d/.test(inner) && !/^[A-Z]/.test(inner)) break;
      // A redaction placeholder such as [NAME] or [CLIENT_1] is the speaker itself, brackets and all.
      if (!speaker && /^[A-Z][A-Z0-9_ ]*$/.test(inner) && !/^(S|SEG|SEGMENT)\s*\d+$/i.test(inner)) speaker = m[1];
      else takeMeta(inner);
      rest = rest.slice(m[0].length);
      continue;
    }
    const b = bare.exec(rest);
    if (!b) break;
    if (b[1] ?? b[2]) index ??= Number(b[1] ?? b[2]);
    if (b[3]) times.push(parseTime(b[3]) ?? 0);
    rest = rest.slice(b[0].length);
  }
  // `Speaker (00:03:05): text` or `Speaker: text`
  const label = /^((?:[\p{Lu}<{[][\p{L}\p{N}_.'’<>{}[\]-]*)(?:\s+[\p{L}\p{N}_.'’<>{}[\]-]+){0,4}?)\s*(?:\(([^)]{1,40})\))?\s*[:：]\s+(\S.*)$/u.exec(rest);
  if (label && !NOT_SPEAKERS.has(label[1].toLowerCase().trim())) {
    if (label[2]) takeMeta(label[2]);
    return { index, speaker: label[1].trim(), startSec: times[0], endSec: times[1], text: label[3].trim() };
  }
  if (speaker && /^[:：]\s*\S/.test(rest)) {
    return { index, speaker, startSec: times[0], endSec: times[1], text: rest.replace(/^[:：]\s*/, '') };
  }
  if (speaker && rest && (times.length > 0 || index !== undefined)) {
    return { index, speaker, startSec: times[0], endSec: times[1], text: rest };
  }
  return undefined;
}

function segmentsFromLines(text: string): InputSegment[] {
  const lines = text.split('\n');
  const candidates: LineCandidate[] = [];
  lines.forEach((line, i) => {
    const seg = parseTranscriptLine(line);
    if (seg) candidates.push({ line: i, seg });
  });
  // Runs of consecutive candidate lines (blank lines allowed); a conversation repeats speakers.
  const runs: LineCandidate[][] = [];
  let current: LineCandidate[] = [];
  for (const c of candidates) {
    const prev = current[current.length - 1];
    const between = prev ? lines.slice(prev.line + 1, c.line) : [];
    if (prev && between.some((l) => l.trim() !== '')) {
      runs.push(current);
      current = [];
    }
    current.push(c);
  }
  if (current.length) runs.push(current);
  const conversational = runs.filter((run) => {
    if (run.length < 3) return false;
    const counts = new Map<string, number>();
    for (const c of run) counts.set(c.seg.speaker ?? '', (counts.get(c.seg.speaker ?? '') ?? 0) + 1);
    return [...counts.values()].some((n) => n > 1);
  });
  const chosen = conversational.flat();
  return chosen.map((c, position) => ({ ...c.seg, index: c.seg.index ?? position }));
}

function segmentsFromProse(text: string): InputSegment[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .map((p, index) => ({ index, text: p }));
}

/** `01:02:03`, `02:03`, `185.2s`, `185` → seconds. */
export function parseTime(s: string): number | undefined {
  const t = s.trim();
  if (/^\d+(?:\.\d+)?\s?s(?:ec)?$/.test(t)) return Number(t.replace(/\s?s(?:ec)?$/, ''));
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.(\d+))?$/.exec(t);
  if (!m) return undefined;
  const frac = m[4] ? Number(`0.${m[4]}`) : 0;
  return m[3] !== undefined ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + frac : Number(m[1]) * 60 + Number(m[2]) + frac;
}

// ---------------------------------------------------------------- automations

function automationsFrom(jsonValues: unknown[], text: string): AutomationHint[] {
  const found: AutomationHint[] = [];
  for (const value of jsonValues) {
    walk(value, (v) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return;
      const o = v as Record<string, unknown>;
      const id = [o.automationId, o.automation_id, o.id].find((x) => typeof x === 'string' || typeof x === 'number');
      const platform = typeof o.platform === 'string' ? o.platform : undefined;
      if ((platform || o.automationId !== undefined || o.automation_id !== undefined) && (id !== undefined || typeof o.name === 'string')) {
        found.push({
          id: id === undefined ? undefined : String(id),
          name: typeof o.name === 'string' ? o.name : undefined,
          platform,
          instructions: typeof o.instructions === 'string' ? o.instructions : undefined,
        });
        return true;
      }
    });
  }
  if (found.length) return dedupe(found);
  // Plain-text prompts: `automationId: abc`, `Automation id: abc`, with a nearby `platform: linkedin`.
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /automation[ _-]?id["']?\s*[:=]\s*["']?([\w-]{1,80})/i.exec(line);
    if (!m) return;
    const near = lines.slice(Math.max(0, i - 3), i + 6).join('\n');
    const platform = /platform["']?\s*[:=]\s*["']?(linkedin|facebook)/i.exec(near)?.[1]?.toLowerCase();
    const name = /(?:automation )?name["']?\s*[:=]\s*["']?([^"'\n]{1,80})/i.exec(near)?.[1]?.trim();
    found.push({ id: m[1], platform, name });
  });
  return dedupe(found);
}

function dedupe(list: AutomationHint[]): AutomationHint[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = a.id ?? a.name ?? JSON.stringify(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
