import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every version of every draft, who made it and how. Append-only. */
@Entity('content_version')
export class ContentVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) contentId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) textEnc: string;
  @Column({ type: 'text' }) change: 'generated' | 'edited' | 'regenerated' | 'suggestion_accepted';
  @Column({ type: 'text' }) actorType: 'llm' | 'fallback' | 'user';
  @Column({ type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ type: 'text', nullable: true }) instruction: string | null;
  @Column({ type: 'uuid', nullable: true }) runId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
