import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Incremental-sync position per connected Google account (its primary calendar). */
@Entity('calendar_sync_state')
export class CalendarSyncState {
  @PrimaryColumn({ type: 'uuid' }) googleAccountId: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) userId: string;
  @Column({ type: 'text', nullable: true }) syncToken: string | null;
  @Column({ type: 'timestamptz', nullable: true }) lastFullSyncAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastSyncedAt: Date | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
