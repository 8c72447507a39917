import { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions, the append-only guard shared by every books-and-records table, and the audit chain. */
export class Foundation1763770000000 implements MigrationInterface {
  name = 'Foundation1763770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE OR REPLACE FUNCTION reject_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TABLE audit_event (
        seq            bigserial PRIMARY KEY,
        id             uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        chain          text NOT NULL,
        chain_seq      bigint NOT NULL,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        firm_id        uuid,
        actor_type     text NOT NULL,
        actor_id       text NOT NULL,
        action         text NOT NULL,
        subject_type   text NOT NULL,
        subject_id     text,
        request_id     text,
        data           jsonb NOT NULL DEFAULT '{}'::jsonb,
        digest         text NOT NULL,
        prev_hash      text NOT NULL,
        hash           text NOT NULL,
        UNIQUE (chain, chain_seq)
      )`);
    await q.query(`CREATE INDEX audit_event_firm_time ON audit_event (firm_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id)`);
    await q.query(`CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION reject_mutation()`);
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION reject_mutation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION reject_mutation()`);
  }
}
