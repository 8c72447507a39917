import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-subject data keys (crypto-shredding) and the firm's privacy requests log. */
export class Privacy1763770006000 implements MigrationInterface {
  name = 'Privacy1763770006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        firm_id uuid NOT NULL,
        wrapped_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz,
        UNIQUE (subject_type, subject_id),
        CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
      )`);
    // A meeting whose data was destroyed says so, rather than pretending it never had a transcript.
    await q.query(`ALTER TABLE client_meeting DROP CONSTRAINT IF EXISTS client_meeting_transcript_state_check`);
    await q.query(`ALTER TABLE client_meeting ADD CONSTRAINT client_meeting_transcript_state_check CHECK (transcript_state IN ('none','stored','withheld','deleted'))`);
    await q.query(`
      CREATE TABLE privacy_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        requested_by uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL CHECK (kind IN ('export_user','export_client','delete_client','retention_purge')),
        subject text NOT NULL,
        result jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE privacy_request`);
    await q.query(`DROP TABLE data_key`);
  }
}
