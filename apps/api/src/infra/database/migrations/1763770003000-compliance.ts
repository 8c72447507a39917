import { MigrationInterface, QueryRunner } from 'typeorm';

/** Books and records (append-only submissions and decisions), the review queue, firm rules. */
export class Compliance1763770003000 implements MigrationInterface {
  name = 'Compliance1763770003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        advisor_id uuid NOT NULL REFERENCES app_user(id),
        content_id uuid NOT NULL,
        version int NOT NULL,
        platform text NOT NULL CHECK (platform IN ('linkedin','facebook')),
        text_enc text NOT NULL,
        validated_text_enc text NOT NULL,
        validated_text_sha256 text NOT NULL,
        author_type text NOT NULL,
        author_user_id uuid,
        meeting_id uuid,
        generation jsonb NOT NULL DEFAULT '{}'::jsonb,
        validation jsonb NOT NULL,
        risk_score int NOT NULL,
        outcome text NOT NULL,
        settings jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (content_id, version)
      )`);
    await q.query(`CREATE INDEX post_submission_firm_time ON post_submission (firm_id, created_at)`);
    await q.query(`
      CREATE TABLE review_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        content_id uuid NOT NULL,
        submission_id uuid NOT NULL REFERENCES post_submission(id),
        decision text NOT NULL,
        reviewer_id uuid REFERENCES app_user(id),
        reviewer_role text,
        reason_code text,
        comment text,
        suggested_edit_enc text,
        approved_text_sha256 text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_decision_content ON review_decision (content_id, created_at)`);
    await q.query(`CREATE INDEX review_decision_firm_time ON review_decision (firm_id, created_at)`);
    for (const t of ['post_submission', 'review_decision']) {
      await q.query(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION reject_mutation()`);
      await q.query(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION reject_mutation()`);
    }
    await q.query(`
      CREATE TABLE review_item (
        content_id uuid PRIMARY KEY,
        firm_id uuid NOT NULL REFERENCES firm(id),
        advisor_id uuid NOT NULL REFERENCES app_user(id),
        platform text NOT NULL,
        latest_submission_id uuid NOT NULL REFERENCES post_submission(id),
        latest_version int NOT NULL,
        status text NOT NULL,
        risk_score int NOT NULL,
        categories text[] NOT NULL DEFAULT '{}',
        approved_submission_id uuid REFERENCES post_submission(id),
        ever_human_approved boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_item_queue ON review_item (firm_id, status, risk_score DESC)`);
    await q.query(`
      CREATE TABLE firm_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        rule_id text NOT NULL,
        category text NOT NULL,
        severity text NOT NULL,
        rationale text NOT NULL,
        phrases text[] NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (firm_id, rule_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['firm_rule', 'review_item', 'review_decision', 'post_submission']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
