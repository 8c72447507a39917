import { MigrationInterface, QueryRunner } from 'typeorm';

/** Firms, users and their memberships, sessions, API keys, connected Google accounts. */
export class Auth1763770001000 implements MigrationInterface {
  name = 'Auth1763770001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE firm (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        compliance jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        picture_url text,
        google_sub text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email ON app_user (lower(email))`);
    await q.query(`
      CREATE TABLE firm_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        role text NOT NULL CHECK (role IN ('advisor','compliance_officer','admin')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','removed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX firm_member_one_active ON firm_member (user_id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX firm_member_firm ON firm_member (firm_id)`);
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('advisor','compliance_officer','admin')),
        invited_by uuid NOT NULL REFERENCES app_user(id),
        status text NOT NULL DEFAULT 'pending',
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX invitation_pending ON invitation (firm_id, lower(email)) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE advisor_profile (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        firm_id uuid NOT NULL REFERENCES firm(id),
        firm_display_name text,
        crd_number text,
        time_zone text NOT NULL DEFAULT 'America/New_York',
        compliance_overrides jsonb NOT NULL DEFAULT '{}'::jsonb,
        join_minutes_before int NOT NULL DEFAULT 2 CHECK (join_minutes_before BETWEEN 0 AND 30),
        notetaker_default boolean NOT NULL DEFAULT true,
        exclusion_keywords text[] NOT NULL DEFAULT '{personal,doctor,dentist,private}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE google_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        google_sub text NOT NULL,
        email text NOT NULL,
        refresh_token_enc text,
        access_token_enc text,
        access_token_expires_at timestamptz,
        scopes text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'active',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, google_sub)
      )`);
    await q.query(`
      CREATE TABLE refresh_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user(id),
        firm_id uuid NOT NULL REFERENCES firm(id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_session_family ON refresh_session (family_id)`);
    await q.query(`CREATE INDEX refresh_session_user ON refresh_session (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        hash text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('read','read-write')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        rotated_from_id uuid
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['api_key', 'refresh_session', 'google_account', 'advisor_profile', 'invitation', 'firm_member', 'app_user', 'firm']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
