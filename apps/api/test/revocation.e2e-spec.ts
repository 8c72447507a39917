import IORedis, { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { REDIS } from '../src/infra/redis/redis.module';
import { RevocationList, SYNC_WINDOW_MS } from '../src/modules/auth/revocation-list';
import { TokensService } from '../src/modules/auth/tokens.service';
import { startTestApp, TestApp, uniqueName, until } from './utils';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Revocations are answered from each process's memory, pushed over Redis pub/sub. Two API
 * instances share one Redis prefix (as API hosts do); each has its own database, which the
 * route used here does not need (an authenticated, firm-scoped list that is empty).
 */
describe('revocation pushed to every API instance', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: Redis;
  const prefix = uniqueName('amt_rev');
  const firmId = randomUUID();
  const path = `/api/content?meetingId=${randomUUID()}`;
  const token = (t: TestApp, claims: { sub?: string; sid?: string } = {}) => t.app.get(TokensService).signAccess({ sub: claims.sub ?? randomUUID(), fid: firmId, role: 'advisor', sid: claims.sid ?? randomUUID() }).accessToken;
  const list = (t: TestApp) => t.app.get(RevocationList);
  const get = (t: TestApp, accessToken: string) => request(t.url).get(path).set('authorization', `Bearer ${accessToken}`);
  const inSync = (t: TestApp) => until('revocations in sync', () => list(t).inSync(), Boolean, 10_000);
  const killSubscriber = async (t: TestApp) => {
    const clients = (await admin.client('LIST')) as string;
    const line = clients.split('\n').find((l) => l.includes(` name=aftermeet:revocations-sub:${list(t).instanceId} `));
    const id = /\bid=(\d+)/.exec(line ?? '')?.[1];
    expect(id).toBeDefined();
    await admin.client('KILL', 'ID', id!);
  };

  beforeAll(async () => {
    admin = new IORedis(REDIS_URL);
    [a, b] = await Promise.all([startTestApp({ REDIS_PREFIX: prefix }), startTestApp({ REDIS_PREFIX: prefix })]);
    await Promise.all([inSync(a), inSync(b)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await admin?.quit();
  });

  it('refuses a session ended in one instance on the next request to another, from memory', async () => {
    const sid = randomUUID();
    const t = token(a, { sid });
    await get(b, t).expect(200);
    const mget = jest.spyOn(b.app.get<Redis>(REDIS), 'mget');
    try {
      const started = Date.now();
      await a.app.get(TokensService).revokeFamily(sid, 'logout');
      // Every subscribed process acknowledged, so the call did not wait out the sync window.
      expect(Date.now() - started).toBeLessThan(SYNC_WINDOW_MS);
      const res = await get(b, t).expect(401);
      expect(res.body.error.message).toMatch(/session was ended/);
      await get(a, t).expect(401);
      await get(b, token(a)).expect(200); // other sessions are untouched
      expect(mget).not.toHaveBeenCalled();
    } finally {
      mget.mockRestore();
    }
  });

  it('refuses a removed user’s tokens issued before the removal, and accepts later ones', async () => {
    const sub = randomUUID();
    const before = token(a, { sub });
    await get(b, before).expect(200);
    await a.app.get(TokensService).revokeUser(sub);
    await get(b, before).expect(401);
    const later = b.app.get(TokensService).signAccess({ sub, fid: firmId, role: 'advisor', sid: randomUUID(), iat: Math.floor(Date.now() / 1000) + 2 } as never).accessToken;
    await get(b, later).expect(200);
  });

  it('falls back to reading Redis while the subscription is down, and reloads every revocation when it is back', async () => {
    const sid = randomUUID();
    const t = token(a, { sid });
    await get(b, t).expect(200);
    await killSubscriber(b);
    await until('b out of sync', () => list(b).inSync(), (v) => !v, 5_000);
    const mget = jest.spyOn(b.app.get<Redis>(REDIS), 'mget');
    try {
      await a.app.get(TokensService).revokeFamily(sid, 'logout');
      if (!list(b).inSync()) {
        await get(b, t).expect(401);
        expect(mget).toHaveBeenCalled();
      }
      await inSync(b);
      mget.mockClear();
      // Published while b was not subscribed: loaded from the keys after the reconnect.
      await get(b, t).expect(401);
      await get(b, token(a)).expect(200);
      expect(mget).not.toHaveBeenCalled();
    } finally {
      mget.mockRestore();
    }
  });

  it('loads revocations made before a process started, and refuses them before and after it is in sync', async () => {
    const sid = randomUUID();
    const t = token(a, { sid });
    await a.app.get(TokensService).revokeFamily(sid, 'logout');
    const c = await startTestApp({ REDIS_PREFIX: prefix });
    try {
      await get(c, t).expect(401); // whether or not c is in sync yet
      await inSync(c);
      await get(c, t).expect(401);
      await get(c, token(a)).expect(200);
    } finally {
      await c.close();
    }
  });

  it('forgets an entry when its key expires', async () => {
    const sid = randomUUID();
    const t = token(a, { sid });
    await list(a).revokeFamily(sid, 1);
    await get(b, t).expect(401);
    await new Promise((r) => setTimeout(r, 1100));
    await inSync(b); // answered from memory: the entry expired with its key
    await get(b, t).expect(200);
  });

  it('waits out the sync window when a subscriber does not acknowledge, so a silent one has stopped trusting its memory', async () => {
    const silent = new IORedis(REDIS_URL);
    try {
      await silent.subscribe(`${prefix}:revocations`);
      const started = Date.now();
      await a.app.get(TokensService).revokeFamily(randomUUID(), 'logout');
      expect(Date.now() - started).toBeGreaterThanOrEqual(SYNC_WINDOW_MS);
    } finally {
      await silent.quit();
    }
  });
});
