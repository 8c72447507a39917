import type { SandboxTranscript } from '../types';

/**
 * A meeting is written as a script (one `Label: text` line per turn) and turned into timed
 * segments here, so the dialogue stays readable in its file and the timings stay consistent.
 *
 * - `Label:` maps to a participant through `speakers`.
 * - A line starting with `~` is a stretch where nobody speaks on the record (screen share, reading
 *   a statement, filling a form): `~ 240 reviewing the statement` weighs that stretch.
 * - A line without a label continues the previous turn.
 *
 * Speech runs at about 135 words per minute with short turn-taking gaps; whatever the words do
 * not fill up to `durationMinutes` is shared among the `~` stretches in proportion to their
 * seconds, so the last segment ends near the end of the call.
 */
export interface MeetingScript {
  id: string;
  title: string;
  topic: string;
  durationMinutes: number;
  participants: SandboxTranscript['participants'];
  speakers: Record<string, string>;
  script: string;
}

const WORDS_PER_SECOND = 135 / 60;
const LEAD_IN_SEC = 6;
const TAIL_SEC = 8;

interface Turn {
  speaker: string;
  text: string;
}
type Line = { kind: 'turn'; turn: Turn } | { kind: 'pause'; seconds: number };

export function buildTranscript(meeting: MeetingScript): SandboxTranscript {
  const lines = parseScript(meeting);
  const random = seededRandom(meeting.id);
  const speech = lines.map((line) => (line.kind === 'turn' ? speakingSeconds(line.turn.text) : 0));
  // Turn-taking gaps: short and varied, as in a real call.
  const gaps = lines.map((line, i) => (line.kind === 'pause' || i === 0 ? 0 : 0.3 + random() * 2.2));
  const pauseWeight = lines.reduce((sum, line) => sum + (line.kind === 'pause' ? line.seconds : 0), 0);
  const totalSpeech = speech.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0);
  const free = meeting.durationMinutes * 60 - LEAD_IN_SEC - TAIL_SEC - totalSpeech;
  if (free < 0) {
    throw new Error(`Meeting ${meeting.id}: ${Math.round(totalSpeech)} s of speech does not fit in ${meeting.durationMinutes} min`);
  }

  const segments: SandboxTranscript['segments'] = [];
  let t = LEAD_IN_SEC;
  lines.forEach((line, i) => {
    if (line.kind === 'pause') {
      // The silence the words leave is spent in the marked stretches (sharing, reading, waiting).
      t += pauseWeight > 0 ? (free * line.seconds) / pauseWeight : 0;
      return;
    }
    t += gaps[i];
    const start = round2(t);
    t += speech[i];
    segments.push({ speaker: line.turn.speaker, startSec: start, endSec: round2(t), text: line.turn.text });
  });
  if (pauseWeight === 0 && segments.length > 0) {
    // No marked pauses: stretch the timeline so the call still lasts as long as it says.
    const scale = (meeting.durationMinutes * 60 - TAIL_SEC) / segments[segments.length - 1].endSec;
    for (const s of segments) {
      s.startSec = round2(s.startSec * scale);
      s.endSec = round2(s.endSec * scale);
    }
  }

  return {
    id: meeting.id,
    title: meeting.title,
    topic: meeting.topic,
    durationMinutes: meeting.durationMinutes,
    participants: meeting.participants,
    segments,
  };
}

function parseScript(meeting: MeetingScript): Line[] {
  const lines: Line[] = [];
  for (const raw of meeting.script.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('~')) {
      const seconds = Number(/^~\s*(\d+)/.exec(line)?.[1] ?? 60);
      lines.push({ kind: 'pause', seconds });
      continue;
    }
    const match = /^([A-Za-z][A-Za-z.' -]{0,30}):\s+(.*)$/.exec(line);
    const speaker = match ? meeting.speakers[match[1]] : undefined;
    if (match && speaker) {
      lines.push({ kind: 'turn', turn: { speaker, text: match[2] } });
      continue;
    }
    const last = lines[lines.length - 1];
    if (!last || last.kind !== 'turn') throw new Error(`Meeting ${meeting.id}: cannot attribute line "${line}"`);
    last.turn.text = `${last.turn.text} ${line}`;
  }
  return lines;
}

function speakingSeconds(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1.2, words / WORDS_PER_SECOND + 0.3);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** mulberry32 seeded from the meeting id: the same script always yields the same timings. */
function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
