import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export const PLATFORMS = ['linkedin', 'facebook'] as const;
export const TONES = ['professional', 'warm', 'educational', 'conversational'] as const;
export const HASHTAG_POLICIES = ['none', 'few', 'many'] as const;

export class CreateAutomationDto {
  @IsString() @MinLength(2) @MaxLength(80) name: string;
  @ApiProperty({ enum: PLATFORMS }) @IsIn(PLATFORMS) platform: (typeof PLATFORMS)[number];
  /** What the post should do: "one lesson from the meeting's topic, for pre-retirees". */
  @IsString() @MinLength(10) @MaxLength(2000) instructions: string;
  @IsOptional() @IsString() @MaxLength(3000) examplePost?: string;
  @ApiProperty({ enum: TONES }) @IsIn(TONES) tone: (typeof TONES)[number];
  @ApiProperty({ enum: HASHTAG_POLICIES }) @IsIn(HASHTAG_POLICIES) hashtagPolicy: (typeof HASHTAG_POLICIES)[number];
  @IsOptional() @IsArray() @ArrayMaxSize(5) @Matches(/^[A-Za-z][A-Za-z0-9_]{1,40}$/, { each: true, message: 'fixedHashtags must be words without # (letters, digits, _)' }) fixedHashtags?: string[];
  @IsOptional() @IsBoolean() enabled?: boolean;
  /** Admins may create a firm default that every advisor gets. */
  @IsOptional() @IsBoolean() firmDefault?: boolean;
}

export class UpdateAutomationDto {
  @IsOptional() @IsString() @MinLength(2) @MaxLength(80) name?: string;
  @IsOptional() @IsString() @MinLength(10) @MaxLength(2000) instructions?: string;
  @IsOptional() @IsString() @MaxLength(3000) examplePost?: string;
  @ApiPropertyOptional({ enum: TONES }) @IsOptional() @IsIn(TONES) tone?: (typeof TONES)[number];
  @ApiPropertyOptional({ enum: HASHTAG_POLICIES }) @IsOptional() @IsIn(HASHTAG_POLICIES) hashtagPolicy?: (typeof HASHTAG_POLICIES)[number];
  @IsOptional() @IsArray() @ArrayMaxSize(5) @Matches(/^[A-Za-z][A-Za-z0-9_]{1,40}$/, { each: true, message: 'fixedHashtags must be words without # (letters, digits, _)' }) fixedHashtags?: string[];
  @IsOptional() @IsBoolean() enabled?: boolean;
}

export class AutomationDto {
  id: string;
  name: string;
  @ApiProperty({ enum: PLATFORMS }) platform: string;
  instructions: string;
  examplePost: string | null;
  @ApiProperty({ enum: TONES }) tone: string;
  @ApiProperty({ enum: HASHTAG_POLICIES }) hashtagPolicy: string;
  fixedHashtags: string[];
  enabled: boolean;
  /** A firm default (set by an admin), not the advisor's own. */
  firmDefault: boolean;
}

export class GeneratePostsDto {
  @IsUUID() meetingId: string;
  /** Optional guidance for this run: "shorter, and mention our webinar". */
  @IsOptional() @IsString() @MaxLength(500) instruction?: string;
}

export class GenerationAcceptedDto {
  jobId: string;
  meetingId: string;
  /** Drafts arrive through the drafts.ready event, or poll GET /api/content?meetingId=. */
  status: 'queued';
}

export class EvidenceSegmentDto {
  index: number;
  speaker: string | null;
  start: number | null;
  end: number | null;
}

export class EvidenceLinkDto {
  sentence: number;
  text: string;
  @ApiProperty({ type: [EvidenceSegmentDto] }) segments: EvidenceSegmentDto[];
}

export class ActionItemDto {
  text: string;
  owner: string | null;
  evidence: number[];
}

export class ComplianceStatusDto {
  @ApiProperty({ enum: ['auto_approved', 'needs_review', 'changes_requested', 'approved', 'rejected', 'blocked'] }) status: string;
  riskScore: number;
  categories: string[];
  latestSubmissionId: string;
}

export class GenerationInfoDto {
  runId: string;
  @ApiProperty({ enum: ['llm', 'fallback', 'cache'] }) mode: string | null;
  model: string | null;
  promptVersion: string;
  parameters: Record<string, unknown>;
  usage: Record<string, unknown>;
  fallbackReason: string | null;
  createdAt: string;
}

export class ContentDto {
  id: string;
  meetingId: string;
  @ApiProperty({ enum: ['summary', 'email', 'post'] }) kind: string;
  @ApiPropertyOptional({ enum: PLATFORMS, nullable: true }) platform: string | null;
  automationId: string | null;
  automationName: string | null;
  title: string | null;
  text: string;
  hashtags: string[];
  @ApiProperty({ type: [ActionItemDto] }) actionItems: ActionItemDto[];
  @ApiProperty({ type: [EvidenceLinkDto] }) evidence: EvidenceLinkDto[];
  /** 'fallback' drafts were written without the LLM; review them with that in mind. */
  @ApiProperty({ enum: ['llm', 'fallback'] }) origin: string;
  version: number;
  @ApiPropertyOptional({ type: ComplianceStatusDto, nullable: true }) compliance: ComplianceStatusDto | null;
  @ApiProperty({ type: GenerationInfoDto }) generation: GenerationInfoDto;
  /** For email drafts: a mailto: link with subject and body. */
  mailto: string | null;
  updatedAt: string;
}

export class ContentListQueryDto {
  @IsUUID() meetingId: string;
}

export class EditContentDto {
  @IsString() @MinLength(1) @MaxLength(63206) text: string;
  @IsOptional() @IsString() @MaxLength(150) title?: string;
}

export class RegenerateDto {
  @IsOptional() @IsString() @MaxLength(500) instruction?: string;
}

export class ContentVersionDto {
  version: number;
  text: string;
  @ApiProperty({ enum: ['generated', 'edited', 'regenerated', 'suggestion_accepted'] }) change: string;
  @ApiProperty({ enum: ['llm', 'fallback', 'user'] }) actorType: string;
  actorUserId: string | null;
  actorName: string | null;
  instruction: string | null;
  createdAt: string;
}
