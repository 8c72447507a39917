import type { TranscriptSegment } from '../transcripts/transcript.types';

/** Speech-to-text for uploaded recordings (an OpenAI-compatible /audio/transcriptions endpoint). */
export abstract class TranscriptionProvider {
  abstract transcribe(file: { buffer: Buffer; filename: string; mimeType?: string }): Promise<TranscriptSegment[]>;
}
