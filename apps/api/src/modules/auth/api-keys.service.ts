import { sha256 } from '../../infra/crypto/sha256';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AppError } from '../../infra/http/app-error';
import { Actor } from '../../infra/http/request-context';
import { currentScope, isUuid } from '../../infra/tenancy/tenant-repository';
import { AuditService } from '../audit/audit.service';
import { ApiKey } from './entities/api-key.entity';
import { FirmMember } from './entities/firm-member.entity';


export interface IssuedKey {
  key: ApiKey;
  secret: string;
}

/** Keys look like `am_<prefix>_<secret>`; the prefix finds the row, the hash proves the secret. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @InjectRepository(FirmMember) private readonly members: Repository<FirmMember>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async issue(name: string, scope: ApiKey['scope'], rotatedFromId: string | null = null): Promise<IssuedKey> {
    const s = currentScope();
    const prefix = randomBytes(6).toString('hex');
    const secret = `am_${prefix}_${randomBytes(24).toString('base64url')}`;
    return this.dataSource.transaction(async (tx) => {
      const key = await tx.getRepository(ApiKey).save(
        tx.getRepository(ApiKey).create({ firmId: s.firmId, userId: s.userId, name, prefix, hash: sha256(secret), scope, rotatedFromId }),
      );
      await this.audit.record({ action: 'api_key.issued', subjectType: 'api_key', subjectId: key.id, data: { name, scope, prefix, rotatedFromId } }, tx);
      return { key, secret };
    });
  }

  list(): Promise<ApiKey[]> {
    const s = currentScope();
    const where = s.role === 'admin' ? { firmId: s.firmId } : { firmId: s.firmId, userId: s.userId };
    return this.keys.find({ where, order: { createdAt: 'DESC' } });
  }

  private async visible(id: string): Promise<ApiKey> {
    const s = currentScope();
    const key = isUuid(id) ? await this.keys.findOne({ where: { id, firmId: s.firmId } }) : null;
    if (!key || (s.role !== 'admin' && key.userId !== s.userId)) throw AppError.notFound('API key');
    return key;
  }

  async revoke(id: string): Promise<ApiKey> {
    const key = await this.visible(id);
    if (!key.revokedAt) {
      await this.dataSource.transaction(async (tx) => {
        await tx.getRepository(ApiKey).update(key.id, { revokedAt: new Date() });
        await this.audit.record({ action: 'api_key.revoked', subjectType: 'api_key', subjectId: key.id, data: { prefix: key.prefix } }, tx);
      });
      key.revokedAt = new Date();
    }
    return key;
  }

  /** A new secret with the same name and scope; the old key stops working at once. */
  async rotate(id: string): Promise<IssuedKey> {
    const old = await this.visible(id);
    if (old.revokedAt) throw AppError.conflict('API_KEY_REVOKED', 'This key is revoked; issue a new one instead');
    await this.revoke(id);
    return this.issue(old.name, old.scope, old.id);
  }

  async revokeAllOfUser(userId: string, firmId: string): Promise<void> {
    await this.keys.update({ userId, firmId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Resolves a presented key to the acting member; the member must still be active. */
  async authenticate(presented: string): Promise<Actor> {
    const match = /^am_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}$/.exec(presented);
    const fail = () => new AppError('UNAUTHORIZED', 'The API key is not valid or was revoked', 401);
    if (!match) throw fail();
    const key = await this.keys.findOne({ where: { prefix: match[1] } });
    if (!key || key.revokedAt) throw fail();
    const a = Buffer.from(key.hash, 'hex');
    const b = Buffer.from(sha256(presented), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw fail();
    const member = await this.members.findOne({ where: { userId: key.userId, firmId: key.firmId, status: 'active' } });
    if (!member) throw fail();
    void this.keys.update(key.id, { lastUsedAt: new Date() }).catch(() => undefined);
    return { type: 'api_key', id: key.id, userId: key.userId, firmId: key.firmId, role: member.role, scope: key.scope };
  }
}
