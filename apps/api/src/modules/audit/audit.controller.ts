import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';

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

@ApiTags('audit')
@Controller('audit')
@Roles('compliance_officer', 'admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: "Your firm's audit trail, newest first" })
  @ApiEnvelope(AuditEventDto, { paged: true })
  async list(@Query() q: AuditQueryDto) {
    const { items, total } = await this.audit.list(currentScope().firmId, {
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      action: q.action,
      subjectId: q.subjectId,
      limit: q.limit ?? 100,
      offset: q.offset ?? 0,
    });
    return {
      items: items.map((e) => ({ id: e.id, chainSeq: e.chainSeq, occurredAt: e.occurredAt.toISOString(), actorType: e.actorType, actorId: e.actorId, action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, requestId: e.requestId, data: e.data, hash: e.hash, prevHash: e.prevHash })),
      page: { total, limit: q.limit ?? 100, offset: q.offset ?? 0 },
    };
  }

  @Get('verify')
  @ApiOperation({ summary: "Recompute your firm's hash chain: proves no event was edited, inserted or removed" })
  @ApiEnvelope(ChainVerificationDto)
  verify(): Promise<ChainVerificationDto> {
    return this.audit.verify(currentScope().firmId);
  }
}
