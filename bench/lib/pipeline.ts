/**
 * The drafting pipeline as benches and fault scenarios drive it: meetings whose transcript is
 * stored (encrypted exactly as MeetingsService stores it), `generate-drafts` jobs enqueued on the
 * `content` queue exactly as the transcript.ready listener does (ContentService.enqueue: jobId
 * `generate:<meetingId>:auto`, attempts 8), and the outcome read back from Postgres.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { TRANSCRIPTS } from '../../apps/sandbox/src/transcripts/library';
import { encrypt } from './stack';

const COMPLIANCE = { riskTolerance: 'moderate', autoApprovalThreshold: 30, requiredDisclosures: [], restrictedTopics: [], disabledRuleIds: [], facebookInvestmentAlwaysReview: true, requireRecordingConsent: false, advisorMayOverride: ['restrictedTopics'] };

export interface PipelineSet {
  tag: string;
  meetingIds: string[];
}

/**
 * `firms` firms × `advisorsPerFirm` advisors, one meeting each with one of the 8 sandbox
 * transcripts (advisor named as in the transcript, so the drafter recognises the advisor). Titles
 * are unique, so no two meetings share an LLM cache entry.
 */
export async function seedPipelineSet(pool: Pool, opts: { firms: number; advisorsPerFirm: number; tag: string }): Promise<PipelineSet> {
  const firms: string[] = [];
  const users: { id: string; firm: string; name: string; email: string; sub: string; ga: string }[] = [];
  const meetings: { id: string; firm: string; adv: string; ga: string; title: string; enc: string; attendees: string; event: string }[] = [];
  for (let f = 0; f < opts.firms; f++) {
    const firm = randomUUID();
    firms.push(firm);
    for (let a = 0; a < opts.advisorsPerFirm; a++) {
      const n = f * opts.advisorsPerFirm + a;
      const t = TRANSCRIPTS[n % TRANSCRIPTS.length];
      const advisor = t.participants.find((p) => p.role === 'advisor') ?? t.participants[0];
      const u = { id: randomUUID(), firm, name: advisor.name, email: `p${opts.tag}.${n}@bench.example`, sub: `psub-${opts.tag}-${n}`, ga: randomUUID() };
      users.push(u);
      const id = randomUUID();
      const segments = t.segments.map((s) => ({ speaker: s.speaker, start: s.startSec, end: s.endSec, text: s.text }));
      const attendees = [{ email: u.email, name: u.name, self: true, organizer: true }, ...t.participants.filter((p) => p.role !== 'advisor').map((p, i) => ({ email: p.email ?? `client${i}.${n}@client.example`, name: p.name }))];
      meetings.push({ id, firm, adv: u.id, ga: u.ga, title: `${t.title} #${opts.tag}-${n}`, enc: encrypt(JSON.stringify({ segments }), id), attendees: JSON.stringify(attendees), event: `pevt-${opts.tag}-${n}` });
    }
  }
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`INSERT INTO firm (id, name, compliance) SELECT id, 'Pipeline Firm ' || $2 || '-' || ord, $3::jsonb FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`, [firms, opts.tag, JSON.stringify(COMPLIANCE)]);
    await c.query(`INSERT INTO app_user (id, email, name, google_sub) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`, [users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.name), users.map((u) => u.sub)]);
    await c.query(`INSERT INTO firm_member (firm_id, user_id, role) SELECT f, u, 'advisor' FROM unnest($1::uuid[], $2::uuid[]) AS t(f, u)`, [users.map((u) => u.firm), users.map((u) => u.id)]);
    await c.query(`INSERT INTO advisor_profile (user_id, firm_id) SELECT u, f FROM unnest($1::uuid[], $2::uuid[]) AS t(u, f)`, [users.map((u) => u.id), users.map((u) => u.firm)]);
    await c.query(`INSERT INTO google_account (id, firm_id, user_id, google_sub, email) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])`, [users.map((u) => u.ga), users.map((u) => u.firm), users.map((u) => u.id), users.map((u) => u.sub), users.map((u) => u.email)]);
    await c.query(
      `INSERT INTO client_meeting (id, firm_id, advisor_id, google_account_id, event_id, title, starts_at, ends_at, platform, meeting_url, attendees, transcript_enc, transcript_state, transcript_source, transcript_note, transcript_stored_at)
       SELECT id, f, a, g, e, t, now() - interval '2 hours', now() - interval '1 hour', 'zoom', 'https://zoom.us/j/' || (1000000000 + ord), att::jsonb, enc, 'stored', 'upload', 'bench transcript', now()
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS x(id, f, a, g, e, t, att, enc, ord)`,
      [meetings.map((m) => m.id), meetings.map((m) => m.firm), meetings.map((m) => m.adv), meetings.map((m) => m.ga), meetings.map((m) => m.event), meetings.map((m) => m.title), meetings.map((m) => m.attendees), meetings.map((m) => m.enc)],
    );
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
  return { tag: opts.tag, meetingIds: meetings.map((m) => m.id) };
}

export function contentQueue(redisUrl: string, prefix: string): Queue {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  connection.on('error', () => undefined);
  return new Queue('content', { connection, prefix: `${prefix}:bull` });
}

/** What the transcript.ready listener enqueues (ContentService.enqueue + the queue's default job options). */
export async function enqueueDrafts(queue: Queue, meetingIds: string[]): Promise<void> {
  for (let i = 0; i < meetingIds.length; i += 500) {
    await queue.addBulk(
      meetingIds.slice(i, i + 500).map((meetingId) => ({
        name: 'generate-drafts',
        data: { meetingId, trigger: 'transcript' },
        opts: { jobId: `generate:${meetingId}:auto`, attempts: 8, backoff: { type: 'custom' }, removeOnComplete: { age: 24 * 3600, count: 5000 }, removeOnFail: false },
      })),
    );
  }
}

