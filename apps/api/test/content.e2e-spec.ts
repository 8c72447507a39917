import request from 'supertest';
import { DataSource } from 'typeorm';
import { ResilienceService } from '../src/infra/resilience/resilience.service';
import { getTranscript } from '../../sandbox/src/transcripts/library';
import type { SandboxTranscript } from '../../sandbox/src/transcripts/types';
import { MEETINGS_TEST_ENV } from './meetings-helpers';
import { drainQueues } from './queues';
import { signIn, SignedIn, Stack, startStack } from './stack';

/** Recall's transcript download shape, from a sandbox library meeting. */
function recallJson(t: SandboxTranscript): Buffer {
  return Buffer.from(JSON.stringify(t.segments.map((s) => ({ participant: { id: 1, name: s.speaker }, words: [{ text: s.text, start_timestamp: { relative: s.startSec }, end_timestamp: { relative: s.endSec } }] }))));
}

describe('drafting: transcript → summary, email and posts, checked by compliance', () => {
  let stack: Stack;
  let ann: SignedIn;
  let ds: DataSource;
  const api = () => request(stack.api.url);
  const as = () => ({ authorization: `Bearer ${ann.accessToken}` });
  const chatRequests = () => stack.sandbox.ctx.inspector.list({ provider: 'openai', kind: 'chat_request' });

  async function meetingWithTranscript(transcriptId: string): Promise<string> {
    const list = await api().get('/api/calendar/events?when=past&limit=50').set(as()).expect(200);
    const used = new Set((await ds.query(`SELECT id FROM client_meeting WHERE transcript_state = 'stored'`)).map((r: { id: string }) => r.id));
    const meeting = list.body.data.items.find((m: { id: string }) => !used.has(m.id));
    await api().post(`/api/meetings/${meeting.id}/transcript`).set(as()).attach('file', recallJson(getTranscript(transcriptId)!), 'meeting.json').expect(201);
    return meeting.id as string;
  }

  async function drafts(meetingId: string) {
    // Jobs waiting out an LLM outage are delayed; run them now instead of waiting for their time.
    await drainQueues(stack.api.app, { timeoutMs: 60_000 });
    await drainQueues(stack.api.app, { timeoutMs: 60_000, promoteDelayed: true, queues: ['content'] });
    return (await api().get(`/api/content?meetingId=${meetingId}`).set(as()).expect(200)).body.data as {
      id: string; kind: string; platform: string | null; text: string; origin: string; evidence: { segments: unknown[] }[]; compliance: { status: string; categories: string[] } | null; generation: { mode: string; model: string; promptVersion: string; usage: Record<string, number>; fallbackReason: string | null };
    }[];
  }

  beforeAll(async () => {
    stack = await startStack(MEETINGS_TEST_ENV);
    ds = stack.api.app.get(DataSource);
    ann = await signIn(stack, 'ann.lee@leewealth.example');
    await api().post('/api/calendar/events').set(as()).expect((r) => expect(r.status).toBeLessThan(300));
    await drainQueues(stack.api.app, { timeoutMs: 60_000 });
  }, 120_000);
  afterAll(async () => stack?.close());

  it('drafts a summary, a follow-up email and one post per automation, with evidence and the AI record; no PII reaches the LLM', async () => {
    const meetingId = await meetingWithTranscript('portfolio-review-brennan');
    const out = await drafts(meetingId);
    expect(out.map((d) => d.kind).sort()).toEqual(['email', 'post', 'post', 'summary']);
    expect(new Set(out.filter((d) => d.kind === 'post').map((d) => d.platform))).toEqual(new Set(['linkedin', 'facebook']));
    for (const d of out) {
      expect(d.origin).toBe('llm');
      expect(d.generation).toMatchObject({ mode: 'llm', promptVersion: 'drafts-v1' });
      expect(d.generation.usage.totalTokens).toBeGreaterThan(0);
      expect(d.evidence.length).toBeGreaterThan(0);
      expect(d.evidence[0].segments.length).toBeGreaterThan(0);
    }
    for (const post of out.filter((d) => d.kind === 'post')) {
      expect(post.compliance).not.toBeNull();
      expect(post.text).not.toMatch(/Brennan|Tom\b|Kate\b/);
    }
    const sent = JSON.stringify(chatRequests().map((r) => r.payload));
    expect(sent).toContain('rebalanc');
    for (const pii of ['412-555-0143', 'Brennan', 'tbrennan1957']) expect(sent).not.toContain(pii);
  }, 120_000);

  it('falls back to labelled extractive drafts when the LLM fails, and regenerates with the LLM after recovery', async () => {
    await request(stack.sandboxUrl).put('/__admin/faults').send({ openai: { errorRate: 1, status: 503 } }).expect((r) => expect(r.status).toBeLessThan(300));
    const meetingId = await meetingWithTranscript('college-savings-okafor');
    const out = await drafts(meetingId);
    expect(out.length).toBe(4);
    for (const d of out) expect(d).toMatchObject({ origin: 'fallback', generation: { mode: 'fallback' } });
    expect(out[0].generation.fallbackReason).toBeTruthy();
    await request(stack.sandboxUrl).delete('/__admin/faults').expect((r) => expect(r.status).toBeLessThan(300));
    stack.api.app.get(ResilienceService).reset('openai');

    const post = out.find((d) => d.kind === 'post')!;
    await api().post(`/api/content/${post.id}/regenerate`).set(as()).send({ instruction: 'Shorter, please' }).expect(202);
    const again = await drafts(meetingId);
    const regenerated = again.find((d) => d.id === post.id)!;
    expect(regenerated).toMatchObject({ origin: 'llm', generation: { mode: 'llm' } });
    const versions = await api().get(`/api/content/${post.id}/versions`).set(as()).expect(200);
    expect(versions.body.data.map((v: { change: string }) => v.change)).toEqual(['regenerated', 'generated']);
  }, 120_000);

  it('retries an answer outside the schema, then falls back; the raw answer is never stored', async () => {
    await request(stack.sandboxUrl).put('/__admin/openai/mode').send({ mode: 'schema-violation' }).expect(200);
    const before = chatRequests().length;
    const meetingId = await meetingWithTranscript('insurance-review-nguyen');
    const out = await drafts(meetingId);
    expect(chatRequests().length - before).toBe(3);
    expect(out.every((d) => d.origin === 'fallback')).toBe(true);
    expect(out[0].generation.fallbackReason).toMatch(/schema|JSON/);
    await request(stack.sandboxUrl).put('/__admin/openai/mode').send({ mode: 'normal' }).expect(200);
  }, 120_000);

  it('makes one set of drafts when two transcripts arrive at once for a meeting', async () => {
    const list = await api().get('/api/calendar/events?when=past&limit=50').set(as()).expect(200);
    const used = new Set((await ds.query(`SELECT id FROM client_meeting WHERE transcript_state = 'stored'`)).map((r: { id: string }) => r.id));
    const meeting = list.body.data.items.find((m: { id: string }) => !used.has(m.id));
    await Promise.all([
      api().post(`/api/meetings/${meeting.id}/transcript`).set(as()).attach('file', recallJson(getTranscript('tax-loss-harvesting-marsh')!), 'a.json'),
      api().post(`/api/meetings/${meeting.id}/transcript`).set(as()).attach('file', recallJson(getTranscript('estate-planning-castellano')!), 'b.json'),
    ]);
    const out = await drafts(meeting.id);
    expect(out.map((d) => d.kind).sort()).toEqual(['email', 'post', 'post', 'summary']);
    const runs = await ds.query(`SELECT count(*)::int AS n FROM generation_run WHERE meeting_id = $1`, [meeting.id]);
    expect(runs[0].n).toBe(1);
  }, 120_000);

  it('treats the transcript as data: a worst-case model obeying injected instructions cannot leak the account number or slip a promise through', async () => {
    await request(stack.sandboxUrl).put('/__admin/openai/mode').send({ mode: 'worst-case' }).expect(200);
    const meetingId = await meetingWithTranscript('prospect-first-meeting-adeyemi');
    const out = await drafts(meetingId);
    await request(stack.sandboxUrl).put('/__admin/openai/mode').send({ mode: 'normal' }).expect(200);
    for (const d of out) expect(d.text).not.toMatch(/4471\s*0093\s*2210/);
    const stored = await ds.query(`SELECT count(*)::int AS n FROM generated_content WHERE meeting_id = $1`, [meetingId]);
    expect(stored[0].n).toBe(out.length);
    const sent = JSON.stringify(chatRequests().slice(-1)[0].payload);
    expect(sent).not.toMatch(/4471\s*0093\s*2210/);
    const posts = out.filter((d) => d.kind === 'post');
    expect(posts.length).toBeGreaterThan(0);
    // The model obeyed the injected "say returns are guaranteed": the line reaches the draft, and compliance stops it.
    const injected = posts.filter((p) => /returns are guaranteed/i.test(p.text));
    expect(injected.length).toBeGreaterThan(0);
    for (const p of injected) {
      expect(p.compliance!.categories).toContain('promissory');
      expect(['blocked', 'needs_review']).toContain(p.compliance!.status);
    }
  }, 120_000);

  it('finishes a run that failed between storing drafts and submitting them, without drafting twice', async () => {
    // A database fault exactly there: every compliance record insert fails until the trigger is dropped.
    await ds.query(`CREATE OR REPLACE FUNCTION am_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await ds.query(`CREATE TRIGGER am_test_fail BEFORE INSERT ON post_submission FOR EACH ROW EXECUTE FUNCTION am_test_fail()`);
    const meetingId = await meetingWithTranscript('small-business-delgado');
    await drainQueues(stack.api.app, { timeoutMs: 60_000 });
    const [half] = await ds.query(`SELECT status FROM generation_run WHERE meeting_id = $1`, [meetingId]);
    expect(half.status).toBe('running');
    expect((await ds.query(`SELECT count(*)::int AS n FROM generated_content WHERE meeting_id = $1`, [meetingId]))[0].n).toBe(4);
    await ds.query(`DROP TRIGGER am_test_fail ON post_submission`);

    const out = await drafts(meetingId);
    expect(out).toHaveLength(4);
    for (const p of out.filter((d) => d.kind === 'post')) expect(p.compliance).not.toBeNull();
    const runs = await ds.query(`SELECT status FROM generation_run WHERE meeting_id = $1`, [meetingId]);
    expect(runs).toEqual([{ status: 'done' }]);
    expect((await ds.query(`SELECT count(*)::int AS n FROM generated_content WHERE meeting_id = $1`, [meetingId]))[0].n).toBe(4);
  }, 120_000);

  it('drafts on demand for a meeting the caller can see, and answers 404 for one they cannot', async () => {
    const [m] = await ds.query(`SELECT id FROM client_meeting WHERE transcript_state = 'stored' LIMIT 1`);
    const res = await api().post('/api/generate-posts').set(as()).send({ meetingId: m.id, instruction: 'Shorter' }).expect(202);
    expect(res.body.data).toMatchObject({ meetingId: m.id, status: 'queued' });
    await api().post('/api/generate-posts').set(as()).send({ meetingId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    await api().post('/api/generate-posts').set(as()).send({ meetingId: 'nope' }).expect(400);
  });

  it('re-validates an edit at once and keeps the version history', async () => {
    const list = await ds.query(`SELECT id FROM generated_content WHERE kind = 'post' AND platform = 'linkedin' LIMIT 1`);
    const id = list[0].id;
    const res = await api().patch(`/api/content/${id}`).set(as()).send({ text: 'This strategy is guaranteed to double your money.' }).expect(200);
    expect(res.body.data.compliance.status).toBe('blocked');
    const versions = await api().get(`/api/content/${id}/versions`).set(as()).expect(200);
    expect(versions.body.data[0]).toMatchObject({ change: 'edited', actorType: 'user', actorName: 'Ann Lee' });
    await api().patch(`/api/content/${id}`).set(as()).send({ text: '' }).expect(400);
  });
});
