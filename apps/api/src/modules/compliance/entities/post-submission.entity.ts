import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Books and records: one row per version of a post that was validated, with the exact text (as
 * ciphertext), its hash and the full validation. Append-only: the database rejects UPDATE/DELETE.
 */
@Entity('post_submission')
export class PostSubmission {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) advisorId: string;
  /** The post (Content module's id); versions of one post share it. */
  @Column({ type: 'uuid' }) contentId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) platform: 'linkedin' | 'facebook';
  /** The advisor's text as submitted (ciphertext). */
  @Column({ type: 'text' }) textEnc: string;
  /** The text with injected disclosures: what would be published (ciphertext). */
  @Column({ type: 'text' }) validatedTextEnc: string;
  @Column({ type: 'text' }) validatedTextSha256: string;
  @Column({ type: 'text' }) authorType: 'llm' | 'fallback' | 'user' | 'suggestion';
  @Column({ type: 'uuid', nullable: true }) authorUserId: string | null;
  @Column({ type: 'uuid', nullable: true }) meetingId: string | null;
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` }) generation: Record<string, unknown>;
  /** ValidationResult without the texts: flags, score, breakdown, disclaimers, decision, versions of engine and packs. */
  @Column({ type: 'jsonb' }) validation: Record<string, unknown>;
  @Column({ type: 'int' }) riskScore: number;
  @Column({ type: 'text' }) outcome: 'auto_approved' | 'needs_review' | 'blocked';
  /** Firm settings in force when validated. */
  @Column({ type: 'jsonb' }) settings: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
