import { MigrationInterface, QueryRunner } from 'typeorm';

/** Meetings (calendar events, sync state, encrypted transcripts) and Recall.ai bots (status timeline, webhook receipts). */
export class MeetingsBots1763770002000 implements MigrationInterface {
  name = 'MeetingsBots1763770002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_sync_state (
        google_account_id uuid PRIMARY KEY REFERENCES google_account(id),
        firm_id uuid NOT NULL REFERENCES firm(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        sync_token text,
        last_full_sync_at timestamptz,
        last_synced_at timestamptz,
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE client_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        advisor_id uuid NOT NULL REFERENCES app_user(id),
        google_account_id uuid NOT NULL REFERENCES google_account(id),
        event_id text NOT NULL,
        status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed','tentative','cancelled')),
        title text NOT NULL DEFAULT '',
        location text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        meeting_url text,
        platform text CHECK (platform IN ('zoom','google_meet','microsoft_teams','webex')),
        visibility text NOT NULL DEFAULT 'default',
        organizer_email text,
        attendees jsonb NOT NULL DEFAULT '[]'::jsonb,
        notetaker_enabled boolean NOT NULL DEFAULT false,
        notetaker_choice text NOT NULL DEFAULT 'default' CHECK (notetaker_choice IN ('default','user')),
        excluded_reason text,
        do_not_record boolean NOT NULL DEFAULT false,
        bot_status text,
        bot_status_detail text,
        transcript_enc text,
        transcript_state text NOT NULL DEFAULT 'none' CHECK (transcript_state IN ('none','stored','withheld')),
        transcript_source text,
        transcript_note text,
        transcript_stored_at timestamptz,
        version int NOT NULL DEFAULT 1,
        calendar_updated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (google_account_id, event_id)
      )`);
    await q.query(`CREATE INDEX client_meeting_advisor_start ON client_meeting (firm_id, advisor_id, starts_at)`);
    await q.query(`CREATE INDEX client_meeting_dedupe ON client_meeting (advisor_id, meeting_url, starts_at) WHERE meeting_url IS NOT NULL`);
    await q.query(`
      CREATE TABLE recall_bot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        advisor_id uuid NOT NULL REFERENCES app_user(id),
        meeting_id uuid NOT NULL REFERENCES client_meeting(id),
        dedupe_key text NOT NULL,
        external_id text UNIQUE,
        state text NOT NULL CHECK (state IN ('pending','scheduled','active','ended','completed','failed','cancelled')),
        status_code text,
        status_sub_code text,
        status_at timestamptz,
        meeting_url text NOT NULL,
        join_at timestamptz NOT NULL,
        idempotency_key uuid NOT NULL,
        chat_announced boolean NOT NULL DEFAULT true,
        waiting_until timestamptz,
        claimed_until timestamptz,
        last_error text,
        last_polled_at timestamptz,
        transcript_fetched_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Exactly one live bot per meeting, and per (advisor, meeting URL, start) across calendars.
    await q.query(`CREATE UNIQUE INDEX recall_bot_live_meeting ON recall_bot (meeting_id) WHERE state IN ('pending','scheduled','active','ended')`);
    await q.query(`CREATE UNIQUE INDEX recall_bot_live_dedupe ON recall_bot (dedupe_key) WHERE state IN ('pending','scheduled','active','ended')`);
    await q.query(`CREATE INDEX recall_bot_firm_advisor ON recall_bot (firm_id, advisor_id, join_at)`);
    await q.query(`
      CREATE TABLE recall_bot_status (
        id bigserial PRIMARY KEY,
        bot_id uuid NOT NULL REFERENCES recall_bot(id),
        firm_id uuid NOT NULL REFERENCES firm(id),
        code text NOT NULL,
        sub_code text,
        message text,
        occurred_at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('webhook','poll','api')),
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bot_id, code, occurred_at)
      )`);
    await q.query(`
      CREATE TABLE recall_webhook_receipt (
        webhook_id text PRIMARY KEY,
        event text NOT NULL,
        bot_external_id text,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['recall_webhook_receipt', 'recall_bot_status', 'recall_bot', 'client_meeting', 'calendar_sync_state']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
