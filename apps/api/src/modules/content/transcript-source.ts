/** What Content needs from Meetings to draft: the meeting, its attendees and the decrypted transcript. */
export interface TranscriptForDrafting {
  meeting: { id: string; firmId: string; advisorId: string; title: string; startsAt: Date; attendees: { email: string; name: string | null; self?: boolean; organizer?: boolean }[] };
  segments: { speaker: string | null; start: number | null; end: number | null; text: string }[];
}

export interface TranscriptSource {
  transcriptForDrafting(meetingId: string): Promise<TranscriptForDrafting | null>;
  /** Meetings whose transcript was stored since the given time (the sweep that catches lost events). */
  transcriptsStoredSince(since: Date): Promise<{ id: string; firmId: string; advisorId: string }[]>;
  /** Throws a 404 AppError unless the current caller may see the meeting. */
  get(meetingId: string): Promise<unknown>;
}

export const TRANSCRIPT_SOURCE = Symbol('TRANSCRIPT_SOURCE');
