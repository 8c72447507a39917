import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signIn, SignedIn, Stack, startStack } from './stack';

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; $ref?: string; enum?: unknown[]; required?: string[]; allOf?: Schema[] };
type Operation = { parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

const doc = JSON.parse(readFileSync(join(__dirname, '../../../libs/api-client/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const deref = (s: Schema | undefined): Schema | undefined => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s?.allOf ? deref(s.allOf[0]) : s);

/** Values of the wrong type, size or shape for a declared property. */
function wrongValues(s: Schema | undefined): unknown[] {
  const t = deref(s)?.type;
  const huge = 'x'.repeat(200_000);
  const common = [null, { $gt: '' }, ['a', { b: [] }], '\u0000\u202e<script>', huge];
  if (t === 'string') return [42, true, [], {}, ...common];
  if (t === 'number' || t === 'integer') return ['12abc', -1e308, 1.5, Number.MAX_SAFE_INTEGER * 10, '', ...common];
  if (t === 'boolean') return ['true', 0, 'yes', ...common];
  if (t === 'array') return ['not-an-array', [[[[[]]]]], Array.from({ length: 5000 }, () => 'x'), ...common];
  return ['string', 7, ...common];
}

/** Raw JSON texts: empty, wrong shapes, prototype pollution, and each declared field with wrong values. */
function bodies(op: Operation): string[] {
  const schema = deref(op.requestBody?.content?.['application/json']?.schema);
  const out: string[] = ['{}', '[]', '"plain"', '12', '{"unexpectedField":1}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":'];
  for (const [name, prop] of Object.entries(schema?.properties ?? {})) for (const v of wrongValues(prop)) out.push(JSON.stringify({ [name]: v }));
  return out;
}

const PATH_VALUES = ["' OR 1=1 --", '../../etc/passwd', '%00', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'x'.repeat(3000), '😀'];
const QUERY = '?limit=-5&offset=abc&from=not-a-date&to[$gt]=&status=everything&format=exe&meetingId=1%27&q=' + 'y'.repeat(5000);

describe('security: fuzz every operation of the OpenAPI document', () => {
  let stack: Stack;
  let admin: SignedIn;
  let ds: DataSource;

  beforeAll(async () => {
    // HTTP only: background workers would write rows on their own and blur the no-partial-write check.
    stack = await startStack({ THROTTLE_PER_MINUTE: '100000', API_ROLE: 'api' });
    admin = await signIn(stack, 'ann.lee@leewealth.example');
    ds = stack.api.app.get(DataSource);
  });
  afterAll(async () => stack?.close());

  async function rowCounts(): Promise<Record<string, number>> {
    const tables: { table_name: string }[] = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')`);
    const out: Record<string, number> = {};
    for (const { table_name } of tables) out[table_name] = Number((await ds.query(`SELECT count(*) AS n FROM "${table_name}"`))[0].n);
    return out;
  }

  it('never answers 5xx and never writes on a rejected request', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        if (path.includes('/auth/logout') || path === '/api/events') continue;
        const urls = path.includes('{') ? PATH_VALUES.map((v) => path.replace(/\{[^}]+\}/g, encodeURIComponent(v))) : [path];
        for (const url of urls) {
          const payloads = ['post', 'put', 'patch'].includes(method) ? bodies(op) : [undefined];
          for (const body of payloads) {
            const before = await rowCounts();
            let req = request(stack.api.url)[method as 'get'](url + (method === 'get' ? QUERY : '')).set('authorization', `Bearer ${admin.accessToken}`).set('x-request-id', '<bad id>').set('accept-language', 'x'.repeat(4000));
            if (body !== undefined) req = req.set('content-type', 'application/json').send(body);
            const res = await req;
            requests++;
            if (res.status >= 500) failures.push(`${method.toUpperCase()} ${url.slice(0, 80)} ${String(body ?? '').slice(0, 120)} -> ${res.status}`);
            if (res.status >= 400 && res.status < 500) {
              const after = await rowCounts();
              const changed = Object.keys(after).filter((t) => after[t] !== before[t] && t !== 'audit_event');
              if (changed.length) failures.push(`${method.toUpperCase()} ${url.slice(0, 80)} -> ${res.status} but wrote to ${changed.join(', ')}`);
            }
            if (res.status < 500 && res.headers['content-type']?.includes('json')) {
              if (JSON.stringify(res.body).match(/at \w+ \(.*:\d+:\d+\)|node_modules\/|QueryFailedError|"stack":/)) failures.push(`${method.toUpperCase()} ${url.slice(0, 80)} leaked internals`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(200);
  }, 600_000);
});
