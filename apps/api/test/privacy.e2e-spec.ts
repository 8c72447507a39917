import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { getTranscript } from '../../sandbox/src/transcripts/library';
import { loadConfig } from '../src/infra/config/config';
import { encryptedColumns } from '../src/infra/crypto/encrypted-columns';
import { EncryptionService } from '../src/infra/crypto/encryption.service';
import { ReencryptService } from '../src/infra/crypto/reencrypt.service';
import { PrivacyService } from '../src/modules/privacy/privacy.service';
import { RequestContext } from '../src/infra/http/request-context';
import { MEETINGS_TEST_ENV } from './meetings-helpers';
import { drainQueues } from './queues';
import { signIn, SignedIn, Stack, startStack } from './stack';

/** Reads a zip with Python's standard library (no extra dependency just for a test). */
function unzip(buf: Buffer): Record<string, string> {
  const file = join(mkdtempSync(join(tmpdir(), 'am-zip-')), 'x.zip');
  writeFileSync(file, buf);
  const out = execFileSync('python3', ['-c', 'import zipfile,sys,json; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))', file]);
  return JSON.parse(out.toString()) as Record<string, string>;
}
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('privacy: exports, crypto-shredding, retention, key rotation', () => {
  let stack: Stack;
  let ann: SignedIn;
  let ds: DataSource;
  let meetingId: string;
  let clientEmail: string;
  const api = () => request(stack.api.url);
  const as = () => ({ authorization: `Bearer ${ann.accessToken}` });

  beforeAll(async () => {
    stack = await startStack(MEETINGS_TEST_ENV);
    ds = stack.api.app.get(DataSource);
    ann = await signIn(stack, 'ann.lee@leewealth.example');
    await api().post('/api/calendar/events').set(as()).expect((r) => expect(r.status).toBeLessThan(300));
    await drainQueues(stack.api.app, { timeoutMs: 60_000 });
    const list = await api().get('/api/calendar/events?when=past&limit=50').set(as()).expect(200);
    const meeting = list.body.data.items.find((m: { attendees: { email: string; self?: boolean }[] }) => m.attendees.some((a) => !a.email.endsWith('leewealth.example')));
    meetingId = meeting.id;
    clientEmail = meeting.attendees.find((a: { email: string }) => !a.email.endsWith('leewealth.example')).email;
    const t = getTranscript('retirement-planning-hollis')!;
    const file = Buffer.from(JSON.stringify(t.segments.map((s) => ({ participant: { name: s.speaker }, words: [{ text: s.text, start_timestamp: { relative: s.startSec } }] }))));
    await api().post(`/api/meetings/${meetingId}/transcript`).set(as()).attach('file', file, 'call.json').expect(201);
    await drainQueues(stack.api.app, { timeoutMs: 60_000 });
  }, 180_000);
  afterAll(async () => stack?.close());

  it("exports the user's data: JSON plus a transcript file per meeting", async () => {
    const res = await api().get('/api/privacy/export/me').set(as()).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzip(res.body as Buffer);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.txt', 'profile.json', 'meetings.json', 'drafts.json', 'activity.json', `transcripts/${meetingId}.txt`]));
    expect(files[`transcripts/${meetingId}.txt`]).toMatch(/\[00:\d\d:\d\d\] \w+/);
    expect(JSON.parse(files['drafts.json']).length).toBeGreaterThan(0);
  });

  it("exports one client's data for compliance roles", async () => {
    const res = await api().get(`/api/privacy/export/client?email=${encodeURIComponent(clientEmail)}`).set(as()).buffer(true).parse(binary).expect(200);
    const files = unzip(res.body as Buffer);
    expect(JSON.parse(files['meetings.json']).map((m: { id: string }) => m.id)).toContain(meetingId);
    await api().get('/api/privacy/export/client?email=not-an-email').set(as()).expect(400);
  });

  it("deletes a client's data by destroying the meeting key; books and records stay", async () => {
    const recordsBefore = (await ds.query(`SELECT count(*)::int AS n FROM post_submission`))[0].n;
    expect(recordsBefore).toBeGreaterThan(0);
    const rawBefore = await ds.query(`SELECT text_enc FROM generated_content WHERE meeting_id = $1`, [meetingId]);
    expect(rawBefore[0].text_enc.startsWith('d1.')).toBe(true);

    const res = await api().post('/api/privacy/delete-client').set(as()).send({ email: clientEmail }).expect(200);
    expect(res.body.data.keysDestroyed).toBeGreaterThanOrEqual(1);

    const transcript = await api().get(`/api/meetings/${meetingId}/transcript`).set(as()).expect(200);
    expect(transcript.body.data.state).toBe('deleted');
    expect(transcript.body.data.segments ?? []).toHaveLength(0);
    const drafts = await api().get(`/api/content?meetingId=${meetingId}`).set(as()).expect(200);
    for (const d of drafts.body.data) expect(d.text).toMatch(/deleted at the client’s request/);
    // The ciphertext rows may survive in backups; without the key they are noise.
    const key = await ds.query(`SELECT wrapped_key, destroyed_at FROM data_key WHERE subject_type = 'meeting' AND subject_id = $1`, [meetingId]);
    expect(key[0]).toMatchObject({ wrapped_key: null });
    expect(key[0].destroyed_at).not.toBeNull();
    expect((await ds.query(`SELECT count(*)::int AS n FROM post_submission`))[0].n).toBe(recordsBefore);
    await api().post('/api/privacy/delete-client').set(as()).send({ email: 'nobody@nowhere.example' }).expect(404);
  });

  it('purges meetings past the retention period, and never during a legal hold', async () => {
    const privacy = stack.api.app.get(PrivacyService);
    const stored = await ds.query(`SELECT count(*)::int AS n FROM client_meeting WHERE transcript_state = 'stored'`);
    if (stored[0].n === 0) {
      const other = (await ds.query(`SELECT id FROM client_meeting WHERE transcript_state = 'none' AND ends_at < now() LIMIT 1`))[0].id;
      const t = getTranscript('college-savings-okafor')!;
      await api().post(`/api/meetings/${other}/transcript`).set(as()).attach('file', Buffer.from(JSON.stringify(t.segments.map((s) => ({ participant: { name: s.speaker }, words: [{ text: s.text, start_timestamp: { relative: s.startSec } }] })))), 'b.json').expect(201);
    }
    await api().patch('/api/firm').set(as()).send({ compliance: { transcriptRetentionDays: 1, legalHold: true } }).expect(200);
    const later = new Date(Date.now() + 30 * 86400_000);
    const run = () => RequestContext.run({ requestId: 'test', startedAt: Date.now(), actor: { type: 'system', id: 'test' } }, () => privacy.purgeExpired(later));
    expect((await run()).meetings).toBe(0);
    await api().patch('/api/firm').set(as()).send({ compliance: { legalHold: false } }).expect(200);
    expect((await run()).meetings).toBeGreaterThan(0);
    expect((await ds.query(`SELECT count(*)::int AS n FROM client_meeting WHERE transcript_state = 'stored'`))[0].n).toBe(0);
  });

  it('re-encrypts every registered column under a new master key, and the data still decrypts', async () => {
    const keys = `k2:${Buffer.alloc(32, 7).toString('base64')},${stack.api.config.security.encryptionKeys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',')}`;
    const rotated = new EncryptionService(loadConfig({ ENCRYPTION_KEYS: keys }));
    const reports = await new ReencryptService(ds, rotated).reencryptAll();
    expect(reports.reduce((n, r) => n + r.rotated, 0)).toBeGreaterThan(0);
    for (const col of encryptedColumns()) {
      if (col.appendOnly) {
        // Books and records are never rewritten; they still decrypt with the old key kept configured.
        const rows = await ds.query(`SELECT "${col.column}" AS v, ${col.aad ? `"${col.aad.column}"::text` : 'NULL'} AS aad FROM "${col.table}" WHERE "${col.column}" IS NOT NULL AND "${col.column}" NOT LIKE 'd1.%' LIMIT 20`);
        for (const r of rows) expect(() => rotated.decrypt(r.v, col.aad ? `${col.aad.prefix ?? ''}${r.aad}` : '')).not.toThrow();
        continue;
      }
      const rows = await ds.query(`SELECT "${col.column}" AS v, ${col.aad ? `"${col.aad.column}"::text` : 'NULL'} AS aad FROM "${col.table}" WHERE "${col.column}" IS NOT NULL AND "${col.column}" NOT LIKE 'd1.%'`);
      for (const r of rows) {
        expect(r.v.startsWith('v1.k2.')).toBe(true);
        expect(() => rotated.decrypt(r.v, col.aad ? `${col.aad.prefix ?? ''}${r.aad}` : '')).not.toThrow();
      }
    }
  });
});
