import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../infra/config/config';
import { EncryptionService } from '../../infra/crypto/encryption.service';
import { AppError } from '../../infra/http/app-error';
import { Actor, Role } from '../../infra/http/request-context';
import { AuditService } from '../audit/audit.service';
import { AdvisorProfile } from './entities/advisor-profile.entity';
import { DEFAULT_FIRM_COMPLIANCE, Firm } from './entities/firm.entity';
import { FirmMember } from './entities/firm-member.entity';
import { GoogleAccount } from './entities/google-account.entity';
import { Invitation } from './entities/invitation.entity';
import { User } from './entities/user.entity';
import { GoogleSignInResult } from './google.strategy';
import { TokensService } from './tokens.service';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  pictureUrl: string | null;
  firmId: string;
  firmName: string;
  role: Role;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly crypto: EncryptionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(FirmMember) private readonly members: Repository<FirmMember>,
  ) {}

  /**
   * A Google sign-in: finds or creates the user; joins the firm that invited them, or founds a new
   * firm with them as its admin; stores the Google account as a calendar source; opens a session.
   */
  async signInWithGoogle(g: GoogleSignInResult, userAgent?: string): Promise<{ user: SessionUser; refreshToken: string }> {
    if (!g.email) throw new AppError('GOOGLE_NO_EMAIL', 'Google did not share an email address; allow it on the consent screen', 400);
    const result = await this.dataSource.transaction(async (tx) => {
      const users = tx.getRepository(User);
      let user = await users.findOne({ where: { googleSub: g.sub } });
      if (!user) user = await users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: g.email }).getOne();
      if (!user) user = users.create({ email: g.email, name: g.name, pictureUrl: g.pictureUrl, googleSub: g.sub });
      Object.assign(user, { googleSub: g.sub, name: g.name || user.name, pictureUrl: g.pictureUrl ?? user.pictureUrl, lastSignInAt: new Date() });
      user = await users.save(user);

      let member = await tx.getRepository(FirmMember).findOne({ where: { userId: user.id, status: 'active' } });
      let joined: 'existing' | 'invited' | 'founded' = 'existing';
      if (!member) {
        const invitation = await tx
          .getRepository(Invitation)
          .createQueryBuilder('i')
          .where('lower(i.email) = lower(:email)', { email: g.email })
          .andWhere(`i.status = 'pending'`)
          .andWhere('i.expires_at > now()')
          .orderBy('i.created_at', 'DESC')
          .getOne();
        if (invitation) {
          await tx.getRepository(Invitation).update(invitation.id, { status: 'accepted', acceptedAt: new Date() });
          member = await tx.getRepository(FirmMember).save(tx.getRepository(FirmMember).create({ firmId: invitation.firmId, userId: user.id, role: invitation.role }));
          joined = 'invited';
        } else {
          const firm = await tx.getRepository(Firm).save(tx.getRepository(Firm).create({ name: defaultFirmName(g), compliance: DEFAULT_FIRM_COMPLIANCE }));
          member = await tx.getRepository(FirmMember).save(tx.getRepository(FirmMember).create({ firmId: firm.id, userId: user.id, role: 'admin' }));
          joined = 'founded';
        }
      }
      await this.ensureProfile(tx, user.id, member.firmId);
      await this.upsertGoogleAccount(tx, user.id, member.firmId, g);
      const firm = await tx.getRepository(Firm).findOneByOrFail({ id: member.firmId });
      const actor: Actor = { type: 'user', id: user.id, userId: user.id, firmId: member.firmId, role: member.role };
      await this.audit.record({ action: 'auth.sign_in', subjectType: 'user', subjectId: user.id, actor, data: { method: 'google', joined, role: member.role } }, tx);
      return { user, member, firm };
    });
    const { token } = await this.tokens.issueRefresh(result.user.id, result.member.firmId, undefined, userAgent);
    return { user: toSessionUser(result.user, result.member, result.firm), refreshToken: token };
  }

  /** Adds another Google account (another calendar) to a signed-in user. */
  async connectGoogleAccount(userId: string, g: GoogleSignInResult): Promise<GoogleAccount> {
    return this.dataSource.transaction(async (tx) => {
      const member = await tx.getRepository(FirmMember).findOne({ where: { userId, status: 'active' } });
      if (!member) throw AppError.unauthorized('Your membership ended; sign in again');
      const account = await this.upsertGoogleAccount(tx, userId, member.firmId, g);
      await this.audit.record(
        { action: 'google_account.connected', subjectType: 'google_account', subjectId: account.id, actor: { type: 'user', id: userId, userId, firmId: member.firmId, role: member.role }, data: { email: g.email, scopes: g.scope } },
        tx,
      );
      return account;
    });
  }

  async recordFailedSignIn(reason: string, detail?: string): Promise<void> {
    await this.audit.record({ action: 'auth.sign_in_failed', subjectType: 'auth', firmId: null, actor: { type: 'system', id: 'anonymous' }, data: { reason, detail: detail?.slice(0, 200) } });
  }

  async refresh(refreshToken: string, userAgent?: string): Promise<{ user: SessionUser; refreshToken: string; accessToken: string; expiresIn: number }> {
    const { token, session } = await this.tokens.rotate(refreshToken, userAgent);
    const member = await this.members.findOne({ where: { userId: session.userId, firmId: session.firmId, status: 'active' } });
    if (!member) {
      await this.tokens.revokeFamily(session.familyId, 'membership_ended');
      throw new AppError('UNAUTHORIZED', 'You are no longer a member of this firm', 401);
    }
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: session.userId });
    const firm = await this.dataSource.getRepository(Firm).findOneByOrFail({ id: session.firmId });
    const access = this.tokens.signAccess({ sub: user.id, fid: firm.id, role: member.role, sid: session.familyId });
    return { user: toSessionUser(user, member, firm), refreshToken: token, ...access };
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const session = await this.tokens.revokeByToken(refreshToken);
    if (session) {
      await this.audit.record({ action: 'auth.sign_out', subjectType: 'user', subjectId: session.userId, firmId: session.firmId, actor: { type: 'user', id: session.userId, userId: session.userId, firmId: session.firmId } });
    }
  }

  /** The signed-in user with membership and firm, in one query: every SPA page load asks for it. */
  /** The signed-in member (GET /api/me, on every page load): one indexed row (one active membership per user), as SQL. */
  async me(userId: string): Promise<SessionUser> {
    const [row]: SessionUser[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.picture_url AS "pictureUrl", f.id AS "firmId", f.name AS "firmName", m.role
         FROM firm_member m JOIN app_user u ON u.id = m.user_id JOIN firm f ON f.id = m.firm_id
        WHERE m.user_id = $1 AND m.status = 'active'`,
      [userId],
    );
    if (!row) throw AppError.unauthorized();
    return { id: row.id, email: row.email, name: row.name, pictureUrl: row.pictureUrl, firmId: row.firmId, firmName: row.firmName, role: row.role };
  }

  private async ensureProfile(tx: EntityManager, userId: string, firmId: string): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(AdvisorProfile)
      .values({ userId, firmId })
      .orUpdate(['firm_id'], ['user_id'])
      .execute();
  }

  private async upsertGoogleAccount(tx: EntityManager, userId: string, firmId: string, g: GoogleSignInResult): Promise<GoogleAccount> {
    const repo = tx.getRepository(GoogleAccount);
    let account = await repo.findOne({ where: { userId, googleSub: g.sub } });
    if (!account) account = repo.create({ userId, firmId, googleSub: g.sub });
    account.email = g.email;
    account.firmId = firmId;
    account.scopes = g.scope;
    account.accessTokenEnc = this.crypto.encrypt(g.accessToken, `google:${g.sub}`);
    account.accessTokenExpiresAt = new Date(Date.now() + g.expiresIn * 1000);
    if (g.refreshToken) account.refreshTokenEnc = this.crypto.encrypt(g.refreshToken, `google:${g.sub}`);
    account.status = account.refreshTokenEnc && g.scope.includes('calendar') ? 'active' : 'reconnect_required';
    return repo.save(account);
  }
}

function defaultFirmName(g: GoogleSignInResult): string {
  const domain = g.email.split('@')[1] ?? '';
  const generic = /^(gmail|googlemail|outlook|hotmail|yahoo|icloud)\./.test(domain);
  if (domain && !generic) return domain.split('.')[0].replace(/[-_]/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  return `${g.name || g.email}'s firm`;
}

export function toSessionUser(user: User, member: FirmMember, firm: Firm): SessionUser {
  return { id: user.id, email: user.email, name: user.name, pictureUrl: user.pictureUrl, firmId: firm.id, firmName: firm.name, role: member.role };
}

