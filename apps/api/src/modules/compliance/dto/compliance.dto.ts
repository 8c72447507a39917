import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export const PLATFORMS = ['linkedin', 'facebook'] as const;
export const CATEGORIES = ['promissory', 'performance_projection', 'testimonial', 'specific_recommendation', 'exaggerated_claim', 'pii', 'client_confidential', 'restricted_topic'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const REVIEW_STATUSES = ['auto_approved', 'needs_review', 'changes_requested', 'approved', 'rejected', 'blocked'] as const;
export const REASON_CODES = ['promissory_language', 'performance_claim', 'testimonial_disclosure', 'recommendation_basis', 'exaggeration', 'client_privacy', 'restricted_topic', 'missing_disclosure', 'tone_or_brand', 'factual_error', 'other'] as const;

export class ValidationContextDto {
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(100, { each: true }) clientNames?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(100, { each: true }) restrictedTopics?: string[];
}

export class ValidateRequestDto {
  /** The post text, up to the platform's limit. */
  @IsString() @MinLength(1) @MaxLength(63206) content: string;
  @ApiProperty({ enum: PLATFORMS }) @IsIn(PLATFORMS) platform: (typeof PLATFORMS)[number];
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ValidationContextDto) context?: ValidationContextDto;
}

export class FlagDto {
  @ApiProperty({ enum: CATEGORIES }) category: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  /** UTF-16 offsets into the submitted text, end exclusive. */
  start: number;
  end: number;
  /** The flagged text; masked for personal data. */
  excerpt: string;
  message: string;
  ruleId: string;
  rationale?: string;
}

export class DisclaimerDto {
  id: string;
  text: string;
  reason: string;
  /** Required by the firm: cannot be edited out. */
  locked: boolean;
}

export class DecisionInfoDto {
  @ApiProperty({ enum: ['auto_approved', 'needs_review', 'blocked'] }) outcome: string;
  reason: string;
  ruleIds: string[];
}

export class ScoreContributionDto {
  @ApiProperty({ enum: CATEGORIES }) category: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  weight: number;
  contribution: number;
}

export class ValidationResultDto {
  approved: boolean;
  /** 0 (clean) to 100. */
  riskScore: number;
  approvalRequired: boolean;
  @ApiProperty({ type: [FlagDto] }) flags: FlagDto[];
  requiredModifications: string[];
  @ApiProperty({ type: [DisclaimerDto] }) injectedDisclaimers: DisclaimerDto[];
  /** The text with the disclosures that will be published. */
  validatedContent: string;
  engineVersion: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) rulePackVersions: Record<string, string>;
  @ApiProperty({ type: DecisionInfoDto }) decision: DecisionInfoDto;
  @ApiProperty({ type: [ScoreContributionDto] }) scoreBreakdown: ScoreContributionDto[];
  discussesInvesting: boolean;
}

export class ReviewQueueQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES }) @IsOptional() @IsIn(REVIEW_STATUSES) status?: (typeof REVIEW_STATUSES)[number];
  @ApiPropertyOptional({ enum: PLATFORMS }) @IsOptional() @IsIn(PLATFORMS) platform?: (typeof PLATFORMS)[number];
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsIn(CATEGORIES) category?: string;
  @IsOptional() @IsUUID() advisorId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100) minRisk?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number = 50;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number = 0;
}

export class ReviewItemDto {
  contentId: string;
  advisorId: string;
  advisorName: string;
  @ApiProperty({ enum: PLATFORMS }) platform: string;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: string;
  riskScore: number;
  @ApiProperty({ enum: CATEGORIES, isArray: true }) categories: string[];
  latestVersion: number;
  latestSubmissionId: string;
  /** First 280 characters of the text under review. */
  preview: string;
  updatedAt: string;
}

export class SubmissionDto {
  id: string;
  version: number;
  @ApiProperty({ enum: ['llm', 'fallback', 'user', 'suggestion'] }) authorType: string;
  authorUserId: string | null;
  text: string;
  validatedText: string;
  validatedTextSha256: string;
  @ApiProperty({ type: ValidationResultDto }) validation: ValidationResultDto;
  createdAt: string;
}

export class DecisionDto {
  id: string;
  submissionId: string;
  @ApiProperty({ enum: ['auto_approved', 'approved', 'changes_requested', 'rejected', 'blocked', 'reopened'] }) decision: string;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewerRole: string | null;
  reasonCode: string | null;
  comment: string | null;
  suggestedEdit: string | null;
  approvedTextSha256: string | null;
  createdAt: string;
}

export class ReviewDetailDto {
  @ApiProperty({ type: ReviewItemDto }) item: ReviewItemDto;
  @ApiProperty({ type: SubmissionDto }) latest: SubmissionDto;
  @ApiProperty({ type: [SubmissionDto] }) versions: SubmissionDto[];
  @ApiProperty({ type: [DecisionDto] }) decisions: DecisionDto[];
}

export class ApproveDto {
  /** The version the reviewer read; approving a version that changed since is refused. */
  @IsUUID() submissionId: string;
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class RequestChangesDto {
  @IsUUID() submissionId: string;
  @ApiProperty({ enum: REASON_CODES }) @IsIn(REASON_CODES) reasonCode: (typeof REASON_CODES)[number];
  @IsString() @MinLength(3) @MaxLength(2000) comment: string;
  /** A replacement text the advisor can accept in one click. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(63206) suggestedEdit?: string;
}

export class RejectDto {
  @IsUUID() submissionId: string;
  @ApiProperty({ enum: REASON_CODES }) @IsIn(REASON_CODES) reasonCode: (typeof REASON_CODES)[number];
  @IsString() @MinLength(3) @MaxLength(2000) comment: string;
}

export class RuleDto {
  id: string;
  @ApiProperty({ enum: CATEGORIES }) category: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  rationale: string;
  packId: string;
  packVersion: string;
  disabled: boolean;
  custom: boolean;
}

export class CreateFirmRuleDto {
  /** Lower-case id, unique in the firm: `firm-no-crypto-talk`. */
  @Matches(/^[a-z0-9][a-z0-9-]{2,60}$/, { message: 'ruleId must be 3–61 lower-case letters, digits or dashes' }) ruleId: string;
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES) category: string;
  @ApiProperty({ enum: SEVERITIES }) @IsIn(SEVERITIES) severity: 'low' | 'medium' | 'high' | 'critical';
  @IsString() @MinLength(5) @MaxLength(1000) rationale: string;
  /** Words or phrases that trigger the rule (matched as whole words, case-insensitive). */
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MinLength(2, { each: true }) @MaxLength(100, { each: true }) phrases: string[];
}

export class RecordsQueryDto {
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' }) from: string;
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' }) to: string;
  @ApiProperty({ enum: ['csv', 'pdf'] }) @IsIn(['csv', 'pdf']) format: 'csv' | 'pdf';
}
