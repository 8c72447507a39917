import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One drafting of a meeting: how the text was produced (the AI record a compliance officer can inspect). */
@Entity('generation_run')
export class GenerationRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) advisorId: string;
  @Column({ type: 'uuid' }) meetingId: string;
  /** SHA-256 of the redacted transcript and the automations used: one set of drafts per distinct input. */
  @Column({ type: 'text' }) inputDigest: string;
  @Column({ type: 'text' }) trigger: 'transcript' | 'manual' | 'regenerate';
  @Column({ type: 'text' }) status: 'running' | 'done' | 'failed';
  @Column({ type: 'text', nullable: true }) mode: 'llm' | 'fallback' | 'cache' | null;
  @Column({ type: 'text', nullable: true }) model: string | null;
  @Column({ type: 'text' }) promptVersion: string;
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` }) parameters: Record<string, unknown>;
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` }) usage: Record<string, unknown>;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'text', nullable: true }) fallbackReason: string | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
