import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import type { SandboxContext } from '../core/context';
import { getTranscript, TRANSCRIPTS } from '../transcripts/library';
import type { SandboxTranscript } from '../transcripts/types';
import { approxTokens } from './meeting-analysis';
import { invalidRequest, sendError } from './openai.errors';
import { TRANSCRIPTION_MODELS } from './openai.models';

/**
 * POST /v1/audio/transcriptions (multipart/form-data). The audio is not decoded: the file picks a
 * library meeting deterministically, and that meeting's words come back.
 *   1. a marker `sandbox-transcript:<id>` in the first 64 KB of the file, else
 *   2. a library id in the file name (`retirement-planning-hollis.mp3`), else
 *   3. sha256(file bytes) modulo the number of meetings.
 * Uploads over 25 MB answer 413 (the API has been seen to answer 413 or 400; we pick 413).
 */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;
const FORMATS = ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm'];
const RESPONSE_FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt', 'diarized_json'];
const LANGUAGE_NAMES: Record<string, string> = { en: 'english', es: 'spanish', fr: 'french', de: 'german', pt: 'portuguese', it: 'italian', zh: 'chinese', ja: 'japanese' };

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_AUDIO_BYTES, files: 1 } }).single('file');

/** multer, with its errors handed to the router's OpenAI-shaped error handler. */
export function transcriptionUpload(req: Request, res: Response, next: NextFunction): void {
  upload(req, res, (err?: unknown) => {
    if (!err) return next();
    const e = err as { code?: string; field?: string; message?: string };
    if (e.code === 'LIMIT_FILE_SIZE') return next(err);
    if (e.code === 'LIMIT_UNEXPECTED_FILE') return sendError(res, 400, invalidRequest(`Unexpected file field '${e.field ?? ''}'; send the audio as 'file'.`, 'file', 'invalid_value'));
    return sendError(res, 400, invalidRequest(`Could not parse multipart form: ${e.message ?? 'invalid body'}`, null, null));
  });
}

export function pickTranscript(bytes: Buffer, filename: string): SandboxTranscript {
  const head = bytes.subarray(0, 65_536).toString('latin1');
  const marker = /sandbox-transcript:([a-z0-9-]+)/i.exec(head)?.[1];
  const byMarker = marker ? getTranscript(marker) : undefined;
  if (byMarker) return byMarker;
  const byName = TRANSCRIPTS.find((t) => filename.toLowerCase().includes(t.id));
  if (byName) return byName;
  const n = createHash('sha256').update(bytes).digest().readUInt32BE(0);
  return TRANSCRIPTS[n % TRANSCRIPTS.length];
}

function field(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}

function listField(body: Record<string, unknown>, name: string): string[] {
  const v = body[name] ?? body[`${name}[]`];
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' ? [v] : [];
}

