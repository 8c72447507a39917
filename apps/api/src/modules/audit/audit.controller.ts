import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditEventDto, AuditQueryDto, ChainVerificationDto } from './dto/audit.dto';

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
