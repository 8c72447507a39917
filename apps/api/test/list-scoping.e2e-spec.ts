import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../src/infra/http/request-context';
import { TokensService } from '../src/modules/auth/tokens.service';
import { ContentRepository } from '../src/modules/content/content.repository';
import { startTestApp, TestApp } from './utils';

/**
 * The calendar list and a meeting's drafts are hand-written SQL (the API's hottest lists): they must scope exactly as every
 * other read does — a firm's rows only, an advisor's own rows only, the whole firm for compliance
 * officers and admins — and page and count as before.
 */
describe('calendar and draft list scoping (hand-written SQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  const firmA = randomUUID();
  const firmB = randomUUID();
  const users: Record<string, { id: string; firmId: string; role: Role; email: string }> = {};
  const as = (name: string) => {
    const u = users[name];
    const { accessToken } = t.app.get(TokensService).signAccess({ sub: u.id, fid: u.firmId, role: u.role, sid: randomUUID() });
    return { authorization: `Bearer ${accessToken}` };
  };
  const list = async (name: string, query: Record<string, string | number> = {}) =>
    (await request(t.url).get('/api/calendar/events').query({ when: 'past', limit: 50, ...query }).set(as(name)).expect(200)).body.data as { items: { id: string; title: string; sourceAccountEmail: string | null; attendees: unknown[] }[]; page: { total: number; limit: number; offset: number } };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    await ds.query(`INSERT INTO firm (id, name, compliance) VALUES ($1, 'Firm A', '{}'), ($2, 'Firm B', '{}')`, [firmA, firmB]);
    const people: [string, string, Role][] = [
      ['a1', firmA, 'advisor'],
      ['a2', firmA, 'advisor'],
      ['officer', firmA, 'compliance_officer'],
      ['b1', firmB, 'advisor'],
      ['adminB', firmB, 'admin'],
    ];
    for (const [name, firmId, role] of people) {
      const email = `${name}@scoping.example`;
      const [{ id }] = await ds.query(`INSERT INTO app_user (email, name, google_sub) VALUES ($1, $2, $3) RETURNING id`, [email, name, `gsub-${name}`]);
      await ds.query(`INSERT INTO firm_member (firm_id, user_id, role) VALUES ($1, $2, $3)`, [firmId, id, role]);
      users[name] = { id, firmId, role, email };
    }
    let n = 0;
    const meeting = async (owner: string, title: string, hoursFromNow: number, status = 'confirmed') => {
      const u = users[owner];
      let [account] = await ds.query(`SELECT id FROM google_account WHERE user_id = $1`, [u.id]);
      if (!account) [account] = await ds.query(`INSERT INTO google_account (firm_id, user_id, google_sub, email, scopes) VALUES ($1, $2, $3, $4, 'openid') RETURNING id`, [u.firmId, u.id, `g-${owner}`, u.email]);
      const starts = new Date(Date.now() + hoursFromNow * 3_600_000);
      await ds.query(
        `INSERT INTO client_meeting (firm_id, advisor_id, google_account_id, event_id, status, title, starts_at, ends_at, attendees, notetaker_enabled, transcript_state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, false, 'none')`,
        [u.firmId, u.id, account.id, `evt${n++}`, status, title, starts, new Date(starts.getTime() + 1_800_000), JSON.stringify([{ email: `client${n}@x.example`, name: `Client ${n}` }])],
      );
    };
    await meeting('a1', 'A1 first', -48);
    await meeting('a1', 'A1 second', -24);
    await meeting('a1', 'A1 cancelled', -12, 'cancelled');
    await meeting('a1', 'A1 upcoming', 24);
    await meeting('a2', 'A2 only', -30);
    await meeting('b1', 'B1 only', -10);
  });
  afterAll(async () => t?.close());

  it('shows an advisor only their own meetings, newest first, with the source account', async () => {
    const mine = await list('a1');
    expect(mine.items.map((i) => i.title)).toEqual(['A1 second', 'A1 first']);
    expect(mine.page).toEqual({ total: 2, limit: 50, offset: 0 });
    expect(mine.items.every((i) => i.sourceAccountEmail === 'a1@scoping.example')).toBe(true);
    expect(mine.items[0].attendees).toEqual([{ email: 'client2@x.example', name: 'Client 2' }]);
    expect((await list('a1', { when: 'upcoming' })).items.map((i) => i.title)).toEqual(['A1 upcoming']);
    expect((await list('a2')).items.map((i) => i.title)).toEqual(['A2 only']);
  });

  it('shows a compliance officer or admin their whole firm, and nothing of another firm', async () => {
    expect((await list('officer')).items.map((i) => i.title)).toEqual(['A1 second', 'A2 only', 'A1 first']);
    expect((await list('adminB')).items.map((i) => i.title)).toEqual(['B1 only']);
    expect((await list('b1', { q: 'A1' })).page.total).toBe(0);
    expect((await list('officer', { q: 'B1' })).page.total).toBe(0);
  });

  it("reads a meeting's current drafts only for their advisor and the firm's officers, whole and in order", async () => {
    const a1 = users.a1;
    const meetingId = randomUUID();
    const [run] = await ds.query(`INSERT INTO generation_run (firm_id, advisor_id, meeting_id, input_digest, trigger, status, prompt_version) VALUES ($1, $2, $3, 'd', 'manual', 'done', 'v1') RETURNING id`, [a1.firmId, a1.id, meetingId]);
    const draft = (kind: string, superseded: boolean, at: string) =>
      ds.query(
        `INSERT INTO generated_content (firm_id, advisor_id, meeting_id, run_id, kind, platform, title, text_enc, action_items, hashtags, evidence, origin, version, superseded, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'T', 'enc', '[{"text":"Call","owner":null,"evidence":[1]}]', '{a,b}', '[]', 'llm', 1, $7, $8)`,
        [a1.firmId, a1.id, meetingId, run.id, kind, kind === 'post' ? 'linkedin' : null, superseded, at],
      );
    await draft('summary', false, '2026-01-01T10:00:00Z');
    await draft('post', false, '2026-01-01T09:00:00Z');
    await draft('email', false, '2026-01-01T08:00:00Z');
    await draft('post', true, '2026-01-01T07:00:00Z');
    const repo = t.app.get(ContentRepository);
    const scope = (name: string) => ({ firmId: users[name].firmId, userId: users[name].id, role: users[name].role });
    const mine = await repo.forMeeting(meetingId, scope('a1'));
    expect(mine.map((c) => c.kind)).toEqual(['email', 'post', 'summary']);
    expect(mine[1]).toMatchObject({ meetingId, runId: run.id, advisorId: a1.id, firmId: a1.firmId, platform: 'linkedin', textEnc: 'enc', hashtags: ['a', 'b'], actionItems: [{ text: 'Call', owner: null, evidence: [1] }], evidence: [], origin: 'llm', version: 1, superseded: false, automationId: null });
    expect(mine[1].createdAt).toEqual(new Date('2026-01-01T09:00:00Z'));
    expect(mine[1].updatedAt).toBeInstanceOf(Date);
    expect(await repo.forMeeting(meetingId, scope('officer'))).toHaveLength(3);
    expect(await repo.forMeeting(meetingId, scope('a2'))).toEqual([]);
    expect(await repo.forMeeting(meetingId, scope('adminB'))).toEqual([]);
    expect(await repo.forMeeting('not-a-uuid', scope('a1'))).toEqual([]);
  });

  it('pages and counts, also past the end', async () => {
    const p = await list('officer', { limit: 1, offset: 1 });
    expect(p).toMatchObject({ items: [{ title: 'A2 only' }], page: { total: 3, limit: 1, offset: 1 } });
    expect(await list('a1', { limit: 1, offset: 5 })).toEqual({ items: [], page: { total: 2, limit: 1, offset: 5 } });
    expect(await list('b1', { q: 'nothing like this' })).toEqual({ items: [], page: { total: 0, limit: 50, offset: 0 } });
  });
});
