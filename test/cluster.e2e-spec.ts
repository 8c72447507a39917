import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, freePort, until } from '../apps/api/test/utils';
import { childPids as childrenOf, isAlive } from '../bench/lib/procfs';

/**
 * API_PROCESSES=2 runs two HTTP processes on one port under a supervising primary: both serve,
 * a killed one is replaced without a human, and SIGTERM stops them all.
 */
const root = join(__dirname, '..');

describe('several HTTP processes on one port (API_PROCESSES)', () => {
  let api: ChildProcess | undefined;
  let drop: (() => Promise<void>) | undefined;
  let logs = '';

  afterAll(async () => {
    if (api?.pid) for (const c of childrenOf(api.pid)) process.kill(c, 'SIGKILL');
    api?.kill('SIGKILL');
    await drop?.();
  });

  it('serves on one port from two processes, replaces a killed one and stops on SIGTERM', async () => {
    if (!existsSync(join(root, 'dist/apps/api/src/main.js'))) throw new Error('Run `npm run build` first (CI does).');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const db = await createTestDatabase();
    drop = db.drop;
    api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', API_ROLE: 'api', API_PROCESSES: '2', PORT: String(port), DATABASE_URL: db.url, REDIS_PREFIX: `cluster${port}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (d: Buffer) => (logs += d.toString()));
    api.stderr!.on('data', (d: Buffer) => (logs += d.toString()));
    const primary = api.pid!;
    let exitedEarly: string | undefined;
    api.once('exit', (code) => (exitedEarly = `the API exited with ${code}: ${logs.slice(-500)}`));
    const alive = () => {
      if (exitedEarly) throw new Error(exitedEarly);
    };

    const live = async () => (alive(), await fetch(`${base}/health/live`).catch(() => null))?.status ?? 0;
    await until('the API to answer', live, (s) => s === 200, 60_000);
    const first = await until('two HTTP processes', () => childrenOf(primary), (c) => c.length === 2, 60_000);
    await until('both processes to listen', () => logs.match(/"msg":"HTTP processes started"/g)?.length ?? 0, (n) => n === 1);

    // each new connection goes to one of the processes: many requests, all answered
    const statuses = await Promise.all(Array.from({ length: 40 }, () => live()));
    expect(statuses.every((s) => s === 200)).toBe(true);

    process.kill(first[0], 'SIGKILL');
    const after = await until('a replacement process', () => childrenOf(primary), (c) => c.length === 2 && !c.includes(first[0]), 60_000);
    expect(after).toContain(first[1]);
    expect(logs).toMatch(/HTTP process exited; starting a replacement/);
    await until('the replacement to serve', async () => (await Promise.all(Array.from({ length: 20 }, () => live()))).every((s) => s === 200), (ok) => ok);

    api.removeAllListeners('exit');
    const exited = new Promise<number | null>((resolve) => api!.once('exit', (code) => resolve(code)));
    api.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until('the HTTP processes to stop', () => after.filter(isAlive), (alive) => alive.length === 0);
  }, 180_000);

  it('keeps retrying while no process can start, and starts them all once one can', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // something else holds the port: every HTTP process fails to listen and exits
    const blocker = createServer().listen(port, '0.0.0.0');
    await new Promise((r) => blocker.once('listening', r));
    const db = await createTestDatabase();
    const dropSecond = db.drop;
    let out = '';
    const primary = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', API_ROLE: 'api', API_PROCESSES: '2', PORT: String(port), DATABASE_URL: db.url, REDIS_PREFIX: `cluster${port}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    primary.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    let exitCode: number | null | undefined;
    primary.once('exit', (code) => (exitCode = code));
    try {
      await until('two failed starts', () => out.match(/HTTP process exited; starting a replacement/g)?.length ?? 0, (n) => n >= 2, 60_000);
      expect(exitCode).toBeUndefined(); // the primary waits for the next try instead of exiting
      await new Promise((r) => blocker.close(r));
      await until('the API to answer', async () => (await fetch(`${base}/health/live`).catch(() => null))?.status ?? 0, (st) => st === 200, 60_000);
      await until('both HTTP processes', () => childrenOf(primary.pid!).length, (n) => n === 2, 60_000);
      await until('the scale-up log line', () => out.includes('HTTP processes started'), (ok) => ok);
    } finally {
      blocker.close();
      for (const c of childrenOf(primary.pid!)) process.kill(c, 'SIGKILL');
      primary.kill('SIGKILL');
      await dropSecond();
    }
  }, 180_000);
});
