import { Injectable } from '@nestjs/common';
import { AppError } from '../../infra/http/app-error';
import { currentScope } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { ContentRepository } from './content.repository';
import { AutomationDto, CreateAutomationDto, UpdateAutomationDto } from './dto/content.dto';
import { Automation } from './entities/automation.entity';

const STARTERS: Omit<Automation, 'id' | 'firmId' | 'userId' | 'createdAt' | 'updatedAt'>[] = [
  {
    name: 'LinkedIn insight',
    platform: 'linkedin',
    instructions: 'One practical planning lesson drawn from the topic of the meeting, for professionals in their 40s to 60s. Three short paragraphs and a question to invite comments.',
    examplePost: null,
    tone: 'professional',
    hashtagPolicy: 'few',
    fixedHashtags: [],
    enabled: true,
  },
  {
    name: 'Facebook community tip',
    platform: 'facebook',
    instructions: 'A friendly, plain-language tip for local families related to the meeting topic. Short, warm, no jargon.',
    examplePost: null,
    tone: 'warm',
    hashtagPolicy: 'none',
    fixedHashtags: [],
    enabled: true,
  },
];

/** Automations: the advisor's own, plus firm defaults an admin sets. */
@Injectable()
export class AutomationsService {
  constructor(
    private readonly repo: ContentRepository,
    private readonly audit: AuditService,
  ) {}

  /** Automations in force for an advisor; a new advisor starts with two sensible ones. */
  async forAdvisor(firmId: string, userId: string): Promise<Automation[]> {
    const list = await this.repo.automationsFor(firmId, userId);
    if (list.length > 0) return list;
    // Two jobs for a new advisor can get here at once: one of them creates the starters.
    return this.repo.createStartersOnce(firmId, userId, STARTERS);
  }

  async list(): Promise<AutomationDto[]> {
    const s = currentScope();
    return (await this.forAdvisor(s.firmId, s.userId)).map(toDto);
  }

  async create(dto: CreateAutomationDto): Promise<AutomationDto> {
    const s = currentScope();
    if (dto.firmDefault && s.role !== 'admin') throw AppError.forbidden('Only an admin can create firm defaults');
    const { firmDefault, ...rest } = dto;
    const a = await this.repo.saveAutomation({ ...rest, examplePost: rest.examplePost ?? null, fixedHashtags: rest.fixedHashtags ?? [], enabled: rest.enabled ?? true, firmId: s.firmId, userId: firmDefault ? null : s.userId });
    await this.audit.record({ action: 'automation.created', subjectType: 'automation', subjectId: a.id, data: { name: a.name, platform: a.platform, firmDefault: Boolean(firmDefault) } });
    return toDto(a);
  }

  private async editable(id: string): Promise<Automation> {
    const s = currentScope();
    const a = await this.repo.automation(id, s.firmId);
    if (!a || (a.userId !== null && a.userId !== s.userId)) throw AppError.notFound('Automation');
    if (a.userId === null && s.role !== 'admin') throw AppError.forbidden('Firm defaults are managed by an admin');
    return a;
  }

  async update(id: string, dto: UpdateAutomationDto): Promise<AutomationDto> {
    const a = await this.editable(id);
    Object.assign(a, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
    const saved = await this.repo.saveAutomation(a);
    await this.audit.record({ action: 'automation.updated', subjectType: 'automation', subjectId: a.id, data: { ...dto } });
    return toDto(saved);
  }

  async remove(id: string): Promise<void> {
    const a = await this.editable(id);
    await this.repo.deleteAutomation(a.id);
    await this.audit.record({ action: 'automation.deleted', subjectType: 'automation', subjectId: a.id, data: { name: a.name } });
  }
}

export function toDto(a: Automation): AutomationDto {
  return { id: a.id, name: a.name, platform: a.platform, instructions: a.instructions, examplePost: a.examplePost, tone: a.tone, hashtagPolicy: a.hashtagPolicy, fixedHashtags: a.fixedHashtags, enabled: a.enabled, firmDefault: a.userId === null };
}
