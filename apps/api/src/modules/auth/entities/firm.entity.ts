import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Compliance defaults a firm sets for all its advisors; `advisorMayOverride` lists what advisors may change. */
export interface FirmComplianceDefaults {
  riskTolerance: 'conservative' | 'moderate' | 'aggressive';
  autoApprovalThreshold: number;
  requiredDisclosures: string[];
  restrictedTopics: string[];
  disabledRuleIds: string[];
  facebookInvestmentAlwaysReview: boolean;
  requireRecordingConsent: boolean;
  /** Days meeting transcripts and drafts are kept (books and records follow their own, longer retention). */
  transcriptRetentionDays?: number;
  /** A legal hold suspends the retention purge. */
  legalHold?: boolean;
  advisorMayOverride: ('riskTolerance' | 'autoApprovalThreshold' | 'restrictedTopics' | 'requiredDisclosures')[];
}

export const DEFAULT_FIRM_COMPLIANCE: FirmComplianceDefaults = {
  riskTolerance: 'moderate',
  autoApprovalThreshold: 30,
  requiredDisclosures: [],
  restrictedTopics: [],
  disabledRuleIds: [],
  facebookInvestmentAlwaysReview: true,
  requireRecordingConsent: false,
  advisorMayOverride: ['restrictedTopics'],
};

@Entity('firm')
export class Firm {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'jsonb' }) compliance: FirmComplianceDefaults;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
