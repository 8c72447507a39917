import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export const RISK_TOLERANCES = ['conservative', 'moderate', 'aggressive'] as const;
export const OVERRIDABLE = ['riskTolerance', 'autoApprovalThreshold', 'restrictedTopics', 'requiredDisclosures'] as const;

export class ComplianceSettingsDto {
  @ApiProperty({ enum: RISK_TOLERANCES }) riskTolerance: (typeof RISK_TOLERANCES)[number];
  /** Posts scoring below this risk may be approved automatically (LinkedIn). */
  autoApprovalThreshold: number;
  /** Locked disclosures added to every post; advisors cannot remove them. */
  requiredDisclosures: string[];
  restrictedTopics: string[];
  disabledRuleIds: string[];
  facebookInvestmentAlwaysReview: boolean;
  requireRecordingConsent: boolean;
  @ApiProperty({ enum: OVERRIDABLE, isArray: true }) advisorMayOverride: (typeof OVERRIDABLE)[number][];
  /** Days meeting transcripts and drafts are kept before they are destroyed (default 730). */
  transcriptRetentionDays?: number;
  /** Suspends the retention purge (litigation, examination). */
  legalHold?: boolean;
}

export class UpdateComplianceSettingsDto {
  @ApiPropertyOptional({ enum: RISK_TOLERANCES }) @IsOptional() @IsIn(RISK_TOLERANCES) riskTolerance?: (typeof RISK_TOLERANCES)[number];
  @IsOptional() @IsInt() @Min(0) @Max(100) autoApprovalThreshold?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MinLength(3, { each: true }) @MaxLength(1000, { each: true }) requiredDisclosures?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MinLength(2, { each: true }) @MaxLength(100, { each: true }) restrictedTopics?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(100, { each: true }) disabledRuleIds?: string[];
  @IsOptional() @IsBoolean() facebookInvestmentAlwaysReview?: boolean;
  @IsOptional() @IsBoolean() requireRecordingConsent?: boolean;
  @ApiPropertyOptional({ enum: OVERRIDABLE, isArray: true }) @IsOptional() @IsArray() @IsIn(OVERRIDABLE, { each: true }) advisorMayOverride?: (typeof OVERRIDABLE)[number][];
  @IsOptional() @IsInt() @Min(1) @Max(3650) transcriptRetentionDays?: number;
  @IsOptional() @IsBoolean() legalHold?: boolean;
}

export class UpdateFirmDto {
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => UpdateComplianceSettingsDto) compliance?: UpdateComplianceSettingsDto;
}

export class FirmDto {
  id: string;
  name: string;
  compliance: ComplianceSettingsDto;
}

export class ProfileDto {
  userId: string;
  email: string;
  name: string;
  firmDisplayName: string | null;
  crdNumber: string | null;
  timeZone: string;
  joinMinutesBefore: number;
  notetakerDefault: boolean;
  exclusionKeywords: string[];
  /** The advisor's own overrides (only keys the firm allows). */
  complianceOverrides: Partial<ComplianceSettingsDto>;
  /** Firm defaults with the allowed overrides applied: what the engine uses for this advisor. */
  effectiveCompliance: ComplianceSettingsDto;
  @ApiProperty({ enum: OVERRIDABLE, isArray: true }) mayOverride: string[];
}

export class UpdateProfileDto {
  @IsOptional() @IsString() @MaxLength(200) firmDisplayName?: string;
  /** FINRA CRD numbers are 1 to 8 digits. */
  @IsOptional() @Matches(/^\d{1,8}$/, { message: 'crdNumber must be 1 to 8 digits (your FINRA CRD number)' }) crdNumber?: string;
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[A-Za-z_]+\/[A-Za-z_\/+-]+$|^UTC$/, { message: 'timeZone must be an IANA zone like America/New_York' }) timeZone?: string;
  @IsOptional() @IsInt() @Min(0) @Max(30) joinMinutesBefore?: number;
  @IsOptional() @IsBoolean() notetakerDefault?: boolean;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MinLength(2, { each: true }) @MaxLength(50, { each: true }) exclusionKeywords?: string[];
  @IsOptional() @IsObject() @ValidateNested() @Type(() => UpdateComplianceSettingsDto) complianceOverrides?: UpdateComplianceSettingsDto;
}
