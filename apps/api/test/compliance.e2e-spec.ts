import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ComplianceService } from '../src/modules/compliance/compliance.service';
import { signIn, SignedIn, Stack, startStack } from './stack';

describe('Compliance workflow and books-and-records (real Postgres)', () => {
  let stack: Stack;
  let admin: SignedIn;
  let officer: SignedIn;
  let advisor: SignedIn;
  let compliance: ComplianceService;
  const api = () => request(stack.api.url);
  const as = (s: SignedIn) => ({ authorization: `Bearer ${s.accessToken}` });

  const submit = (who: SignedIn, text: string, contentId = randomUUID(), platform: 'linkedin' | 'facebook' = 'linkedin') =>
    compliance.submit({ contentId, firmId: who.user.firmId, advisorId: who.user.id, platform, text, authorType: 'user', authorUserId: who.user.id }).then((o) => ({ ...o, contentId }));

  beforeAll(async () => {
    stack = await startStack();
    admin = await signIn(stack, 'ann.lee@leewealth.example');
    await api().post('/api/firm/invitations').set(as(admin)).send({ email: 'priya.patel@leewealth.example', role: 'compliance_officer' }).expect(201);
    await api().post('/api/firm/invitations').set(as(admin)).send({ email: 'marcus.chen@leewealth.example', role: 'advisor' }).expect(201);
    officer = await signIn(stack, 'priya.patel@leewealth.example');
    advisor = await signIn(stack, 'marcus.chen@leewealth.example');
    compliance = stack.api.app.get(ComplianceService);
  });
  afterAll(async () => stack?.close());

  it('validates statelessly with flags, offsets and the compliance marker', async () => {
    const content = 'This fund is guaranteed to double your money by next year.';
    const res = await api().post('/api/compliance/validate').set(as(advisor)).send({ content, platform: 'linkedin' }).expect(200);
    expect(res.body.metadata.complianceChecked).toBe(true);
    const cats = res.body.data.flags.map((f: { category: string }) => f.category);
    expect(cats).toContain('promissory');
    const f = res.body.data.flags[0];
    expect(content.slice(f.start, f.end).length).toBeGreaterThan(0);
    expect(res.body.data.decision.outcome).toBe('blocked');
    await api().post('/api/compliance/validate').set(as(advisor)).send({ content: '', platform: 'myspace' }).expect(400);
  });

  it('auto-approves a clean LinkedIn post below the threshold', async () => {
    const out = await submit(advisor, 'We hosted a workshop on beneficiary designations this week. Reviewing them after a marriage or a birth is a simple step many families overlook.');
    expect(out.status).toBe('auto_approved');
    const pub = await compliance.publishable(out.contentId, advisor.user.firmId);
    expect(pub.text).toContain('beneficiary designations');
  });

  it('blocks critical flags whoever approves', async () => {
    const out = await submit(advisor, "You can't lose money with this annuity: returns are guaranteed, risk-free.");
    expect(out.status).toBe('blocked');
    const res = await api().post(`/api/compliance/reviews/${out.contentId}/approve`).set(as(officer)).send({ submissionId: out.submissionId }).expect(409);
    expect(res.body.error.code).toBe('BLOCKED_BY_CRITICAL_FLAG');
    await expect(compliance.publishable(out.contentId, advisor.user.firmId)).rejects.toMatchObject({ code: 'NOT_APPROVED' });
  });

  it('refuses self-approval, records the exact text approved, and reopens review when approved text is edited', async () => {
    const text = 'Expect utilities to post double-digit gains in 2026 as rate pressure eases.';
    const out = await submit(admin, text);
    expect(out.status).toBe('needs_review');
    const self = await api().post(`/api/compliance/reviews/${out.contentId}/approve`).set(as(admin)).send({ submissionId: out.submissionId }).expect(403);
    expect(self.body.error.code).toBe('SELF_APPROVAL');
    await api().post(`/api/compliance/reviews/${out.contentId}/approve`).set(as(advisor)).send({ submissionId: out.submissionId }).expect(403);

    const ok = await api().post(`/api/compliance/reviews/${out.contentId}/approve`).set(as(officer)).send({ submissionId: out.submissionId, comment: 'Projection acceptable with disclosure per WSP 4.2' }).expect(200);
    expect(ok.body.data.item.status).toBe('approved');
    const decision = ok.body.data.decisions[0];
    expect(decision).toMatchObject({ decision: 'approved', reviewerRole: 'compliance_officer', reviewerName: 'Priya Patel' });
    expect(decision.approvedTextSha256).toBe(ok.body.data.latest.validatedTextSha256);
    const pub = await compliance.publishable(out.contentId, admin.user.firmId);
    expect(pub.sha256).toBe(decision.approvedTextSha256);

    // A clean edit after a human approval still goes back to a human.
    const edited = await submit(admin, 'Rate moves matter for utilities; talk to us about how your income plan handles them.', out.contentId);
    expect(edited.version).toBe(2);
    expect(edited.status).toBe('needs_review');
    await expect(compliance.publishable(out.contentId, admin.user.firmId)).rejects.toMatchObject({ code: 'NOT_APPROVED' });
    const stale = await api().post(`/api/compliance/reviews/${out.contentId}/approve`).set(as(officer)).send({ submissionId: out.submissionId }).expect(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it('sends back with a reason and a suggested edit; lists the queue by risk; advisors see only their own', async () => {
    const a = await submit(advisor, 'Our simulated momentum portfolio earned 31% a year since 2019 — imagine your account doing the same.');
    const b = await submit(advisor, 'A client told me we are the best advisors in town. ⭐⭐⭐⭐⭐');
    const res = await api()
      .post(`/api/compliance/reviews/${b.contentId}/request-changes`)
      .set(as(officer))
      .send({ submissionId: b.submissionId, reasonCode: 'testimonial_disclosure', comment: 'Testimonials need the marketing-rule disclosure', suggestedEdit: 'Thank you to every family who trusted us this year.' })
      .expect(200);
    expect(res.body.data.item.status).toBe('changes_requested');
    expect(res.body.data.decisions[0].suggestedEdit).toBe('Thank you to every family who trusted us this year.');
    await api().post(`/api/compliance/reviews/${b.contentId}/request-changes`).set(as(officer)).send({ submissionId: b.submissionId, reasonCode: 'made-up', comment: 'x' }).expect(400);

    const q = await api().get('/api/compliance/reviews?status=needs_review').set(as(officer)).expect(200);
    const risks = q.body.data.items.map((i: { riskScore: number }) => i.riskScore);
    expect([...risks].sort((x, y) => y - x)).toEqual(risks);
    expect(q.body.data.items.map((i: { contentId: string }) => i.contentId)).toContain(a.contentId);
    // Each item previews its latest text, read with the page.
    expect(q.body.data.items.find((i: { contentId: string }) => i.contentId === a.contentId)).toMatchObject({ latestSubmissionId: a.submissionId, preview: 'Our simulated momentum portfolio earned 31% a year since 2019 — imagine your account doing the same.' });
    const mine = await api().get('/api/compliance/reviews').set(as(advisor)).expect(200);
    expect(mine.body.data.items.every((i: { advisorId: string }) => i.advisorId === advisor.user.id)).toBe(true);
    const adminsPost = await api().get('/api/compliance/reviews').set(as(officer)).expect(200);
    expect(adminsPost.body.data.items.some((i: { advisorId: string }) => i.advisorId === admin.user.id)).toBe(true);
  });

  it('keeps records append-only in the database', async () => {
    const ds = stack.api.app.get(DataSource);
    await expect(ds.query(`UPDATE post_submission SET risk_score = 0`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM post_submission`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`UPDATE review_decision SET decision = 'approved'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM review_decision`)).rejects.toThrow(/append-only/);
  });

  it('exports the records as CSV and PDF with the chain verification, for compliance roles only', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const csv = await api().get(`/api/compliance/records/export?from=${today}&to=${today}&format=csv`).set(as(officer)).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('time,kind,postId,version,platform,actor,outcome,riskScore,reason,textSha256,text');
    expect(csv.text).toContain('Priya Patel (compliance_officer)');
    expect(csv.text).toContain('beneficiary designations');
    const pdf = await api().get(`/api/compliance/records/export?from=${today}&to=${today}&format=pdf`).set(as(officer)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await api().get(`/api/compliance/records/export?from=${today}&to=${today}&format=csv`).set(as(advisor)).expect(403);
    await api().get(`/api/compliance/records/export?from=yesterday&to=${today}&format=csv`).set(as(officer)).expect(400);
    const chain = await api().get('/api/audit/verify').set(as(officer)).expect(200);
    expect(chain.body.data.valid).toBe(true);
  });

  it('lets a firm add its own rule and the engine uses it', async () => {
    await api().post('/api/compliance/rules').set(as(officer)).send({ ruleId: 'firm-no-crypto', category: 'restricted_topic', severity: 'high', rationale: 'Firm policy: no digital-asset discussion', phrases: ['bitcoin'] }).expect(201);
    const res = await api().post('/api/compliance/validate').set(as(advisor)).send({ content: 'Thinking about bitcoin for your IRA? Let us talk.', platform: 'linkedin' }).expect(200);
    expect(res.body.data.flags.map((f: { ruleId: string }) => f.ruleId)).toContain('firm-no-crypto');
    await api().post('/api/compliance/rules').set(as(advisor)).send({ ruleId: 'x-rule', category: 'pii', severity: 'low', rationale: 'xxxxx', phrases: ['yy'] }).expect(403);
  });
});
