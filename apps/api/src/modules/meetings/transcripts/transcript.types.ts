/** One stretch of speech: who spoke, when (seconds from the start of the recording), what was said. */
export interface TranscriptSegment {
  speaker: string | null;
  start: number | null;
  end: number | null;
  text: string;
}

/** A transcript file that cannot be read; the message names the problem (and the line or item). */
export class TranscriptFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranscriptFormatError';
  }
}
