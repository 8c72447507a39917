import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ReviewStatus = 'auto_approved' | 'needs_review' | 'changes_requested' | 'approved' | 'rejected' | 'blocked';

/** The current review state of a post: the queue a compliance officer works. Derived from the append-only records. */
@Entity('review_item')
export class ReviewItem {
  @PrimaryColumn('uuid') contentId: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) advisorId: string;
  @Column({ type: 'text' }) platform: 'linkedin' | 'facebook';
  @Column({ type: 'uuid' }) latestSubmissionId: string;
  @Column({ type: 'int' }) latestVersion: number;
  @Column({ type: 'text' }) status: ReviewStatus;
  @Column({ type: 'int' }) riskScore: number;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) categories: string[];
  @Column({ type: 'uuid', nullable: true }) approvedSubmissionId: string | null;
  @Column({ type: 'boolean', default: false }) everHumanApproved: boolean;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
