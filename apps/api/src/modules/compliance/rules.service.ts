import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../infra/http/app-error';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { ComplianceEngine } from './compliance-engine';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';
import { CreateFirmRuleDto, RuleDto } from './dto/compliance.dto';

/** The rule packs in force for a firm, and the firm's own rules. */
@Injectable()
export class RulesService {
  constructor(
    private readonly engine: ComplianceEngine,
    private readonly repo: ComplianceRepository,
    private readonly compliance: ComplianceService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RuleDto[]> {
    const s = currentScope();
    const settings = await this.compliance.engineSettings(s.userId, s.firmId);
    const disabled = new Set(settings.disabledRuleIds ?? []);
    const builtIn = this.engine.packs().flatMap((p) =>
      p.rules.map((r) => ({ id: r.id, category: r.category, severity: r.severity, rationale: r.rationale, packId: p.id, packVersion: p.version, disabled: disabled.has(r.id), custom: false })),
    );
    const custom = (settings.customRules ?? []).map((r) => ({ id: r.id, category: r.category, severity: r.severity, rationale: r.rationale, packId: 'firm-custom', packVersion: 'current', disabled: disabled.has(r.id), custom: true }));
    return [...builtIn, ...custom];
  }

  async add(dto: CreateFirmRuleDto): Promise<RuleDto> {
    const s = currentScope();
    if (this.engine.packs().some((p) => p.rules.some((r) => r.id === dto.ruleId))) throw AppError.conflict('RULE_ID_TAKEN', `${dto.ruleId} is a built-in rule id; choose another`);
    const existing = await this.repo.activeRules(s.firmId);
    if (existing.some((r) => r.ruleId === dto.ruleId)) throw AppError.conflict('RULE_ID_TAKEN', `Your firm already has a rule ${dto.ruleId}`);
    await this.dataSource.transaction(async (tx) => {
      await this.repo.addRule({ firmId: s.firmId, ruleId: dto.ruleId, category: dto.category, severity: dto.severity, rationale: dto.rationale, phrases: dto.phrases, createdBy: s.userId }, tx);
      await this.audit.record({ action: 'rule.added', subjectType: 'rule', subjectId: dto.ruleId, data: { ...dto } }, tx);
    });
    this.compliance.invalidateSettings(s.firmId);
    return { id: dto.ruleId, category: dto.category, severity: dto.severity, rationale: dto.rationale, packId: 'firm-custom', packVersion: 'current', disabled: false, custom: true };
  }

  async remove(ruleId: string): Promise<void> {
    const s = currentScope();
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.repo.deactivateRule(s.firmId, ruleId, tx))) throw AppError.notFound('Firm rule');
      await this.audit.record({ action: 'rule.removed', subjectType: 'rule', subjectId: ruleId }, tx);
    });
    this.compliance.invalidateSettings(s.firmId);
  }
}
