import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing: social connections (encrypted tokens), publications with their attempts (the
 * exactly-once ledger), and the append-only publication records (books and records).
 */
export class Publishing1763770005000 implements MigrationInterface {
  name = 'Publishing1763770005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE social_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        advisor_id uuid NOT NULL REFERENCES app_user(id),
        platform text NOT NULL CHECK (platform IN ('linkedin','facebook')),
        external_id text NOT NULL,
        display_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending_page','active','expiring','expired','reconnect_required','disconnected')),
        access_token_enc text,
        refresh_token_enc text,
        user_token_enc text,
        token_expires_at timestamptz,
        refresh_expires_at timestamptz,
        scopes text[] NOT NULL DEFAULT '{}',
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX social_account_live ON social_account (advisor_id, platform, external_id) WHERE status <> 'disconnected'`);
    await q.query(`CREATE INDEX social_account_expiry ON social_account (status, token_expires_at)`);
    await q.query(`
      CREATE TABLE publication (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        advisor_id uuid NOT NULL REFERENCES app_user(id),
        social_account_id uuid NOT NULL REFERENCES social_account(id),
        content_id uuid NOT NULL,
        submission_id uuid NOT NULL REFERENCES post_submission(id),
        version int NOT NULL,
        platform text NOT NULL,
        idempotency_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled','queued','publishing','verifying','published','failed','needs_check','cancelled')),
        scheduled_at timestamptz,
        text_sha256 text NOT NULL,
        external_id text,
        live_url text,
        last_error text,
        needs_check_reason text,
        requested_by uuid,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One live publication per (post version, account): the idempotency key of the design.
    await q.query(`CREATE UNIQUE INDEX publication_idempotency ON publication (idempotency_key) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX publication_firm_list ON publication (firm_id, advisor_id, created_at DESC)`);
    await q.query(`CREATE INDEX publication_status ON publication (status, updated_at)`);
    await q.query(`
      CREATE TABLE publish_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        publication_id uuid NOT NULL REFERENCES publication(id),
        attempt_no int NOT NULL,
        state text NOT NULL CHECK (state IN ('sending','accepted','failed','unknown','reconciled')),
        external_id text,
        error text,
        worker text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (publication_id, attempt_no)
      )`);
    await q.query(`
      CREATE TABLE publication_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        advisor_id uuid NOT NULL REFERENCES app_user(id),
        publication_id uuid NOT NULL UNIQUE REFERENCES publication(id),
        content_id uuid NOT NULL,
        submission_id uuid NOT NULL,
        version int NOT NULL,
        platform text NOT NULL,
        account_external_id text NOT NULL,
        account_name text NOT NULL,
        external_id text NOT NULL,
        live_url text NOT NULL,
        sent_text_enc text NOT NULL,
        sent_text_sha256 text NOT NULL,
        approved_text_sha256 text NOT NULL,
        first_used_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX publication_record_firm_time ON publication_record (firm_id, first_used_at)`);
    await q.query(`CREATE TRIGGER publication_record_append_only BEFORE UPDATE OR DELETE ON publication_record FOR EACH ROW EXECUTE FUNCTION reject_mutation()`);
    await q.query(`CREATE TRIGGER publication_record_no_truncate BEFORE TRUNCATE ON publication_record FOR EACH STATEMENT EXECUTE FUNCTION reject_mutation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['publication_record', 'publish_attempt', 'publication', 'social_account']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
