/** Fast bulk seeding (generate_series + unnest batches) of firms, advisors, Google accounts, meetings and review items. */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { encrypt } from './stack';

export interface SeededAdvisor {
  userId: string;
  firmId: string;
  role: 'advisor' | 'compliance_officer';
  meetingIds?: string[];
}

const COMPLIANCE = {
  riskTolerance: 'moderate',
  autoApprovalThreshold: 30,
  requiredDisclosures: [],
  restrictedTopics: [],
  disabledRuleIds: [],
  facebookInvestmentAlwaysReview: true,
  requireRecordingConsent: false,
  advisorMayOverride: ['restrictedTopics'],
};

/**
 * Firms with advisors (plus one compliance officer each), one Google account per advisor, and
 * `meetings` client meetings spread unevenly across advisors (a few busy ones, a long tail) over
 * the last 12 months and the next 4 weeks, in working hours, 30–60 min, on the usual platforms.
 */
export async function seedFirms(pool: Pool, opts: { firms: number; advisorsPerFirm: number; meetings: number; reviewItems?: number; tag?: string }): Promise<{ advisors: SeededAdvisor[]; officers: SeededAdvisor[] }> {
  const tag = opts.tag ?? 'b';
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO firm (name, compliance) SELECT 'Bench Wealth ' || g, $1::jsonb FROM generate_series(1, $2) g`,
      [JSON.stringify(COMPLIANCE), opts.firms],
    );
    // advisors: firm f, advisor a → user
    await c.query(
      `WITH f AS (SELECT id, row_number() OVER (ORDER BY name) AS fn FROM firm)
       INSERT INTO app_user (email, name, google_sub)
       SELECT format('adv%s.%s.%s@bench.example', f.fn, a, $2::text), (ARRAY['Jordan','Priya','Marcus','Elena','Sam','Aisha','Tom','Grace','Luis','Mei'])[1 + (a % 10)] || ' ' || (ARRAY['Hale','Shah','Reed','Costa','Okafor','Berg','Nakamura','Lopez','Walsh','Adeyemi'])[1 + ((a * 7 + f.fn) % 10)], format('gsub-%s-%s-%s', $2::text, f.fn, a)
       FROM f CROSS JOIN generate_series(0, $1 - 1) a`,
      [opts.advisorsPerFirm, tag],
    );
    await c.query(
      `WITH f AS (SELECT id, row_number() OVER (ORDER BY name) AS fn FROM firm)
       INSERT INTO app_user (email, name, google_sub)
       SELECT format('cco%s.%s@bench.example', f.fn, $1::text), 'Compliance Officer ' || f.fn, format('gsub-cco-%s-%s', $1::text, f.fn) FROM f`,
      [tag],
    );
    await c.query(
      `WITH f AS (SELECT id, row_number() OVER (ORDER BY name) AS fn FROM firm)
       INSERT INTO firm_member (firm_id, user_id, role)
       SELECT f.id, u.id, CASE WHEN u.email LIKE 'cco%' THEN 'compliance_officer' ELSE 'advisor' END
       FROM app_user u JOIN f ON split_part(substr(u.email, CASE WHEN u.email LIKE 'cco%' THEN 4 ELSE 4 END), '.', 1)::int = f.fn`,
    );
    await c.query(`INSERT INTO advisor_profile (user_id, firm_id, firm_display_name) SELECT m.user_id, m.firm_id, NULL FROM firm_member m WHERE m.role = 'advisor'`);
    await c.query(
      `INSERT INTO google_account (firm_id, user_id, google_sub, email, scopes)
       SELECT m.firm_id, m.user_id, u.google_sub, u.email, 'openid email https://www.googleapis.com/auth/calendar.readonly' FROM firm_member m JOIN app_user u ON u.id = m.user_id WHERE m.role = 'advisor'`,
    );
    // Meetings: advisor chosen with a skew (busy advisors get ~4× the median).
    await c.query(
      `WITH adv AS (SELECT g.id AS gid, g.user_id, g.firm_id, row_number() OVER (ORDER BY g.user_id) - 1 AS n, count(*) OVER () AS total FROM google_account g),
       picks AS (SELECT s, floor(power(random(), 1.6) * (SELECT count(*) FROM google_account))::int AS n,
                        date_trunc('day', now()) - interval '365 days' + (floor(random() * 393) || ' days')::interval + ((8 + floor(random() * 10)) || ' hours')::interval + ((floor(random() * 4) * 15) || ' minutes')::interval AS starts,
                        (ARRAY[30,45,60,60])[1 + floor(random() * 4)::int] AS mins,
                        floor(random() * 4)::int AS plat
                 FROM generate_series(1, $1) s)
       INSERT INTO client_meeting (firm_id, advisor_id, google_account_id, event_id, status, title, starts_at, ends_at, meeting_url, platform, organizer_email, attendees, notetaker_enabled, transcript_state)
       SELECT adv.firm_id, adv.user_id, adv.gid, 'evt' || p.s, CASE WHEN p.s % 23 = 0 THEN 'cancelled' ELSE 'confirmed' END,
              (ARRAY['Quarterly review','Retirement planning','Estate planning check-in','College savings','Portfolio rebalance','Insurance review','Tax planning','New client intro'])[1 + p.s % 8] || ' – ' || (ARRAY['Rivera','Chen','Patel','Johnson','Kim','Novak','Haddad','Moreau'])[1 + (p.s / 8) % 8],
              p.starts, p.starts + (p.mins || ' minutes')::interval,
              CASE p.plat WHEN 0 THEN 'https://zoom.us/j/' || (1000000000 + p.s) WHEN 1 THEN 'https://meet.google.com/abc-' || lpad((p.s % 10000)::text, 4, '0') || '-xyz' WHEN 2 THEN 'https://teams.microsoft.com/l/meetup-join/' || p.s ELSE 'https://bench.webex.com/meet/' || p.s END,
              (ARRAY['zoom','google_meet','microsoft_teams','webex'])[1 + p.plat],
              'adv@bench.example',
              jsonb_build_array(jsonb_build_object('email', 'adv@bench.example', 'name', 'Advisor', 'self', true, 'organizer', true), jsonb_build_object('email', 'client' || p.s || '@client.example', 'name', 'Client ' || p.s)),
              p.starts > now(), 'none'
       FROM picks p JOIN adv ON adv.n = p.n`,
      [opts.meetings],
    );
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
  if (opts.reviewItems) await seedReviewItems(pool, opts.reviewItems);
  await pool.query('ANALYZE');
  const rows = (await pool.query(`SELECT user_id, firm_id, role FROM firm_member ORDER BY role, user_id`)).rows;
  const all = rows.map((r) => ({ userId: r.user_id, firmId: r.firm_id, role: r.role }));
  return { advisors: all.filter((a) => a.role === 'advisor'), officers: all.filter((a) => a.role === 'compliance_officer') };
}

/** Posts under review for past meetings: one submission each (encrypted as ComplianceService does) and a review item. */
async function seedReviewItems(pool: Pool, n: number): Promise<void> {
  const meetings = (await pool.query(`SELECT id, firm_id, advisor_id FROM client_meeting WHERE starts_at < now() ORDER BY random() LIMIT $1`, [n])).rows;
  const statuses = ['needs_review', 'needs_review', 'auto_approved', 'approved', 'needs_review', 'rejected'];
  for (let i = 0; i < meetings.length; i += 2000) {
    const batch = meetings.slice(i, i + 2000);
    const cols = { sid: [] as string[], cid: [] as string[], firm: [] as string[], adv: [] as string[], meet: [] as string[], plat: [] as string[], enc: [] as string[], risk: [] as number[], status: [] as string[] };
    batch.forEach((m, j) => {
      const cid = randomUUID();
      const text = `Planning for retirement is a marathon, not a sprint. In a recent conversation we revisited how a steady savings rate and a diversified mix matter more than timing the market. What is one habit that helped your plan? (${i + j})`;
      cols.sid.push(randomUUID());
      cols.cid.push(cid);
      cols.firm.push(m.firm_id);
      cols.adv.push(m.advisor_id);
      cols.meet.push(m.id);
      cols.plat.push((i + j) % 3 === 0 ? 'facebook' : 'linkedin');
      cols.enc.push(encrypt(text, `post:${cid}`));
      cols.risk.push(Math.floor(Math.random() * 90));
      cols.status.push(statuses[(i + j) % statuses.length]);
    });
    await pool.query(
      `INSERT INTO post_submission (id, firm_id, advisor_id, content_id, version, platform, text_enc, validated_text_enc, validated_text_sha256, author_type, meeting_id, validation, risk_score, outcome, settings)
       SELECT sid, firm, adv, cid, 1, plat, enc, enc, md5(enc), 'llm', meet, '{"flags":[]}'::jsonb, risk, 'pending_review', '{}'::jsonb
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::int[]) AS t(sid, cid, firm, adv, meet, plat, enc, risk)`,
      [cols.sid, cols.cid, cols.firm, cols.adv, cols.meet, cols.plat, cols.enc, cols.risk],
    );
    await pool.query(
      `INSERT INTO review_item (content_id, firm_id, advisor_id, platform, latest_submission_id, latest_version, status, risk_score, categories)
       SELECT cid, firm, adv, plat, sid, 1, st, risk, '{}' FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[]) AS t(sid, cid, firm, adv, plat, risk, st)`,
      [cols.sid, cols.cid, cols.firm, cols.adv, cols.plat, cols.risk, cols.status],
    );
  }
}
