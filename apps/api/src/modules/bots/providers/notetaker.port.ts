export interface BotStatusChange {
  code: string;
  subCode: string | null;
  message: string | null;
  at: Date;
}

export interface ProviderBot {
  id: string;
  joinAt: string | null;
  statusChanges: BotStatusChange[];
  /** One per recording; downloadUrl is null until the transcript is done. */
  transcripts: { recordingId: string; status: string | null; downloadUrl: string | null }[];
}

export interface CreateBotRequest {
  meetingUrl: string;
  botName: string;
  /** Omitted → the bot joins now (ad hoc). */
  joinAt: Date | null;
  metadata: Record<string, string>;
  /** Posted in the meeting chat when the bot joins; null = no announcement. */
  announcement: string | null;
}

/** The meeting-bot vendor (Recall.ai). Failures are ProviderErrors (retryable, rate_limited, auth_expired, permanent). */
export abstract class NotetakerProvider {
  abstract createBot(req: CreateBotRequest, idempotencyKey: string): Promise<ProviderBot>;
  abstract getBot(id: string): Promise<ProviderBot>;
  /** Moves a scheduled bot; a permanent error with code `update_bot_failed` means "too late, replace it". */
  abstract rescheduleBot(id: string, change: { joinAt: Date | null; meetingUrl: string }, idempotencyKey: string): Promise<ProviderBot>;
  /** Deletes a scheduled bot, or reports that it was already dispatched (then use leaveCall). */
  abstract deleteBot(id: string): Promise<'deleted' | 'dispatched' | 'not_found'>;
  abstract leaveCall(id: string): Promise<void>;
  /** The transcript utterances of every recording, in the provider's raw shape. */
  abstract downloadTranscript(bot: ProviderBot): Promise<unknown[]>;
}
