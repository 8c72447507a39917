import request from 'supertest';
import { DataSource } from 'typeorm';
import { ComplianceService } from '../src/modules/compliance/compliance.service';
import { MEETINGS_TEST_ENV } from './meetings-helpers';
import { drainQueues } from './queues';
import { signIn, SignedIn, Stack, startStack } from './stack';

/**
 * Built from the application's own route list (its OpenAPI document) and its own tables, so a
 * route or table added later is covered without editing this file: for every route that takes an
 * id, a member of firm B gets 404 for every object of firm A, and an advisor gets 404 for a
 * colleague's objects; nothing of firm A changes.
 */
describe('tenant isolation, from the route list', () => {
  let stack: Stack;
  let ds: DataSource;
  let ann: SignedIn; // firm A admin and advisor
  let marcus: SignedIn; // firm A advisor
  let david: SignedIn; // firm B admin
  const api = () => request(stack.api.url);
  const as = (s: SignedIn) => ({ authorization: `Bearer ${s.accessToken}` });

  beforeAll(async () => {
    stack = await startStack({ ...MEETINGS_TEST_ENV, THROTTLE_PER_MINUTE: '100000' });
    ds = stack.api.app.get(DataSource);
    ann = await signIn(stack, 'ann.lee@leewealth.example');
    await api().post('/api/firm/invitations').set(as(ann)).send({ email: 'marcus.chen@leewealth.example', role: 'advisor' }).expect(201);
    await api().post('/api/firm/invitations').set(as(ann)).send({ email: 'someone@leewealth.example', role: 'advisor' }).expect(201);
    marcus = await signIn(stack, 'marcus.chen@leewealth.example');
    david = await signIn(stack, 'david.okafor@harborviewfp.example');
    // Firm A gets one object of every kind the app makes: meetings, bots, drafts, reviews, keys, rules...
    await api().post('/api/calendar/events').set(as(ann)).expect((r) => expect(r.status).toBeLessThan(300));
    await api().post('/api/calendar/events').set(as(marcus)).expect((r) => expect(r.status).toBeLessThan(300));
    await api().get('/api/automations').set(as(ann)).expect(200);
    await api().post('/api/api-keys').set(as(ann)).send({ name: 'CRM', scope: 'read' }).expect(201);
    await api().post('/api/compliance/rules').set(as(ann)).send({ ruleId: 'firm-a-rule', category: 'restricted_topic', severity: 'high', rationale: 'Firm A policy', phrases: ['bitcoin'] }).expect(201);
    await stack.api.app.get(ComplianceService).submit({ contentId: '00000000-0000-4000-8000-00000000a001', firmId: ann.user.firmId, advisorId: ann.user.id, platform: 'linkedin', text: 'A note on beneficiary reviews.', authorType: 'user', authorUserId: ann.user.id });
    await drainQueues(stack.api.app, { timeoutMs: 60_000 });
  }, 120_000);
  afterAll(async () => stack?.close());

  async function tablesWith(column: string): Promise<string[]> {
    const rows: { table_name: string }[] = await ds.query(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.columns i ON i.table_name = c.table_name AND i.column_name IN ('id','content_id','user_id') AND i.table_schema = 'public'
       WHERE c.table_schema = 'public' AND c.column_name = $1 GROUP BY c.table_name`,
      [column],
    );
    return rows.map((r) => r.table_name);
  }

  async function idsWhere(column: string, value: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const table of await tablesWith(column)) {
      const cols: { column_name: string }[] = await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name IN ('id','content_id','user_id')`, [table]);
      for (const { column_name } of cols) {
        const rows: { v: string }[] = await ds.query(`SELECT DISTINCT "${column_name}"::text AS v FROM "${table}" WHERE "${column}" = $1 LIMIT 20`, [value]);
        for (const r of rows) out.set(r.v, `${table}.${column_name}`);
      }
    }
    return out;
  }

  async function snapshot(firmId: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of await tablesWith('firm_id')) {
      if (table === 'audit_event') continue;
      const [row] = await ds.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t WHERE firm_id = $1`, [firmId]);
      out[table] = row.h;
    }
    return out;
  }

  type Op = { parameters?: { name: string; in: string; schema?: { enum?: string[] } }[] };

  /** Routes whose path names an object (`{id}`, `{contentId}`…); other path parameters take their first allowed value. */
  async function routesWithIds(): Promise<{ method: string; path: string }[]> {
    const doc = (await api().get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, Op>> };
    const out: { method: string; path: string }[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      if (!params.some((p) => /id$/i.test(p))) continue;
      for (const [method, op] of Object.entries(ops)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        let concrete = path;
        let usable = true;
        for (const p of params.filter((x) => !/id$/i.test(x))) {
          const value = op.parameters?.find((x) => x.name === p && x.in === 'path')?.schema?.enum?.[0];
          if (value) concrete = concrete.replace(`{${p}}`, value);
          else usable = false;
        }
        if (usable) out.push({ method, path: concrete });
      }
    }
    return out;
  }

  it('covers a meaningful surface', async () => {
    const routes = await routesWithIds();
    expect(routes.length).toBeGreaterThan(15);
    const ids = await idsWhere('firm_id', ann.user.firmId);
    const kinds = new Set([...ids.values()].map((v) => v.split('.')[0]));
    for (const table of ['client_meeting', 'api_key', 'invitation', 'firm_member', 'automation', 'review_item', 'google_account']) expect(kinds).toContain(table);
  });

  it("gives a member of firm B 404 for every object of firm A, and changes nothing of firm A's", async () => {
    const routes = await routesWithIds();
    const ids = [...(await idsWhere('firm_id', ann.user.firmId)).entries()];
    const before = await snapshot(ann.user.firmId);
    const leaks: string[] = [];
    for (const { method, path } of routes) {
      for (const [id, kind] of ids) {
        const url = path.replace(/\{[^}]+\}/g, id);
        const res = await api()[method as 'get'](url).set(as(david)).send(method === 'get' || method === 'delete' ? undefined : {});
        const ok = method === 'get' || method === 'delete' ? res.status === 404 : [400, 404].includes(res.status);
        if (!ok) leaks.push(`${method.toUpperCase()} ${path} with ${kind} ${id} -> ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshot(ann.user.firmId)).toEqual(before);
  }, 300_000);

  it("gives an advisor 404 for a colleague's meetings and drafts", async () => {
    const routes = (await routesWithIds()).filter((r) => r.method === 'get');
    const annOwned = [...(await idsWhere('advisor_id', ann.user.id)).entries()];
    expect(annOwned.some(([, kind]) => kind.startsWith('client_meeting'))).toBe(true);
    const leaks: string[] = [];
    for (const { path } of routes) {
      for (const [id, kind] of annOwned) {
        const res = await api().get(path.replace(/\{[^}]+\}/g, id)).set(as(marcus));
        if (res.status !== 404) leaks.push(`GET ${path} with ${kind} ${id} -> ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
    // And her own are visible to her: the 404s above are isolation, not breakage.
    const own = (await idsWhere('advisor_id', ann.user.id));
    const meetingId = [...own.entries()].find(([, k]) => k === 'client_meeting.id')![0];
    await api().get(`/api/meetings/${meetingId}`).set(as(ann)).expect(200);
  }, 300_000);
});
