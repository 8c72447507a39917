import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface EvidenceLink {
  /** Index of the sentence in the text. */
  sentence: number;
  text: string;
  segments: { index: number; speaker: string | null; start: number | null; end: number | null }[];
}

/** A draft: the meeting summary, the follow-up email, or one post per automation. Text is ciphertext. */
@Entity('generated_content')
export class GeneratedContent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) advisorId: string;
  @Column({ type: 'uuid' }) meetingId: string;
  @Column({ type: 'uuid' }) runId: string;
  @Column({ type: 'text' }) kind: 'summary' | 'email' | 'post';
  @Column({ type: 'text', nullable: true }) platform: 'linkedin' | 'facebook' | null;
  @Column({ type: 'uuid', nullable: true }) automationId: string | null;
  @Column({ type: 'text', nullable: true }) title: string | null;
  @Column({ type: 'text' }) textEnc: string;
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) actionItems: { text: string; owner: string | null; evidence: number[] }[];
  @Column({ type: 'text', array: true, default: () => `'{}'` }) hashtags: string[];
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) evidence: EvidenceLink[];
  @Column({ type: 'text' }) origin: 'llm' | 'fallback';
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'boolean', default: false }) superseded: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
