import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * sending: written and committed BEFORE the provider call; accepted: the provider gave an id;
 * failed: the provider answered with an error (nothing was created); unknown: no answer (timeout,
 * dropped connection, a worker that died mid-call) — never retried blindly; reconciled: a later
 * look at the platform settled it.
 */
export type AttemptState = 'sending' | 'accepted' | 'failed' | 'unknown' | 'reconciled';

@Entity('publish_attempt')
export class PublishAttempt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) publicationId: string;
  @Column({ type: 'int' }) attemptNo: number;
  @Column({ type: 'text' }) state: AttemptState;
  @Column({ type: 'text', nullable: true }) externalId: string | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ type: 'text', nullable: true }) worker: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) startedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
