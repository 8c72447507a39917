import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppError } from '../../infra/http/app-error';
import { currentScope, isUuid } from '../../infra/tenancy/tenant-repository';
import { DomainEvents } from '../../infra/events/domain-events';
import { AuditService } from '../audit/audit.service';
import { ApiKeysService } from './api-keys.service';
import { FirmDto, InvitationDto, MemberDto, UpdateFirmDto } from './dto';
import { Firm } from './entities/firm.entity';
import { FirmMember } from './entities/firm-member.entity';
import { Invitation } from './entities/invitation.entity';
import { User } from './entities/user.entity';
import { TokensService } from './tokens.service';
import type { RoleName } from './dto/team.dto';

const INVITATION_DAYS = 14;

/** Members, roles, invitations and firm-wide settings. Admins act; everyone in the firm may look. */
@Injectable()
export class TeamService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(FirmMember) private readonly members: Repository<FirmMember>,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    @InjectRepository(Firm) private readonly firms: Repository<Firm>,
    private readonly tokens: TokensService,
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async getFirm(): Promise<FirmDto> {
    const firm = await this.firms.findOneByOrFail({ id: currentScope().firmId });
    return { id: firm.id, name: firm.name, compliance: firm.compliance };
  }

  async updateFirm(dto: UpdateFirmDto): Promise<FirmDto> {
    const s = currentScope();
    return this.dataSource.transaction(async (tx) => {
      const firm = await tx.getRepository(Firm).findOneOrFail({ where: { id: s.firmId }, lock: { mode: 'pessimistic_write' } });
      const before = { name: firm.name, compliance: firm.compliance };
      if (dto.name) firm.name = dto.name;
      if (dto.compliance) firm.compliance = { ...firm.compliance, ...stripUndefined(dto.compliance) };
      await tx.getRepository(Firm).save(firm);
      await this.audit.record({ action: 'firm.settings_changed', subjectType: 'firm', subjectId: firm.id, data: { before, after: { name: firm.name, compliance: firm.compliance } } }, tx);
      return { id: firm.id, name: firm.name, compliance: firm.compliance };
    }).then((out) => {
      this.events.emit('compliance.settings_changed', { firmId: s.firmId });
      return out;
    });
  }

  async listMembers(): Promise<MemberDto[]> {
    const rows = await this.members
      .createQueryBuilder('m')
      .innerJoin(User, 'u', 'u.id = m.user_id')
      .select(['m.id AS id', 'm.user_id AS "userId"', 'u.email AS email', 'u.name AS name', 'm.role AS role', 'm.created_at AS "joinedAt"'])
      .where('m.firm_id = :firmId', { firmId: currentScope().firmId })
      .andWhere(`m.status = 'active'`)
      .orderBy('u.name')
      .getRawMany<MemberDto & { joinedAt: Date }>();
    return rows.map((r) => ({ ...r, joinedAt: new Date(r.joinedAt).toISOString() }));
  }

  private async member(id: string): Promise<FirmMember> {
    const m = isUuid(id) ? await this.members.findOne({ where: { id, firmId: currentScope().firmId, status: 'active' } }) : null;
    if (!m) throw AppError.notFound('Member');
    return m;
  }

  async changeRole(id: string, role: RoleName): Promise<MemberDto> {
    const s = currentScope();
    const m = await this.member(id);
    if (m.userId === s.userId && role !== 'admin') await this.assertAnotherAdmin(s.firmId, m.userId);
    if (m.role !== role) {
      await this.dataSource.transaction(async (tx) => {
        await tx.getRepository(FirmMember).update(m.id, { role });
        await this.audit.record({ action: 'member.role_changed', subjectType: 'user', subjectId: m.userId, data: { from: m.role, to: role } }, tx);
      });
      // Tokens carry the role: end the member's sessions so the new role applies at once.
      await this.tokens.revokeUser(m.userId);
    }
    return (await this.listMembers()).find((x) => x.id === id)!;
  }

  async remove(id: string): Promise<void> {
    const s = currentScope();
    const m = await this.member(id);
    if (m.userId === s.userId) throw AppError.conflict('CANNOT_REMOVE_SELF', 'You cannot remove yourself; ask another admin');
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(FirmMember).update(m.id, { status: 'removed', removedAt: new Date() });
      await this.audit.record({ action: 'member.removed', subjectType: 'user', subjectId: m.userId, data: { role: m.role } }, tx);
    });
    await this.tokens.revokeUser(m.userId);
    await this.apiKeys.revokeAllOfUser(m.userId, s.firmId);
  }

  async invite(email: string, role: RoleName): Promise<InvitationDto> {
    const s = currentScope();
    const existing = await this.members
      .createQueryBuilder('m')
      .innerJoin(User, 'u', 'u.id = m.user_id')
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere(`m.status = 'active'`)
      .getOne();
    if (existing?.firmId === s.firmId) throw AppError.conflict('ALREADY_MEMBER', `${email} is already a member of your firm`);
    if (existing) throw AppError.conflict('MEMBER_OF_ANOTHER_FIRM', `${email} belongs to another firm; they must leave it first`);
    return this.dataSource.transaction(async (tx) => {
      await tx.getRepository(Invitation).createQueryBuilder().update().set({ status: 'revoked' }).where(`firm_id = :f AND lower(email) = lower(:e) AND status = 'pending'`, { f: s.firmId, e: email }).execute();
      const inv = await tx.getRepository(Invitation).save(
        tx.getRepository(Invitation).create({ firmId: s.firmId, email: email.toLowerCase(), role, invitedBy: s.userId, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000) }),
      );
      await this.audit.record({ action: 'member.invited', subjectType: 'invitation', subjectId: inv.id, data: { email: inv.email, role } }, tx);
      return toInvitationDto(inv);
    });
  }

  async listInvitations(): Promise<InvitationDto[]> {
    const rows = await this.invitations.find({ where: { firmId: currentScope().firmId, status: 'pending' }, order: { createdAt: 'DESC' } });
    return rows.map(toInvitationDto);
  }

  async revokeInvitation(id: string): Promise<void> {
    const s = currentScope();
    const inv = isUuid(id) ? await this.invitations.findOne({ where: { id, firmId: s.firmId } }) : null;
    if (!inv) throw AppError.notFound('Invitation');
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(Invitation).update(inv.id, { status: 'revoked' });
      await this.audit.record({ action: 'member.invitation_revoked', subjectType: 'invitation', subjectId: inv.id, data: { email: inv.email } }, tx);
    });
  }

  private async assertAnotherAdmin(firmId: string, exceptUserId: string): Promise<void> {
    const admins = await this.members.count({ where: { firmId, role: 'admin', status: 'active' } });
    const selfIsAdmin = await this.members.count({ where: { firmId, userId: exceptUserId, role: 'admin', status: 'active' } });
    if (admins - selfIsAdmin < 1) throw AppError.conflict('LAST_ADMIN', 'A firm needs at least one admin; make someone else admin first');
  }
}

function toInvitationDto(i: Invitation): InvitationDto {
  return { id: i.id, email: i.email, role: i.role, status: i.status, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() };
}

/** Keeps only the fields a PATCH actually sets: absent and null mean "leave as is". */
export function stripUndefined<T extends object>(o: T | null | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
