import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../src/infra/config/config.module';
import { DatabaseModule } from '../src/infra/database/database.module';
import { AuditModule } from '../src/modules/audit/audit.module';
import { AuditService } from '../src/modules/audit/audit.service';
import { createTestDatabase, testConfig } from './utils';

describe('Audit chain (real Postgres)', () => {
  let audit: AuditService;
  let ds: DataSource;
  let drop: () => Promise<void>;
  let close: () => Promise<void>;
  const firmId = randomUUID();

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    const mod = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(testConfig({ DATABASE_URL: db.url })), DatabaseModule, TypeOrmModule, AuditModule],
    }).compile();
    const app = mod.createNestApplication();
    await app.init();
    audit = app.get(AuditService);
    ds = app.get(DataSource);
    close = () => app.close();
  });
  afterAll(async () => {
    await close?.();
    await drop?.();
  });

  const seed = async (n: number) => {
    for (let i = 0; i < n; i++)
      await audit.record({ action: 'post.approved', subjectType: 'post', subjectId: `p${i}`, firmId, actor: { type: 'user', id: 'u1', firmId }, data: { i, text: `t${i}` } });
  };

  it('verifies an untouched chain', async () => {
    await seed(5);
    const result = await audit.verify(firmId);
    expect(result).toMatchObject({ valid: true, events: 5 });
  });

  it('keeps one unbroken chain under concurrent appends', async () => {
    const other = randomUUID();
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit.record({ action: 'x', subjectType: 's', firmId: other, data: { i } })));
    expect(await audit.verify(other)).toMatchObject({ valid: true, events: 20 });
  });

  it('rejects UPDATE and DELETE in the database itself', async () => {
    await expect(ds.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('detects an edited row', async () => {
    const f = randomUUID();
    for (let i = 0; i < 3; i++) await audit.record({ action: 'a', subjectType: 's', firmId: f, data: { amount: i } });
    // A superuser bypassing the trigger is the attack the chain exists for.
    await ds.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
    await ds.query(`UPDATE audit_event SET data = '{"amount": 99}' WHERE chain = $1 AND chain_seq = 2`, [`firm:${f}`]);
    await ds.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    expect(await audit.verify(f)).toMatchObject({ valid: false, brokenAt: { chainSeq: '2', reason: 'hash_mismatch' } });
  });

  it('detects a deleted row', async () => {
    const f = randomUUID();
    for (let i = 0; i < 4; i++) await audit.record({ action: 'a', subjectType: 's', firmId: f, data: { i } });
    await ds.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
    await ds.query(`DELETE FROM audit_event WHERE chain = $1 AND chain_seq = 3`, [`firm:${f}`]);
    await ds.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    const result = await audit.verify(f);
    expect(result.valid).toBe(false);
    expect(result.brokenAt?.chainSeq).toBe('4');
  });
});
