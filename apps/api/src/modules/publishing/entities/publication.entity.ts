import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SocialPlatform } from './social-account.entity';

export type PublicationStatus = 'scheduled' | 'queued' | 'publishing' | 'verifying' | 'published' | 'failed' | 'needs_check' | 'cancelled';

/** One approved post version going to one account: scheduled, then published exactly once (or handed to a person). */
@Entity('publication')
export class Publication {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) advisorId: string;
  @Column({ type: 'uuid' }) socialAccountId: string;
  @Column({ type: 'uuid' }) contentId: string;
  @Column({ type: 'uuid' }) submissionId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) platform: SocialPlatform;
  /** `<submissionId>:<socialAccountId>`: one live publication per post version and account. */
  @Column({ type: 'text' }) idempotencyKey: string;
  @Column({ type: 'text' }) status: PublicationStatus;
  @Column({ type: 'timestamptz', nullable: true }) scheduledAt: Date | null;
  /** SHA-256 of the approved text this publication was created for. */
  @Column({ type: 'text' }) textSha256: string;
  @Column({ type: 'text', nullable: true }) externalId: string | null;
  @Column({ type: 'text', nullable: true }) liveUrl: string | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'text', nullable: true }) needsCheckReason: string | null;
  @Column({ type: 'uuid', nullable: true }) requestedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
