import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppError } from '../../infra/http/app-error';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { DomainEvents } from '../../infra/events/domain-events';
import { AuditService } from '../audit/audit.service';
import { ProfileDto, UpdateProfileDto } from './dto';
import { AdvisorProfile } from './entities/advisor-profile.entity';
import { Firm, FirmComplianceDefaults } from './entities/firm.entity';
import { User } from './entities/user.entity';
import { stripUndefined } from './team.service';

/** The advisor's profile and the compliance settings in force for them (firm defaults + allowed overrides). */
@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(AdvisorProfile) private readonly profiles: Repository<AdvisorProfile>,
    @InjectRepository(Firm) private readonly firms: Repository<Firm>,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async get(userId = currentScope().userId): Promise<ProfileDto> {
    const profile = await this.profiles.findOneBy({ userId });
    if (!profile) throw AppError.notFound('Profile');
    const [user, firm] = await Promise.all([this.dataSource.getRepository(User).findOneByOrFail({ id: userId }), this.firms.findOneByOrFail({ id: profile.firmId })]);
    return {
      userId,
      email: user.email,
      name: user.name,
      firmDisplayName: profile.firmDisplayName ?? firm.name,
      crdNumber: profile.crdNumber,
      timeZone: profile.timeZone,
      joinMinutesBefore: profile.joinMinutesBefore,
      notetakerDefault: profile.notetakerDefault,
      exclusionKeywords: profile.exclusionKeywords,
      complianceOverrides: profile.complianceOverrides,
      effectiveCompliance: effective(firm.compliance, profile.complianceOverrides),
      mayOverride: firm.compliance.advisorMayOverride,
    };
  }

  async update(dto: UpdateProfileDto): Promise<ProfileDto> {
    const s = currentScope();
    await this.dataSource.transaction(async (tx) => {
      const profile = await tx.getRepository(AdvisorProfile).findOneOrFail({ where: { userId: s.userId }, lock: { mode: 'pessimistic_write' } });
      const firm = await tx.getRepository(Firm).findOneByOrFail({ id: s.firmId });
      const before = { ...profile };
      if (dto.complianceOverrides) {
        const wanted = stripUndefined(dto.complianceOverrides);
        const denied = Object.keys(wanted).filter((k) => !firm.compliance.advisorMayOverride.includes(k as never));
        if (denied.length)
          throw AppError.forbidden(`Your firm does not let advisors change: ${denied.join(', ')}. Ask an admin to change the firm's settings.`);
        profile.complianceOverrides = { ...profile.complianceOverrides, ...wanted } as Partial<FirmComplianceDefaults>;
      }
      const { complianceOverrides: _ignored, ...rest } = dto;
      Object.assign(profile, stripUndefined(rest));
      await tx.getRepository(AdvisorProfile).save(profile);
      await this.audit.record({ action: 'profile.updated', subjectType: 'user', subjectId: s.userId, data: { before: pickChanged(before, profile), after: stripUndefined(dto) } }, tx);
    });
    if (dto.complianceOverrides) this.events.emit('compliance.settings_changed', { firmId: s.firmId });
    return this.get(s.userId);
  }

  /** What the compliance engine uses for an advisor. */
  async effectiveCompliance(userId: string): Promise<FirmComplianceDefaults & { firmName: string; crdNumber: string | null }> {
    const profile = await this.profiles.findOneByOrFail({ userId });
    const firm = await this.firms.findOneByOrFail({ id: profile.firmId });
    return { ...effective(firm.compliance, profile.complianceOverrides), firmName: profile.firmDisplayName ?? firm.name, crdNumber: profile.crdNumber };
  }

  /** Notetaker settings, for the Meetings and Bots modules. */
  async notetakerSettings(userId: string): Promise<Pick<AdvisorProfile, 'joinMinutesBefore' | 'notetakerDefault' | 'exclusionKeywords' | 'timeZone'>> {
    const p = await this.profiles.findOneByOrFail({ userId });
    return { joinMinutesBefore: p.joinMinutesBefore, notetakerDefault: p.notetakerDefault, exclusionKeywords: p.exclusionKeywords, timeZone: p.timeZone };
  }
}

function effective(firm: FirmComplianceDefaults, overrides: Partial<FirmComplianceDefaults>): FirmComplianceDefaults {
  const out = { ...firm };
  for (const key of firm.advisorMayOverride) {
    const v = overrides[key];
    if (v === undefined) continue;
    // Disclosures and restricted topics add to the firm's; they never remove what the firm requires.
    if (key === 'requiredDisclosures' || key === 'restrictedTopics') (out[key] as string[]) = [...new Set([...(firm[key] as string[]), ...(v as string[])])];
    else (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

function pickChanged(before: object, after: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(before)) if (JSON.stringify(v) !== JSON.stringify((after as Record<string, unknown>)[k])) out[k] = v;
  return out;
}
