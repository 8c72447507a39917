import request from 'supertest';
import { signIn, Stack, startStack } from './stack';

describe('observability: metrics, ops overview, queue dashboard', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack?.close());

  it('exposes Prometheus metrics with HTTP latency per route, queues and breakers', async () => {
    await request(stack.api.url).get('/health/live').expect(200);
    const res = await request(stack.api.url).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/aftermeet_http_request_duration_seconds_bucket\{[^}]*route="\/health\/live"/);
    expect(res.text).toMatch(/aftermeet_breaker_state\{provider="recall"\} 0/);
    expect(res.text).toMatch(/aftermeet_queue_jobs\{queue="[a-z-]+",state="waiting"\}/);
  });

  it('gives admins the ops overview and the queue dashboard, and nobody else', async () => {
    const admin = await signIn(stack, 'ann.lee@leewealth.example');
    await request(stack.api.url).post('/api/firm/invitations').set('authorization', `Bearer ${admin.accessToken}`).send({ email: 'marcus.chen@leewealth.example', role: 'advisor' }).expect(201);
    const advisor = await signIn(stack, 'marcus.chen@leewealth.example');

    const ov = await request(stack.api.url).get('/api/ops/overview').set('authorization', `Bearer ${admin.accessToken}`).expect(200);
    expect(ov.body.data.dependencies).toMatchObject({ postgres: 'up', redis: 'up' });
    expect(ov.body.data.breakers).toMatchObject({ openai: 'closed' });
    expect(ov.body.data.queues.length).toBeGreaterThan(0);
    await request(stack.api.url).get('/api/ops/overview').set('authorization', `Bearer ${advisor.accessToken}`).expect(403);

    await request(stack.api.url).get('/admin/queues').expect(401);
    await request(stack.api.url).get(`/admin/queues?access_token=${advisor.accessToken}`).expect(401);
    const enter = await request(stack.api.url).get(`/admin/queues?access_token=${admin.accessToken}`).expect(302);
    const cookie = (enter.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const page = await request(stack.api.url).get('/admin/queues').set('cookie', cookie).expect(200);
    expect(page.text).toMatch(/<html/i);
  });
});
