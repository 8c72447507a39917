import request from 'supertest';
import { DomainEventMap, DomainEvents } from '../src/infra/events/domain-events';
import { MeetingsService } from '../src/modules/meetings/meetings.service';
import { addEvent, bearer, db, MEETINGS_TEST_ENV, meetingByEvent, sandboxBots } from './meetings-helpers';
import { drainQueues } from './queues';
import { signIn, SignedIn, Stack, startStack } from './stack';

/** Transcripts for meetings without a bot (files and recordings), and the firm's recording-consent rule. */
describe('Transcript uploads and consent', () => {
  let stack: Stack;
  let ann: SignedIn;
  let meetingId: string;
  const ready: DomainEventMap['transcript.ready'][] = [];
  const api = () => request(stack.api.url);
  const drain = () => drainQueues(stack.api.app);
  const upload = (id: string, name: string, content: string | Buffer, route = 'transcript') =>
    api().post(`/api/meetings/${id}/${route}`).set(bearer(ann)).attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  const stored = async (id: string) => (await db(stack).query(`SELECT transcript_enc, transcript_state, transcript_note FROM client_meeting WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    stack = await startStack(MEETINGS_TEST_ENV);
    stack.sandbox.ctx.config.recallWebhookUrl = `${stack.api.url}/api/recall/webhook`;
    ann = await signIn(stack, 'ann.lee@leewealth.example');
    await api().patch('/api/profile').set(bearer(ann)).send({ notetakerDefault: false }).expect(200);
    const event = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Phone meeting — Martinez', startInMinutes: -90, conference: 'none' });
    await api().post('/api/calendar/events').set(bearer(ann)).expect(202);
    await drain();
    meetingId = (await meetingByEvent(stack, event.id)).id;
    stack.api.app.get(DomainEvents).on('transcript.ready', (e) => void ready.push(e));
  });
  afterAll(async () => stack?.close());

  it('rejects malformed files with a 400 that names the problem, and stores nothing', async () => {
    const cases: [string, string, RegExp][] = [
      ['notes.vtt', '00:00:01.000 --> 00:00:02.000\nHello', /line 1: a WebVTT file must start with "WEBVTT"/],
      ['call.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHello', /line 3: invalid end time/],
      ['call.srt', '1\n00:00:01.000 --> 00:00:02,000\nHello', /line 2: invalid start time "00:00:01.000"/],
      ['recall.json', '[{"participant": {"name": "Ann"}, "words": [', /the JSON is malformed/],
      ['recall.json', '[{"participant": {"name": "Ann"}, "words": [{"text": "Hi."}]}]', /item 0: words\[0\]\.start_timestamp is missing/],
      ['empty.txt', '\n\n  \n', /contains no transcript text/],
    ];
    for (const [name, content, problem] of cases) {
      const res = await upload(meetingId, name, content).expect(400);
      expect(res.body.error.code).toBe('TRANSCRIPT_FILE_INVALID');
      expect(res.body.error.message).toMatch(problem);
      expect(res.body.error.message).toContain(name);
    }
    const pdf = await upload(meetingId, 'minutes.pdf', '%PDF-1.7').expect(400);
    expect(pdf.body.error.code).toBe('UNSUPPORTED_FILE_TYPE');
    const missing = await api().post(`/api/meetings/${meetingId}/transcript`).set(bearer(ann)).field('x', '1').expect(400);
    expect(missing.body.error.code).toBe('TRANSCRIPT_FILE_MISSING');
    expect(await stored(meetingId)).toEqual({ transcript_enc: null, transcript_state: 'none', transcript_note: null });
    expect((await db(stack).query(`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'transcript.%'`))[0].n).toBe(0);
    expect(ready).toHaveLength(0);
  });

  it('stores an uploaded WebVTT transcript encrypted, with speakers and timestamps, and starts content generation', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann Lee>Thanks for taking the call, Luis.</v>\n\n00:00:04.500 --> 00:00:09.000\n<v Luis Martinez>Happy to. The insurance renewal is coming up.</v>\n';
    const res = await upload(meetingId, 'martinez.vtt', vtt).expect(201);
    expect(res.body.data).toMatchObject({ state: 'stored', source: 'upload', total: 2 });
    expect(res.body.data.segments[1]).toEqual({ speaker: 'Luis Martinez', start: 4.5, end: 9, text: 'Happy to. The insurance renewal is coming up.' });
    const row = await stored(meetingId);
    expect(row.transcript_enc).toMatch(/^(v1|d1)\./); // ciphertext (per-meeting data key or the app key)
    for (const w of ['Martinez', 'insurance', 'renewal', 'Thanks']) expect(row.transcript_enc).not.toContain(w);
    expect(ready).toEqual([{ meetingId, firmId: ann.user.firmId, advisorId: ann.user.id, source: 'upload' }]);
    const audit = await db(stack).query(`SELECT data FROM audit_event WHERE action = 'transcript.uploaded' AND subject_id = $1`, [meetingId]);
    expect(audit[0].data).toMatchObject({ source: 'upload', segments: 2, speakers: 2, format: 'vtt' });
    // What Content reads to draft (MeetingsService is its TranscriptSource).
    const meetings = stack.api.app.get(MeetingsService);
    const forDrafting = await meetings.transcriptForDrafting(meetingId);
    expect(forDrafting).toMatchObject({ meeting: { id: meetingId, title: 'Phone meeting — Martinez' }, segments: [{ speaker: 'Ann Lee' }, { speaker: 'Luis Martinez' }] });
    expect((await meetings.transcriptsStoredSince(new Date(Date.now() - 60_000))).map((m) => m.id)).toContain(meetingId);
    const search = await api().get(`/api/meetings/${meetingId}/transcript`).query({ q: 'RENEWAL' }).set(bearer(ann)).expect(200);
    expect(search.body.data).toMatchObject({ total: 2, segments: [{ speaker: 'Luis Martinez' }] });
  });

  it('transcribes an uploaded recording through the OpenAI-compatible endpoint', async () => {
    const event = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Recorded in person — Hollis', startInMinutes: -200, conference: 'none' });
    await api().post('/api/calendar/events').set(bearer(ann)).expect(202);
    await drain();
    const m = await meetingByEvent(stack, event.id);
    const audio = Buffer.concat([Buffer.from('ID3\u0003\u0000sandbox-transcript:retirement-planning-hollis\u0000'), Buffer.alloc(2048, 7)]);
    const res = await upload(m.id, 'hollis.mp3', audio, 'audio').expect(201);
    expect(res.body.data).toMatchObject({ state: 'stored', source: 'audio' });
    expect(res.body.data.segments.length).toBeGreaterThan(3);
    expect(typeof res.body.data.segments[0].start).toBe('number');
    expect(ready.some((e) => e.meetingId === m.id && e.source === 'audio')).toBe(true);
    // A recording sent to the transcript route is transcribed too.
    const viaTranscript = await upload(m.id, 'hollis-again.m4a', audio).expect(201);
    expect(viaTranscript.body.data).toMatchObject({ state: 'stored', source: 'audio' });
    const wrong = await upload(m.id, 'hollis.exe', audio, 'audio').expect(400);
    expect(wrong.body.error.code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('keeps no content when the firm requires consent and a participant asked not to record', async () => {
    await api().patch('/api/firm').set(bearer(ann)).send({ compliance: { requireRecordingConsent: true } }).expect(200);
    const marked = await api().patch(`/api/meetings/${meetingId}/consent`).set(bearer(ann)).send({ doNotRecord: true }).expect(200);
    expect(marked.body.data).toMatchObject({ doNotRecord: true, transcriptState: 'withheld', transcriptAvailable: false });
    expect(await stored(meetingId)).toMatchObject({ transcript_enc: null, transcript_state: 'withheld' });
    const before = ready.length;
    await upload(meetingId, 'again.txt', '[00:01] Ann Lee: Hello again.').expect(201);
    const row = await stored(meetingId);
    expect(row).toMatchObject({ transcript_enc: null, transcript_state: 'withheld' });
    expect(row.transcript_note).toMatch(/asked not to be recorded/);
    expect(ready.length).toBe(before);
  });

  it('keeps no content from a bot that did not announce the recording when consent is required', async () => {
    stack.api.config.bots.announceRecording = false;
    try {
      const event = await addEvent(stack, { account: 'ann.lee@leewealth.example', summary: 'Unannounced — Thompson', startInMinutes: 45 });
      await api().post('/api/calendar/events').set(bearer(ann)).expect(202);
      await drain();
      const m = await meetingByEvent(stack, event.id);
      await api().patch(`/api/meetings/${m.id}/notetaker`).set(bearer(ann)).send({ enabled: true }).expect(200);
      await drain();
      const [bot] = (await sandboxBots(stack)).filter((b) => b.metadata.meeting_id === m.id);
      expect(bot.chat).toBeNull();
      const before = ready.length;
      await request(stack.sandboxUrl).post(`/__admin/recall/bots/${bot.id}/finish`).expect(200);
      await stack.sandbox.modules.recall.webhooks.idle();
      await drainQueues(stack.api.app, { promoteDelayed: true });
      const detail = (await api().get(`/api/meetings/${m.id}`).set(bearer(ann))).body.data;
      expect(detail).toMatchObject({ transcriptState: 'withheld', transcriptAvailable: false, botStatus: 'done' });
      expect(detail.transcriptNote).toMatch(/participants were not notified/);
      expect((await stored(m.id)).transcript_enc).toBeNull();
      expect(ready.length).toBe(before);
      expect((await db(stack).query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'transcript.withheld' AND subject_id = $1`, [m.id]))[0].n).toBe(1);
    } finally {
      stack.api.config.bots.announceRecording = true;
    }
  });
});