const stamp = (sec: number, sep: string) => {
  const ms = Math.round(sec * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const rest = ms % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${sep}${String(rest).padStart(3, '0')}`;
};

function fakeTokens(text: string): number[] {
  return text
    .trim()
    .split(/\s+/)
    .map((w) => 50364 + (createHash('md5').update(w).digest().readUInt16BE(0) % 1000));
}

export function handleTranscription(ctx: SandboxContext, req: Request, res: Response): void {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const file = req.file;
  const model = field(body, 'model');
  const format = field(body, 'response_format') ?? 'json';
  const language = field(body, 'language');
  const granularities = listField(body, 'timestamp_granularities');
  ctx.inspector.record('openai', 'transcription_request', {
    model,
    response_format: format,
    language,
    prompt: field(body, 'prompt'),
    timestamp_granularities: granularities,
    filename: file?.originalname,
    bytes: file?.size,
    sha256: file ? createHash('sha256').update(file.buffer).digest('hex') : undefined,
  });

  if (!file) return sendError(res, 400, invalidRequest("Missing required parameter: 'file'.", 'file', 'missing_required_parameter'));
  if (!model) return sendError(res, 400, invalidRequest('you must provide a model parameter', 'model', 'missing_required_parameter'));
  if (!TRANSCRIPTION_MODELS.includes(model)) return sendError(res, 400, invalidRequest(`Invalid model ${model}. The model must be one of ${TRANSCRIPTION_MODELS.join(', ')}.`, 'model', 'invalid_value'));
  const ext = /\.([a-z0-9]+)$/i.exec(file.originalname ?? '')?.[1]?.toLowerCase();
  if (!ext || !FORMATS.includes(ext)) return sendError(res, 400, invalidRequest(`Invalid file format. Supported formats: ${JSON.stringify(FORMATS)}`, 'file', 'invalid_value'));
  if (file.size === 0) return sendError(res, 400, invalidRequest('Audio file is too short. Minimum audio length is 0.1 seconds.', 'file', 'audio_too_short'));
  if (!RESPONSE_FORMATS.includes(format)) return sendError(res, 400, invalidRequest(`Invalid value: '${format}'. Supported values are: ${RESPONSE_FORMATS.map((f) => `'${f}'`).join(', ')}.`, 'response_format', 'invalid_value'));
  const whisper = model === 'whisper-1';
  const diarize = model === 'gpt-4o-transcribe-diarize';
  const allowed = whisper ? ['json', 'text', 'srt', 'verbose_json', 'vtt'] : diarize ? ['json', 'text', 'diarized_json'] : ['json'];
  if (!allowed.includes(format)) {
    return sendError(
      res,
      400,
      invalidRequest(`response_format '${format}' is not compatible with model '${model}'. Use ${allowed.map((f) => `'${f}'`).join(' or ')} instead.`, 'response_format', 'unsupported_value'),
    );
  }
  if (granularities.length && format !== 'verbose_json') {
    return sendError(res, 400, invalidRequest("timestamp_granularities requires response_format 'verbose_json'.", 'timestamp_granularities', 'unsupported_value'));
  }

  const transcript = pickTranscript(file.buffer, file.originalname ?? '');
  const segments = transcript.segments;
  const text = segments.map((s) => s.text).join(' ');
  const duration = segments.length ? segments[segments.length - 1].endSec : 0;
  const usage = whisper
    ? { type: 'duration', seconds: Math.ceil(duration) }
    : {
        type: 'tokens',
        input_tokens: Math.ceil(duration * 10),
        input_token_details: { text_tokens: 0, audio_tokens: Math.ceil(duration * 10) },
        output_tokens: approxTokens(text),
        total_tokens: Math.ceil(duration * 10) + approxTokens(text),
      };
  ctx.inspector.record('openai', 'transcription_response', { model, transcriptId: transcript.id, response_format: format, duration });

  switch (format) {
    case 'text':
      res.type('text/plain').send(`${text}\n`);
      return;
    case 'srt':
      res.type('text/plain').send(segments.map((s, i) => `${i + 1}\n${stamp(s.startSec, ',')} --> ${stamp(s.endSec, ',')}\n${s.text}\n`).join('\n'));
      return;
    case 'vtt':
      res.type('text/plain').send(`WEBVTT\n\n${segments.map((s) => `${stamp(s.startSec, '.')} --> ${stamp(s.endSec, '.')}\n${s.text}\n`).join('\n')}`);
      return;
    case 'verbose_json': {
      const out: Record<string, unknown> = {
        task: 'transcribe',
        language: LANGUAGE_NAMES[language ?? 'en'] ?? language ?? 'english',
        duration,
        text,
      };
      if (granularities.length === 0 || granularities.includes('segment')) {
        let seek = 0;
        out.segments = segments.map((s, id) => {
          const seg = {
            id,
            seek,
            start: s.startSec,
            end: s.endSec,
            text: ` ${s.text}`,
            tokens: fakeTokens(s.text),
            temperature: 0,
            avg_logprob: -0.2 - (id % 5) * 0.03,
            compression_ratio: 1.4,
            no_speech_prob: 0.01,
          };
          seek = Math.round(s.endSec * 100);
          return seg;
        });
      }
      if (granularities.includes('word')) {
        out.words = segments.flatMap((s) => {
          const words = s.text.split(/\s+/).filter(Boolean);
          const step = (s.endSec - s.startSec) / Math.max(1, words.length);
          return words.map((w, i) => ({ word: w.replace(/[.,!?;:"“”]+$/g, ''), start: round2(s.startSec + i * step), end: round2(s.startSec + (i + 1) * step) }));
        });
      }
      out.usage = usage;
      res.json(out);
      return;
    }
    case 'diarized_json': {
      const letters = new Map<string, string>();
      const letter = (name: string) => {
        if (!letters.has(name)) letters.set(name, String.fromCharCode(65 + letters.size));
        return letters.get(name) as string;
      };
      res.json({
        task: 'transcribe',
        duration,
        text,
        segments: segments.map((s, i) => ({ type: 'transcript.text.segment', id: `seg_${i}`, start: s.startSec, end: s.endSec, text: s.text, speaker: letter(s.speaker) })),
        usage,
      });
      return;
    }
    default:
      res.json({ text, usage });
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
