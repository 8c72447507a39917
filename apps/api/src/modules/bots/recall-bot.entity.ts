import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * pending (row exists, not yet created at Recall) → scheduled → active (joining / in call) → ended
 * (left; transcript to fetch) → completed; or failed (fatal / refused request) or cancelled.
 */
export type BotState = 'pending' | 'scheduled' | 'active' | 'ended' | 'completed' | 'failed' | 'cancelled';
export const LIVE_BOT_STATES: BotState[] = ['pending', 'scheduled', 'active', 'ended'];

/** A notetaker bot we asked Recall.ai for. We track our own bot ids and never list the provider's. */
@Entity('recall_bot')
export class RecallBot {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) advisorId: string;
  @Column({ type: 'uuid' }) meetingId: string;
  /** advisor | normalised link | start: one live bot per key (unique index). */
  @Column({ type: 'text' }) dedupeKey: string;
  @Column({ type: 'text', nullable: true }) externalId: string | null;
  @Column({ type: 'text' }) state: BotState;
  @Column({ type: 'text', nullable: true }) statusCode: string | null;
  @Column({ type: 'text', nullable: true }) statusSubCode: string | null;
  @Column({ type: 'timestamptz', nullable: true }) statusAt: Date | null;
  @Column({ type: 'text' }) meetingUrl: string;
  @Column({ type: 'timestamptz' }) joinAt: Date;
  /** Sent as Idempotency-Key on create, so a retried or racing create returns the same bot. */
  @Column({ type: 'uuid' }) idempotencyKey: string;
  /** Whether the bot was asked to announce the recording in the meeting chat. */
  @Column({ type: 'boolean' }) chatAnnounced: boolean;
  /** Set while creation waits for the advisor's hourly bot quota. */
  @Column({ type: 'timestamptz', nullable: true }) waitingUntil: Date | null;
  /** A worker holds the row for a provider call until then (no second side effect meanwhile). */
  @Column({ type: 'timestamptz', nullable: true }) claimedUntil: Date | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'timestamptz', nullable: true }) lastPolledAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) transcriptFetchedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
