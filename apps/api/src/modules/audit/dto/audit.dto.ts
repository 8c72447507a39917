import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  @IsOptional() @IsString() @MaxLength(100) subjectId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number = 100;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number = 0;
}

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty() chainSeq: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) actorType: string;
  @ApiProperty() actorId: string;
  @ApiProperty() action: string;
  @ApiProperty() subjectType: string;
  @ApiPropertyOptional({ nullable: true }) subjectId: string | null;
  @ApiPropertyOptional({ nullable: true }) requestId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty() hash: string;
  @ApiProperty() prevHash: string;
}

export class ChainVerificationDto {
  @ApiProperty() valid: boolean;
  @ApiProperty() events: number;
  @ApiProperty() headHash: string;
  @ApiPropertyOptional({ type: 'object', properties: { chainSeq: { type: 'string' }, reason: { type: 'string' } } }) brokenAt?: { chainSeq: string; reason: string };
}
