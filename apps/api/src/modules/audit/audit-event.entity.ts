import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One link of the hash chain. The table is append-only: a trigger rejects UPDATE and DELETE. */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'uuid', insert: false }) id: string;
  @Column({ type: 'text' }) chain: string;
  @Column({ type: 'bigint' }) chainSeq: string;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'uuid', nullable: true }) firmId: string | null;
  @Column({ type: 'text' }) actorType: string;
  @Column({ type: 'text' }) actorId: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text' }) subjectType: string;
  @Column({ type: 'text', nullable: true }) subjectId: string | null;
  @Column({ type: 'text', nullable: true }) requestId: string | null;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ type: 'text' }) digest: string;
  @Column({ type: 'text' }) prevHash: string;
  @Column({ type: 'text' }) hash: string;
}
