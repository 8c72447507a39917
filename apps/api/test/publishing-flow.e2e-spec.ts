import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EncryptionService } from '../src/infra/crypto/encryption.service';
import { RealtimeService } from '../src/infra/realtime/realtime.service';
import { ComplianceService } from '../src/modules/compliance/compliance.service';
import { ConnectionsService } from '../src/modules/publishing/connections.service';
import { toLinkedInCommentary } from '../src/modules/publishing/formatting';
import { approvedPost, as, connectFacebookPage, connectLinkedIn, inspector, publishingQueue, until } from './publishing-support';
import { signIn, SignedIn, Stack, startStack } from './stack';

const PAGE = '104000000000001'; // "Lee Wealth Partners": Marcus has CREATE_CONTENT on it in the sandbox

describe('Publishing to LinkedIn and Facebook (sandbox, real Postgres and Redis)', () => {
  let stack: Stack;
  let admin: SignedIn;
  let officer: SignedIn;
  let advisor: SignedIn;
  let linkedinId: string;
  let facebookId: string;
  const events: { userId: string; type: string; payload: Record<string, unknown> }[] = [];
  const api = () => request(stack.api.url);

  const publication = (id: string) => api().get(`/api/social/publications/${id}`).set(as(advisor)).expect(200).then((r) => r.body.data);
  const settled = (id: string, timeoutMs = 20_000) =>
    until(`publication ${id} to settle`, () => publication(id), (p) => ['published', 'failed', 'needs_check', 'cancelled'].includes(p.status), timeoutMs);

  beforeAll(async () => {
    stack = await startStack({ RESILIENCE_OVERRIDES: JSON.stringify({ linkedin: { timeoutMs: 1000 } }), PUBLISH_VERIFY_GRACE_SECONDS: '1', PUBLISH_VERIFY_INTERVAL_SECONDS: '1', PUBLISH_JOB_ATTEMPTS: '3', PUBLISH_WORKER_LOCK_MS: '5000' });
    admin = await signIn(stack, 'ann.lee@leewealth.example');
    await api().post('/api/firm/invitations').set(as(admin)).send({ email: 'priya.patel@leewealth.example', role: 'compliance_officer' }).expect(201);
    await api().post('/api/firm/invitations').set(as(admin)).send({ email: 'marcus.chen@leewealth.example', role: 'advisor' }).expect(201);
    officer = await signIn(stack, 'priya.patel@leewealth.example');
    advisor = await signIn(stack, 'marcus.chen@leewealth.example');
    stack.api.app.get(RealtimeService).attach({ userId: advisor.user.id, firmId: advisor.user.firmId, role: 'advisor', send: (type, payload) => events.push({ userId: advisor.user.id, type, payload }) });
  });
  afterAll(async () => stack?.close());

  it('connects LinkedIn (member) and a Facebook Page through OAuth, tokens encrypted, health visible', async () => {
    linkedinId = await connectLinkedIn(stack, advisor);
    facebookId = await connectFacebookPage(stack, advisor, PAGE);
    const list = await api().get('/api/social/connections').set(as(advisor)).expect(200);
    const li = list.body.data.find((c: { id: string }) => c.id === linkedinId);
    const fb = list.body.data.find((c: { id: string }) => c.id === facebookId);
    expect(li).toMatchObject({ platform: 'linkedin', displayName: 'Marcus Chen', status: 'active', health: 'ok', canRefresh: false });
    expect(li.daysLeft).toBeGreaterThanOrEqual(59);
    expect(fb).toMatchObject({ platform: 'facebook', displayName: 'Lee Wealth Partners', externalId: PAGE, status: 'active', health: 'ok', tokenExpiresAt: null });
    const [row] = await stack.api.app.get(DataSource).query(`SELECT access_token_enc FROM social_account WHERE id = $1`, [linkedinId]);
    expect(row.access_token_enc).toMatch(/^v1\./);
    // Someone else's connection is invisible.
    await api().delete(`/api/social/connections/${linkedinId}`).set(as(officer)).expect(404);
    // A forged or replayed state is refused.
    const doc = await api().get('/api/openapi.json').expect(200);
    for (const path of ['/api/social/publish', '/api/social/publications', '/api/social/connections/{platform}/connect', '/api/social/dead-letters/{id}/retry'])
      expect(Object.keys(doc.body.paths)).toContain(path);
    const bad = await api().get('/api/social/connections/linkedin/callback?code=x&state=forged').redirects(0).expect(302);
    expect(bad.headers.location).toBe('http://web.test/settings?platform=linkedin&error=invalid_state');
  });

  it('publishes an approved post to LinkedIn and to a Facebook Page exactly once, with the exact text, verified and archived', async () => {
    const liText = 'Three takeaways from our planning workshop (no advice, just questions to ask): #retirement #planning\nRead more at https://example.com/notes_2026';
    const fbText = 'Thank you to everyone who joined our community open house this week.\nSee the photos: https://example.com/open-house';
    const liPost = await approvedPost(stack, advisor, liText, 'linkedin');
    const fbPost = await approvedPost(stack, advisor, fbText, 'facebook');
    const a = await api().post('/api/social/publish').set(as(advisor)).send({ contentId: liPost, connectionId: linkedinId }).expect(201);
    const b = await api().post('/api/social/publish').set(as(advisor)).send({ contentId: fbPost, connectionId: facebookId }).expect(201);
    // The same request again is the same publication (idempotency key per post version and account).
    const again = await api().post('/api/social/publish').set(as(advisor)).send({ contentId: liPost, connectionId: linkedinId }).expect(201);
    expect(again.body.data.id).toBe(a.body.data.id);

    const li = await settled(a.body.data.id);
    const fb = await settled(b.body.data.id);
    expect(li).toMatchObject({ status: 'published', platform: 'linkedin', accountName: 'Marcus Chen' });
    expect(li.liveUrl).toMatch(/^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:share:\d+\/$/);
    expect(fb).toMatchObject({ status: 'published', platform: 'facebook', externalId: expect.stringMatching(new RegExp(`^${PAGE}_\\d+$`)) });
    expect(fb.liveUrl).toContain(`https://www.facebook.com/${PAGE}/posts/`);
    expect(fb.archivedText).toBe(fbText);
    expect(li.attempts).toEqual([expect.objectContaining({ attemptNo: 1, state: 'accepted' })]);

    const seen = await inspector(stack);
    const liPosts = seen.linkedin.filter((p) => p.text === liText);
    expect(liPosts).toHaveLength(1);
    expect(liPosts[0]).toMatchObject({ visible: true, truncated: false, member: advisor.user.email });
    expect(seen.facebook.filter((p) => p.message === fbText)).toHaveLength(1);
    expect(seen.linkedin).toHaveLength(1);
    expect(seen.facebook).toHaveLength(1);

    const ds = stack.api.app.get(DataSource);
    const records = await ds.query(`SELECT platform, external_id, account_name, sent_text_sha256, first_used_at FROM publication_record ORDER BY platform`);
    expect(records).toHaveLength(2);
    await expect(ds.query(`UPDATE publication_record SET live_url = 'x'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM publication_record`)).rejects.toThrow(/append-only/);
    const audit = await ds.query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY chain_seq`, [a.body.data.id]);
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['publication.requested', 'publication.published']);
    const pushed = events.filter((e) => e.type === 'publish.status' && e.payload.publicationId === a.body.data.id).map((e) => e.payload.status);
    expect(pushed).toEqual(expect.arrayContaining(['queued', 'publishing', 'published']));

    const listed = await api().get('/api/social/publications?status=published').set(as(advisor)).expect(200);
    expect(listed.body.data.page.total).toBe(2);
  });

  it('refuses unapproved content and content edited after approval with 409, and queues nothing', async () => {
    const compliance = stack.api.app.get(ComplianceService);
    const queue = publishingQueue(stack);
    const before = await queue.getJobCounts();
    const rows = async () => Number((await stack.api.app.get(DataSource).query(`SELECT count(*) n FROM publication`))[0].n);
    const count = await rows();

    const risky = randomUUID();
    await compliance.submit({ contentId: risky, firmId: advisor.user.firmId, advisorId: advisor.user.id, platform: 'linkedin', text: 'Expect utilities to post double-digit gains in 2026 as rate pressure eases.', authorType: 'user', authorUserId: advisor.user.id });
    const r1 = await api().post('/api/social/publish').set(as(advisor)).send({ contentId: risky, connectionId: linkedinId }).expect(409);
    expect(r1.body.error.code).toBe('NOT_APPROVED');
    expect(r1.body.error.message).toMatch(/only approved posts can be published/);

    // Approved by a person, then edited: back to review, not publishable.
    const edited = randomUUID();
    const v1 = await compliance.submit({ contentId: edited, firmId: advisor.user.firmId, advisorId: advisor.user.id, platform: 'linkedin', text: 'Expect utilities to post double-digit gains in 2026 as rate pressure eases.', authorType: 'user', authorUserId: advisor.user.id });
    await api().post(`/api/compliance/reviews/${edited}/approve`).set(as(officer)).send({ submissionId: v1.submissionId }).expect(200);
    await compliance.submit({ contentId: edited, firmId: advisor.user.firmId, advisorId: advisor.user.id, platform: 'linkedin', text: 'Rate moves matter for utilities; ask us how your income plan handles them.', authorType: 'user', authorUserId: advisor.user.id });
    const r2 = await api().post('/api/social/publish').set(as(advisor)).send({ contentId: edited, connectionId: linkedinId }).expect(409);
    expect(['NOT_APPROVED', 'CHANGED_SINCE_APPROVAL']).toContain(r2.body.error.code);

    // Approved for LinkedIn is not approved for Facebook.
    const liOnly = await approvedPost(stack, advisor, 'We hosted a workshop on beneficiary designations this week; a simple review after a marriage or a birth helps.');
    const r3 = await api().post('/api/social/publish').set(as(advisor)).send({ contentId: liOnly, connectionId: facebookId }).expect(409);
    expect(r3.body.error.code).toBe('PLATFORM_MISMATCH');

    expect(await rows()).toBe(count);
    const after = await queue.getJobCounts();
    expect(after.waiting + after.delayed + after.active).toBe(before.waiting + before.delayed + before.active);
  });

  it("schedules in the advisor's time zone, cancels, and re-checks approval when a scheduled post comes due", async () => {
    const contentId = await approvedPost(stack, advisor, 'Our office will be closed on Friday for the holiday; we will be back on Monday morning.');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const res = await api().post('/api/social/publish').set(as(advisor)).send({ contentId, connectionId: linkedinId, scheduledAt: `${tomorrow}T09:30` }).expect(201);
    expect(res.body.data.status).toBe('scheduled');
    // Default advisor time zone: America/New_York (UTC-5 or UTC-4).
    expect(res.body.data.scheduledAt).toMatch(new RegExp(`^${tomorrow}T1[34]:30:00.000Z$`));
    const job = await publishingQueue(stack).getJob(`publish:${(await stack.api.app.get(DataSource).query(`SELECT submission_id FROM publication WHERE id=$1`, [res.body.data.id]))[0].submission_id}:${linkedinId}`);
    expect(await job?.isDelayed()).toBe(true);
    const cancelled = await api().post(`/api/social/publications/${res.body.data.id}/cancel`).set(as(advisor)).expect(200);
    expect(cancelled.body.data.status).toBe('cancelled');
    await api().post(`/api/social/publications/${res.body.data.id}/cancel`).set(as(advisor)).expect(409);
    await api().post('/api/social/publish').set(as(advisor)).send({ contentId, connectionId: linkedinId, scheduledAt: '2020-01-01T09:00' }).expect(400);

    // Scheduled, then edited before it is due: the worker's own gate stops it; nothing reaches LinkedIn.
    const gated = await approvedPost(stack, advisor, 'Join our free webinar on college savings accounts next Tuesday evening.');
    const soon = new Date(Date.now() + 2500).toISOString();
    const s = await api().post('/api/social/publish').set(as(advisor)).send({ contentId: gated, connectionId: linkedinId, scheduledAt: soon }).expect(201);
    await stack.api.app.get(ComplianceService).submit({ contentId: gated, firmId: advisor.user.firmId, advisorId: advisor.user.id, platform: 'linkedin', text: 'Expect utilities to post double-digit gains in 2026.', authorType: 'user', authorUserId: advisor.user.id });
    const done = await settled(s.body.data.id);
    expect(done.status).toBe('failed');
    expect(done.lastError).toMatch(/only approved posts/);
    expect((await inspector(stack)).linkedin.some((p) => p.text.includes('college savings'))).toBe(false);
  });

  it('marks a post the platform accepted but never shows as needs-check, and notifies the advisor with a link', async () => {
    await request(stack.sandboxUrl).put('/__admin/linkedin/settings').send({ ghostMembers: [advisor.user.email] }).expect(200);
    const contentId = await approvedPost(stack, advisor, 'A reminder that open enrollment for workplace benefits closes at the end of the month.');
    const res = await api().post('/api/social/publish').set(as(advisor)).send({ contentId, connectionId: linkedinId }).expect(201);
    const p = await settled(res.body.data.id);
    await request(stack.sandboxUrl).put('/__admin/linkedin/settings').send({ ghostMembers: [] }).expect(200);
    expect(p.status).toBe('needs_check');
    expect(p.needsCheckReason).toMatch(/accepted the post but it is not visible/);
    expect(p.externalId).toMatch(/^urn:li:share:/);
    const note = events.find((e) => e.type === 'notification' && e.payload.publicationId === res.body.data.id);
    expect(note?.payload).toMatchObject({ kind: 'publication.needs_check', link: `http://web.test/published?publication=${res.body.data.id}` });
    expect(events.some((e) => e.type === 'publish.status' && e.payload.publicationId === res.body.data.id && e.payload.status === 'needs_check')).toBe(true);
  });

  it('never resends blindly after a call that got no answer: needs-check, then a person settles it', async () => {
    // LinkedIn holds the call past our timeout: the post may exist, and LinkedIn cannot list a member's posts.
    await request(stack.sandboxUrl).post('/__admin/faults').send({ linkedin: { id: 'hang', route: '/rest/posts', method: 'POST', kind: 'timeout', holdMs: 3000, times: 1 } }).expect(201);
    const text = 'Save the date: our spring client appreciation breakfast is on April 18.';
    const contentId = await approvedPost(stack, advisor, text);
    const res = await api().post('/api/social/publish').set(as(advisor)).send({ contentId, connectionId: linkedinId }).expect(201);
    const p = await settled(res.body.data.id);
    expect(p.status).toBe('needs_check');
    expect(p.needsCheckReason).toMatch(/may have reached linkedin/);
    expect(p.attempts.map((a: { state: string }) => a.state)).toEqual(['unknown']);
    expect((await inspector(stack)).linkedin.filter((x) => x.text === text)).toHaveLength(0);

    // "It is published" is checked against the platform first.
    const wrong = await api().post(`/api/social/publications/${p.id}/resolve`).set(as(advisor)).send({ outcome: 'published', externalId: 'urn:li:share:1' }).expect(409);
    expect(wrong.body.error.code).toBe('NOT_ON_PLATFORM');
    // "It is not there": sent again, through the gate, and published once.
    await api().post(`/api/social/publications/${p.id}/resolve`).set(as(advisor)).send({ outcome: 'not_published' }).expect(200);
    const done = await settled(p.id);
    expect(done.status).toBe('published');
    expect(done.attempts.map((a: { state: string }) => a.state)).toEqual(['reconciled', 'accepted']);
    expect((await inspector(stack)).linkedin.filter((x) => x.text === text)).toHaveLength(1);
    await api().post(`/api/social/publications/${p.id}/resolve`).set(as(advisor)).send({ outcome: 'not_published' }).expect(409);
  });

  it('a worker that died after the platform accepted a post: Facebook is reconciled from the Page, LinkedIn goes to a person', async () => {
    const ds = stack.api.app.get(DataSource);
    const crypto = stack.api.app.get(EncryptionService);
    const fbLogin = await connectFacebookPage(stack, advisor, PAGE);
    const cases = [
      { platform: 'facebook' as const, connectionId: fbLogin, text: 'Our team volunteered at the food bank this weekend. Thank you to everyone who joined us.' },
      { platform: 'linkedin' as const, connectionId: linkedinId, text: 'Our team volunteered at the food bank this weekend; thank you to all who came along.' },
    ];
    const ids: string[] = [];
    for (const c of cases) {
      const contentId = await approvedPost(stack, advisor, c.text, c.platform);
      const later = new Date(Date.now() + 3_600_000).toISOString();
      const res = await api().post('/api/social/publish').set(as(advisor)).send({ contentId, connectionId: c.connectionId, scheduledAt: later }).expect(201);
      const id = res.body.data.id as string;
      ids.push(id);
      // What a worker killed mid-call leaves behind: the attempt row written before the call, and the post on the platform.
      const [acct] = await ds.query(`SELECT external_id, access_token_enc FROM social_account WHERE id = $1`, [c.connectionId]);
      const token = crypto.decrypt(acct.access_token_enc, `social:${c.connectionId}`);
      if (c.platform === 'facebook') {
        await request(stack.sandboxUrl).post(`/facebook/graph/v23.0/${acct.external_id}/feed`).type('form').send({ message: c.text, access_token: token }).expect(200);
      } else {
        await request(stack.sandboxUrl)
          .post('/linkedin/rest/posts')
          .set({ authorization: `Bearer ${token}`, 'linkedin-version': stack.api.config.linkedin.version, 'x-restli-protocol-version': '2.0.0' })
          .send({ author: `urn:li:person:${acct.external_id}`, commentary: toLinkedInCommentary(c.text), visibility: 'PUBLIC', lifecycleState: 'PUBLISHED', distribution: { feedDistribution: 'MAIN_FEED' } })
          .expect(201);
      }
      await ds.query(`INSERT INTO publish_attempt (firm_id, publication_id, attempt_no, state, worker, started_at) VALUES ($1, $2, 1, 'sending', 'killed-worker', now() - interval '2 seconds')`, [advisor.user.firmId, id]);
      await ds.query(`UPDATE publication SET status = 'publishing', scheduled_at = now() WHERE id = $1`, [id]);
      const [{ submission_id }] = await ds.query(`SELECT submission_id FROM publication WHERE id = $1`, [id]);
      await (await publishingQueue(stack).getJob(`publish:${submission_id}:${c.connectionId}`))!.promote();
    }
    const fb = await settled(ids[0]);
    expect(fb.status).toBe('published');
    expect(fb.attempts).toEqual([expect.objectContaining({ attemptNo: 1, state: 'accepted', error: 'outcome was unknown; found on the platform' })]);
    const li = await settled(ids[1]);
    expect(li.status).toBe('needs_check');
    expect(li.needsCheckReason).toMatch(/the worker stopped during the call/);
    const seen = await inspector(stack);
    expect(seen.facebook.filter((x) => x.message === cases[0].text)).toHaveLength(1);
    expect(seen.linkedin.filter((x) => x.text === cases[1].text)).toHaveLength(1);
  });

  it('backs off on 5xx, dead-letters after the last attempt, and lets an admin inspect and retry', async () => {
    await request(stack.sandboxUrl).post('/__admin/faults').send({ linkedin: { id: 'posts-down', route: '/rest/posts', method: 'POST', status: 503 } }).expect(201);
    const contentId = await approvedPost(stack, advisor, 'Our quarterly newsletter is out: practical checklists for year-end paperwork.');
    const res = await api().post('/api/social/publish').set(as(advisor)).send({ contentId, connectionId: linkedinId }).expect(201);
    const failed = await settled(res.body.data.id);
    expect(failed.status).toBe('failed');
    expect(failed.attempts.map((x: { state: string }) => x.state)).toEqual(['failed', 'failed', 'failed']);
    expect(events.some((e) => e.type === 'notification' && e.payload.publicationId === res.body.data.id && e.payload.kind === 'publication.failed')).toBe(true);

    await api().get('/api/social/dead-letters').set(as(advisor)).expect(403);
    const dl = await api().get('/api/social/dead-letters').set(as(admin)).expect(200);
    expect(dl.body.data.items.map((x: { id: string }) => x.id)).toContain(res.body.data.id);

    await request(stack.sandboxUrl).delete('/__admin/faults/linkedin').expect(200);
    await api().post(`/api/social/dead-letters/${res.body.data.id}/retry`).set(as(admin)).expect(200);
    const ok = await settled(res.body.data.id);
    expect(ok.status).toBe('published');
    expect((await inspector(stack)).linkedin.filter((p) => p.text.startsWith('Our quarterly newsletter'))).toHaveLength(1);
  });

  it('asks for a re-connect when the platform refuses the token, and fails the post with a notification', async () => {
    const contentId = await approvedPost(stack, advisor, 'Tip of the week: keep a simple list of every account and beneficiary in one safe place.');
    await request(stack.sandboxUrl).post(`/__admin/linkedin/members/${advisor.user.email}/revoke`).expect(200);
    const res = await api().post('/api/social/publish').set(as(advisor)).send({ contentId, connectionId: linkedinId }).expect(201);
    const p = await settled(res.body.data.id);
    expect(p.status).toBe('failed');
    expect(p.lastError).toMatch(/REVOKED_ACCESS_TOKEN.*Re-connect/);
    const list = await api().get('/api/social/connections').set(as(advisor)).expect(200);
    expect(list.body.data.find((c: { id: string }) => c.id === linkedinId)).toMatchObject({ status: 'reconnect_required', health: 'error' });
    expect(events.some((e) => e.type === 'notification' && e.payload.kind === 'connection.reconnect_required')).toBe(true);
    await api().post('/api/social/publish').set(as(advisor)).send({ contentId: await approvedPost(stack, advisor, 'Another tip: review your emergency fund once a year.'), connectionId: linkedinId }).expect(409);
    // Re-connecting the same member renews the same connection; posting again sends the failed publication.
    expect(await connectLinkedIn(stack, advisor)).toBe(linkedinId);
    const again = await api().post('/api/social/publish').set(as(advisor)).send({ contentId, connectionId: linkedinId }).expect(201);
    expect(again.body.data.id).toBe(res.body.data.id);
    expect((await settled(res.body.data.id)).status).toBe('published');
  });

  it('tracks expiry: refreshes partner tokens, prompts a re-connect from 7 days before expiry, marks expired ones', async () => {
    const ds = stack.api.app.get(DataSource);
    const connections = stack.api.app.get(ConnectionsService);
    await ds.query(`UPDATE social_account SET token_expires_at = now() + interval '3 days' WHERE id = $1`, [linkedinId]);
    expect(await connections.checkExpiries()).toMatchObject({ expiring: 1 });
    const warned = (await api().get('/api/social/connections').set(as(advisor)).expect(200)).body.data.find((c: { id: string }) => c.id === linkedinId);
    expect(warned).toMatchObject({ status: 'expiring', health: 'warning', daysLeft: 2 });
    expect(warned.message).toMatch(/expires in 3 day/);
    expect(events.some((e) => e.type === 'notification' && e.payload.kind === 'connection.expiring')).toBe(true);
    await ds.query(`UPDATE social_account SET token_expires_at = now() - interval '1 minute' WHERE id = $1`, [linkedinId]);
    expect(await connections.checkExpiries()).toMatchObject({ expired: 1 });

    // A LinkedIn partner app gets refresh tokens: the check renews the token instead of prompting.
    await request(stack.sandboxUrl).put('/__admin/linkedin/settings').send({ partnerMode: true }).expect(200);
    expect(await connectLinkedIn(stack, advisor)).toBe(linkedinId);
    await ds.query(`UPDATE social_account SET token_expires_at = now() + interval '2 days' WHERE id = $1`, [linkedinId]);
    expect(await connections.checkExpiries()).toMatchObject({ refreshed: 1 });
    const renewed = (await api().get('/api/social/connections').set(as(advisor)).expect(200)).body.data.find((c: { id: string }) => c.id === linkedinId);
    expect(renewed).toMatchObject({ status: 'active', health: 'ok', canRefresh: true });
    expect(renewed.daysLeft).toBeGreaterThanOrEqual(59);
  });

  it('disconnects an account; publishing to it is refused', async () => {
    const contentId = await approvedPost(stack, advisor, 'We are hiring a client service associate; please share with anyone who loves helping families.', 'facebook');
    await api().delete(`/api/social/connections/${facebookId}`).set(as(advisor)).expect(200);
    await api().post('/api/social/publish').set(as(advisor)).send({ contentId, connectionId: facebookId }).expect(404);
    const list = await api().get('/api/social/connections').set(as(advisor)).expect(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain(facebookId);
  });
});
