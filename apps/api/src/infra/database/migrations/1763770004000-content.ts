import { MigrationInterface, QueryRunner } from 'typeorm';

/** Automations, generation runs (the AI record), drafts and their append-only versions. */
export class Content1763770004000 implements MigrationInterface {
  name = 'Content1763770004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE automation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        user_id uuid REFERENCES app_user(id),
        name text NOT NULL,
        platform text NOT NULL CHECK (platform IN ('linkedin','facebook')),
        instructions text NOT NULL,
        example_post text,
        tone text NOT NULL,
        hashtag_policy text NOT NULL,
        fixed_hashtags text[] NOT NULL DEFAULT '{}',
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX automation_owner ON automation (firm_id, user_id)`);
    await q.query(`
      CREATE TABLE generation_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        advisor_id uuid NOT NULL REFERENCES app_user(id),
        meeting_id uuid NOT NULL,
        input_digest text NOT NULL,
        trigger text NOT NULL,
        status text NOT NULL,
        mode text,
        model text,
        prompt_version text NOT NULL,
        parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
        usage jsonb NOT NULL DEFAULT '{}'::jsonb,
        attempts int NOT NULL DEFAULT 0,
        fallback_reason text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    // One automatic drafting per meeting: two transcripts arriving at once make one set of drafts.
    await q.query(`CREATE UNIQUE INDEX generation_run_once ON generation_run (meeting_id) WHERE trigger = 'transcript' AND status <> 'failed'`);
    await q.query(`CREATE INDEX generation_run_meeting ON generation_run (meeting_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE generated_content (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        advisor_id uuid NOT NULL REFERENCES app_user(id),
        meeting_id uuid NOT NULL,
        run_id uuid NOT NULL REFERENCES generation_run(id),
        kind text NOT NULL CHECK (kind IN ('summary','email','post')),
        platform text,
        automation_id uuid,
        title text,
        text_enc text NOT NULL,
        action_items jsonb NOT NULL DEFAULT '[]'::jsonb,
        hashtags text[] NOT NULL DEFAULT '{}',
        evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
        origin text NOT NULL,
        version int NOT NULL,
        superseded boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX generated_content_meeting ON generated_content (firm_id, meeting_id) WHERE NOT superseded`);
    await q.query(`
      CREATE TABLE content_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        content_id uuid NOT NULL REFERENCES generated_content(id),
        version int NOT NULL,
        text_enc text NOT NULL,
        change text NOT NULL,
        actor_type text NOT NULL,
        actor_user_id uuid,
        instruction text,
        run_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (content_id, version)
      )`);
    await q.query(`CREATE TRIGGER content_version_append_only BEFORE UPDATE OR DELETE ON content_version FOR EACH ROW EXECUTE FUNCTION reject_mutation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['content_version', 'generated_content', 'generation_run', 'automation']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
