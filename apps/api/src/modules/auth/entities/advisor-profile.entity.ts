import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { FirmComplianceDefaults } from './firm.entity';

/** FinancialAdvisor in the design: who the advisor is for regulators, and their own settings. */
@Entity('advisor_profile')
export class AdvisorProfile {
  @PrimaryColumn('uuid') userId: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'text', nullable: true }) firmDisplayName: string | null;
  @Column({ type: 'text', nullable: true }) crdNumber: string | null;
  @Column({ type: 'text', default: 'America/New_York' }) timeZone: string;
  /** Only the keys the firm lets advisors override are honoured. */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` }) complianceOverrides: Partial<FirmComplianceDefaults>;
  @Column({ type: 'int', default: 2 }) joinMinutesBefore: number;
  @Column({ type: 'boolean', default: true }) notetakerDefault: boolean;
  @Column({ type: 'text', array: true, default: () => `'{personal,doctor,dentist,private}'` }) exclusionKeywords: string[];
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
