import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const SOCIAL_PLATFORMS = ['linkedin', 'facebook'] as const;
export const PUBLICATION_STATUSES = ['scheduled', 'queued', 'publishing', 'verifying', 'published', 'failed', 'needs_check', 'cancelled'] as const;
export const CONNECTION_STATUSES = ['pending_page', 'active', 'expiring', 'expired', 'reconnect_required'] as const;

// ISO local date-time, with an optional offset (`Z`, `+02:00`); without one it is the advisor's time zone.
const SCHEDULE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

export class PublishRequestDto {
  @ApiProperty({ description: 'The approved post (Content id)' }) @IsUUID() contentId: string;
  @ApiProperty({ description: 'The connection (LinkedIn member or Facebook Page) to post to' }) @IsUUID() connectionId: string;
  @ApiPropertyOptional({
    description: 'When to publish: ISO 8601 with an offset, or a local time (2026-03-02T09:30) read in your time zone. Omit to publish now.',
    example: '2026-03-02T09:30',
  })
  @IsOptional()
  @IsString()
  @Matches(SCHEDULE, { message: 'scheduledAt must be an ISO date-time such as 2026-03-02T09:30 or 2026-03-02T09:30:00-05:00' })
  scheduledAt?: string;
}

export class SelectPageDto {
  @ApiProperty({ description: 'The Facebook Page id from GET …/pages' }) @IsString() @MaxLength(64) @Matches(/^\d+$/, { message: 'pageId must be a Facebook Page id' }) pageId: string;
}

export class ResolveNeedsCheckDto {
  @ApiProperty({ enum: ['published', 'not_published'], description: 'What you found on the platform' })
  @IsIn(['published', 'not_published'])
  outcome: 'published' | 'not_published';
  @ApiPropertyOptional({ description: 'The post on the platform (LinkedIn urn:li:share:…, Facebook <page>_<post>), when we do not know it yet' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;
}

export class PublicationsQueryDto {
  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES }) @IsOptional() @IsIn(PUBLICATION_STATUSES) status?: (typeof PUBLICATION_STATUSES)[number];
  @ApiPropertyOptional({ enum: SOCIAL_PLATFORMS }) @IsOptional() @IsIn(SOCIAL_PLATFORMS) platform?: (typeof SOCIAL_PLATFORMS)[number];
  @IsOptional() @IsUUID() contentId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number = 50;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number = 0;
}

export class ConnectUrlDto {
  @ApiProperty({ description: 'Open this URL in the browser; it comes back to /settings' }) url: string;
}

export class ConnectionDto {
  id: string;
  @ApiProperty({ enum: SOCIAL_PLATFORMS }) platform: string;
  @ApiProperty({ description: 'LinkedIn member name or Facebook Page name' }) displayName: string;
  externalId: string;
  @ApiProperty({ enum: CONNECTION_STATUSES }) status: string;
  @ApiProperty({ enum: ['ok', 'warning', 'error'], description: 'ok; warning when the token expires within the warning period; error when it cannot post' })
  health: 'ok' | 'warning' | 'error';
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: 'Null when the token does not expire' }) tokenExpiresAt: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) daysLeft: number | null;
  canRefresh: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) message: string | null;
  connectedAt: string;
}

export class FacebookPageOptionDto {
  id: string;
  name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) category: string | null;
  @ApiProperty({ description: 'False when your role on the Page cannot create content' }) canPost: boolean;
}

export class PublicationDto {
  id: string;
  contentId: string;
  version: number;
  @ApiProperty({ enum: SOCIAL_PLATFORMS }) platform: string;
  connectionId: string;
  accountName: string;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) scheduledAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) publishedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) externalId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The post on the platform' }) liveUrl: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) needsCheckReason: string | null;
  createdAt: string;
}

export class PublishAttemptDto {
  attemptNo: number;
  @ApiProperty({ enum: ['sending', 'accepted', 'failed', 'unknown', 'reconciled'] }) state: string;
  @ApiPropertyOptional({ type: String, nullable: true }) externalId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) error: string | null;
  startedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) finishedAt: string | null;
}

export class PublicationDetailDto extends PublicationDto {
  @ApiProperty({ type: [PublishAttemptDto] }) attempts: PublishAttemptDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The exact text sent, as archived in books and records' }) archivedText: string | null;
}
