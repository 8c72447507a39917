import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { registerEncryptedColumn } from './encrypted-columns';
import { EncryptionService } from './encryption.service';

registerEncryptedColumn({ table: 'data_key', idColumn: 'id', column: 'wrapped_key', aad: { column: 'subject_id', prefix: 'data_key:' } });

const PREFIX = 'd1';

export class DataShreddedError extends Error {
  constructor() {
    super('This data was deleted on request (its encryption key was destroyed)');
    this.name = 'DataShreddedError';
  }
}

/**
 * Envelope encryption for personal data: one random data key per subject (a meeting), stored
 * wrapped by the master keys. Destroying the key makes every copy of that subject's ciphertext
 * unreadable (crypto-shredding), while books and records, encrypted under the master keys, stay.
 * Keep the data_key table out of long-lived backups (or back it up with a short retention) so a
 * destroyed key cannot come back from a backup.
 */
@Injectable()
export class DataKeyService {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly master: EncryptionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private async keyFor(subjectType: string, subjectId: string, firmId: string, tx?: EntityManager): Promise<{ id: string; key: Buffer }> {
    const q = (tx ?? this.dataSource).query.bind(tx ?? this.dataSource);
    const select = () => q(`SELECT id, wrapped_key, destroyed_at FROM data_key WHERE subject_type = $1 AND subject_id = $2`, [subjectType, subjectId]);
    let [row] = await select();
    if (!row) {
      const wrapped = this.master.encrypt(randomBytes(32), `data_key:${subjectId}`);
      await q(`INSERT INTO data_key (subject_type, subject_id, firm_id, wrapped_key) VALUES ($1, $2, $3, $4) ON CONFLICT (subject_type, subject_id) DO NOTHING`, [subjectType, subjectId, firmId, wrapped]);
      [row] = await select();
    }
    if (row.destroyed_at || !row.wrapped_key) throw new DataShreddedError();
    return { id: row.id, key: this.unwrap(row.id, row.wrapped_key, subjectType, subjectId) };
  }

  private unwrap(id: string, wrapped: string, subjectType: string, subjectId: string): Buffer {
    let key = this.cache.get(id);
    if (!key) {
      key = this.master.decryptToBuffer(wrapped, `data_key:${subjectId}`);
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(id, key);
    }
    return key;
  }

  async encrypt(subjectType: string, subjectId: string, firmId: string, plaintext: string, aad = '', tx?: EntityManager): Promise<string> {
    const { id, key } = await this.keyFor(subjectType, subjectId, firmId, tx);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [PREFIX, id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** Decrypts data-key ciphertext; master-key ciphertext (older rows) is accepted too. */
  async decrypt(token: string, aad = ''): Promise<string> {
    if (!token.startsWith(`${PREFIX}.`)) return this.master.decrypt(token, aad);
    const [, id, iv, tag, body] = token.split('.');
    const [row] = await this.dataSource.query(`SELECT subject_type, subject_id, wrapped_key, destroyed_at FROM data_key WHERE id = $1`, [id]);
    if (!row || row.destroyed_at || !row.wrapped_key) throw new DataShreddedError();
    const key = this.unwrap(id, row.wrapped_key, row.subject_type, row.subject_id);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Crypto-shredding: the key is overwritten and marked destroyed; its ciphertext can never be read again. */
  async destroy(subjectType: string, subjectIds: string[], tx?: EntityManager): Promise<number> {
    if (subjectIds.length === 0) return 0;
    const q = (tx ?? this.dataSource).query.bind(tx ?? this.dataSource);
    const rows: { id: string }[] = await q(
      `UPDATE data_key SET wrapped_key = NULL, destroyed_at = now() WHERE subject_type = $1 AND subject_id = ANY($2::text[]) AND destroyed_at IS NULL RETURNING id`,
      [subjectType, subjectIds],
    );
    for (const r of rows) this.cache.delete(r.id);
    // Subjects that never had a key get a destroyed one, so nothing can be encrypted for them later.
    await q(
      `INSERT INTO data_key (subject_type, subject_id, firm_id, wrapped_key, destroyed_at)
       SELECT $1, s, '00000000-0000-0000-0000-000000000000'::uuid, NULL, now() FROM unnest($2::text[]) s
       ON CONFLICT (subject_type, subject_id) DO NOTHING`,
      [subjectType, subjectIds],
    );
    return rows.length;
  }

  isDataKeyCiphertext(token: string): boolean {
    return token.startsWith(`${PREFIX}.`);
  }
}
