import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DecisionKind = 'auto_approved' | 'approved' | 'changes_requested' | 'rejected' | 'blocked' | 'reopened';

/** Every decision on a post version, by a person or by the engine. Append-only. */
@Entity('review_decision')
export class ReviewDecision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) contentId: string;
  @Column({ type: 'uuid' }) submissionId: string;
  @Column({ type: 'text' }) decision: DecisionKind;
  /** null when the engine decided. */
  @Column({ type: 'uuid', nullable: true }) reviewerId: string | null;
  @Column({ type: 'text', nullable: true }) reviewerRole: string | null;
  @Column({ type: 'text', nullable: true }) reasonCode: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'text', nullable: true }) suggestedEditEnc: string | null;
  /** Hash of the exact text approved (disclosures included). */
  @Column({ type: 'text', nullable: true }) approvedTextSha256: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