export interface PipelineCounts {
  submitted: number;
  /** Run done, summary + email + one post per automation, each post with a compliance submission. */
  completed: number;
  runsDone: number;
  runsFailed: number;
  runsRunning: number;
  /** Meetings with more than one done run, or more drafts/submissions than one set. */
  duplicated: number;
  modes: Record<string, number>;
  lastFinishedAt: Date | null;
  firstFinishedAt: Date | null;
}

export async function pipelineCounts(pool: Pool, meetingIds: string[]): Promise<PipelineCounts> {
  const r = await pool.query(
    `WITH m AS (SELECT unnest($1::uuid[]) AS id),
     runs AS (SELECT r.meeting_id, count(*) FILTER (WHERE r.status = 'done') AS done, count(*) FILTER (WHERE r.status = 'failed') AS failed, count(*) FILTER (WHERE r.status = 'running') AS running,
                     max(r.finished_at) FILTER (WHERE r.status = 'done') AS fin, min(r.mode) FILTER (WHERE r.status = 'done') AS mode
              FROM generation_run r JOIN m ON m.id = r.meeting_id GROUP BY r.meeting_id),
     content AS (SELECT g.meeting_id, count(*) FILTER (WHERE kind = 'summary') AS summaries, count(*) FILTER (WHERE kind = 'email') AS emails, count(*) FILTER (WHERE kind = 'post') AS posts,
                        count(DISTINCT g.automation_id) FILTER (WHERE kind = 'post') AS post_automations
                 FROM generated_content g JOIN m ON m.id = g.meeting_id WHERE NOT g.superseded GROUP BY g.meeting_id),
     subs AS (SELECT s.meeting_id, count(*) AS n, count(DISTINCT s.content_id) AS contents FROM post_submission s JOIN m ON m.id = s.meeting_id GROUP BY s.meeting_id),
     autos AS (SELECT cm.id AS meeting_id, count(a.id) AS n FROM client_meeting cm JOIN m ON m.id = cm.id LEFT JOIN automation a ON a.firm_id = cm.firm_id AND (a.user_id = cm.advisor_id OR a.user_id IS NULL) AND a.enabled GROUP BY cm.id),
     per AS (SELECT m.id, coalesce(runs.done, 0) done, coalesce(runs.failed, 0) failed, coalesce(runs.running, 0) running, runs.fin, runs.mode,
                    coalesce(content.summaries, 0) summaries, coalesce(content.emails, 0) emails, coalesce(content.posts, 0) posts, coalesce(content.post_automations, 0) post_automations,
                    coalesce(subs.n, 0) subs, coalesce(subs.contents, 0) sub_contents, coalesce(autos.n, 0) autos
             FROM m LEFT JOIN runs ON runs.meeting_id = m.id LEFT JOIN content ON content.meeting_id = m.id LEFT JOIN subs ON subs.meeting_id = m.id LEFT JOIN autos ON autos.meeting_id = m.id)
     SELECT count(*) AS submitted,
            count(*) FILTER (WHERE done >= 1 AND summaries >= 1 AND emails >= 1 AND posts >= 1 AND sub_contents = posts) AS completed,
            count(*) FILTER (WHERE done >= 1) AS runs_done, count(*) FILTER (WHERE failed >= 1 AND done = 0) AS runs_failed, count(*) FILTER (WHERE running >= 1) AS runs_running,
            count(*) FILTER (WHERE done > 1 OR summaries > 1 OR emails > 1 OR posts > post_automations OR subs > sub_contents) AS duplicated,
            max(fin) AS last_fin, min(fin) AS first_fin,
            (SELECT jsonb_object_agg(k, v) FROM (SELECT coalesce(mode, 'not done') k, count(*) v FROM per GROUP BY 1) x) AS modes
     FROM per`,
    [meetingIds],
  );
  const x = r.rows[0];
  return {
    submitted: Number(x.submitted),
    completed: Number(x.completed),
    runsDone: Number(x.runs_done),
    runsFailed: Number(x.runs_failed),
    runsRunning: Number(x.runs_running),
    duplicated: Number(x.duplicated),
    modes: x.modes ?? {},
    lastFinishedAt: x.last_fin,
    firstFinishedAt: x.first_fin,
  };
}

/** Waits until `completed` reaches the target or nothing changes for `stallMs`; calls onTick with counts. */
export async function waitForPipeline(pool: Pool, meetingIds: string[], opts: { timeoutMs: number; stallMs?: number; everyMs?: number; onTick?: (c: PipelineCounts, elapsedMs: number) => void }): Promise<PipelineCounts> {
  const t0 = Date.now();
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    let c: PipelineCounts;
    try {
      c = await pipelineCounts(pool, meetingIds);
    } catch {
      await new Promise((r) => setTimeout(r, opts.everyMs ?? 1000));
      continue;
    }
    opts.onTick?.(c, Date.now() - t0);
    if (c.completed >= meetingIds.length) return c;
    if (c.completed !== last) {
      last = c.completed;
      lastChange = Date.now();
    }
    if (Date.now() - t0 > opts.timeoutMs || (opts.stallMs && Date.now() - lastChange > opts.stallMs)) return c;
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 1000));
  }
}

/** Connected workers on the content queue (BullMQ registers each worker connection by name). */
export async function waitForWorkers(queue: Queue, n: number, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const w = await queue.getWorkersCount().catch(() => 0);
    if (w >= n) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`fewer than ${n} content workers connected after ${timeoutMs} ms`);
}
