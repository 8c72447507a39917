import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { Roles } from '../auth/auth.decorators';
import { ComplianceService } from './compliance.service';
import {
  ApproveDto,
  CreateFirmRuleDto,
  RecordsQueryDto,
  RejectDto,
  RequestChangesDto,
  ReviewDetailDto,
  ReviewItemDto,
  ReviewQueueQueryDto,
  RuleDto,
  ValidateRequestDto,
  ValidationResultDto,
} from './dto/compliance.dto';
import { RecordsService } from './records.service';
import { RulesService } from './rules.service';

@ApiTags('compliance')
@Controller('compliance')
export class ComplianceController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly rules: RulesService,
    private readonly records: RecordsService,
  ) {}

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: "Check a text against FINRA/SEC rules and your firm's policy; stores nothing" })
  @ApiEnvelope(ValidationResultDto)
  validate(@Body() dto: ValidateRequestDto): Promise<ValidationResultDto> {
    return this.compliance.validate(dto);
  }

  @Get('reviews')
  @ApiOperation({ summary: 'The review queue, riskiest first (advisors see their own posts)' })
  @ApiEnvelope(ReviewItemDto, { paged: true })
  queue(@Query() q: ReviewQueueQueryDto) {
    return this.compliance.queue({ ...q, limit: q.limit ?? 50, offset: q.offset ?? 0 });
  }

  @Get('reviews/:contentId')
  @ApiOperation({ summary: 'A post under review: every version with its flags, and every decision' })
  @ApiEnvelope(ReviewDetailDto)
  detail(@Param('contentId') contentId: string): Promise<ReviewDetailDto> {
    return this.compliance.detail(contentId);
  }

  @Post('reviews/:contentId/approve')
  @HttpCode(200)
  @Roles('compliance_officer', 'admin')
  @ApiOperation({ summary: 'Approve the exact version you reviewed (never your own post)' })
  @ApiEnvelope(ReviewDetailDto)
  approve(@Param('contentId') contentId: string, @Body() dto: ApproveDto): Promise<ReviewDetailDto> {
    return this.compliance.approve(contentId, dto.submissionId, dto.comment);
  }

  @Post('reviews/:contentId/request-changes')
  @HttpCode(200)
  @Roles('compliance_officer', 'admin')
  @ApiOperation({ summary: 'Send back with a reason code, a comment and an optional suggested edit' })
  @ApiEnvelope(ReviewDetailDto)
  requestChanges(@Param('contentId') contentId: string, @Body() dto: RequestChangesDto): Promise<ReviewDetailDto> {
    return this.compliance.requestChanges(contentId, dto.submissionId, dto.reasonCode, dto.comment, dto.suggestedEdit);
  }

  @Post('reviews/:contentId/reject')
  @HttpCode(200)
  @Roles('compliance_officer', 'admin')
  @ApiOperation({ summary: 'Reject a post' })
  @ApiEnvelope(ReviewDetailDto)
  reject(@Param('contentId') contentId: string, @Body() dto: RejectDto): Promise<ReviewDetailDto> {
    return this.compliance.reject(contentId, dto.submissionId, dto.reasonCode, dto.comment);
  }

  @Get('rules')
  @ApiOperation({ summary: 'Rules in force for your firm: built-in packs and your own' })
  @ApiEnvelope(RuleDto, { isArray: true })
  listRules(): Promise<RuleDto[]> {
    return this.rules.list();
  }

  @Post('rules')
  @Roles('admin', 'compliance_officer')
  @ApiOperation({ summary: "Add a firm rule (phrases that trigger a category)" })
  @ApiEnvelope(RuleDto, { status: 201 })
  addRule(@Body() dto: CreateFirmRuleDto): Promise<RuleDto> {
    return this.rules.add(dto);
  }

  @Delete('rules/:ruleId')
  @HttpCode(200)
  @Roles('admin', 'compliance_officer')
  @ApiOperation({ summary: 'Remove a firm rule (built-in rules are disabled through firm settings)' })
  @ApiEnvelope(null)
  async removeRule(@Param('ruleId') ruleId: string): Promise<null> {
    await this.rules.remove(ruleId);
    return null;
  }

  @Get('records/export')
  @Roles('compliance_officer', 'admin')
  @ApiProduces('text/csv', 'application/pdf')
  @ApiOperation({ summary: 'Books and records for a date range, as CSV or PDF (with the audit chain verification)' })
  async export(@Query() q: RecordsQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const name = `aftermeet-records-${q.from}-to-${q.to}.${q.format}`;
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    if (q.format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      return new StreamableFile(Buffer.from(await this.records.csv(q.from, q.to), 'utf8'));
    }
    res.setHeader('content-type', 'application/pdf');
    return new StreamableFile(await this.records.pdf(q.from, q.to));
  }
}
