import SwaggerParser from '@apidevtools/swagger-parser';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, freePort } from '../apps/api/test/utils';
import { launchChromium } from './browser';

const root = join(__dirname, '..');

describe('npm start: the whole product on a fresh database', () => {
  let proc: ChildProcess;
  let output = '';
  let url = '';
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const built = existsSync(join(root, 'dist/apps/api/src/main.js')) && existsSync(join(root, 'dist/web/index.html'));
    proc = spawn(process.execPath, ['scripts/start.mjs', ...(built ? ['--no-build'] : [])], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url, REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: `start${port}`, PORT: String(port), SANDBOX_PORT: String(sandboxPort), LOG_LEVEL: 'warn', PUBLIC_URL: `http://localhost:${port}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output.slice(-3000)}`)), 150_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        const m = /Aftermeet is running: (\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          url = m[1];
          resolve();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`)));
    });
  }, 180_000);

  afterAll(async () => {
    if (proc && proc.exitCode === null) {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    }
    await drop?.();
  });

  it('answers /health/ready with each dependency', async () => {
    const res = await fetch(`${url}/health/ready`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { dependencies: Record<string, { status: string }> } };
    expect(body.data.dependencies.postgres.status).toBe('up');
    expect(body.data.dependencies.redis.status).toBe('up');
    expect(Object.keys(body.data.dependencies).some((k) => k.startsWith('queue:'))).toBe(true);
  });

  it('serves a valid OpenAPI 3 document', async () => {
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(doc as never)).resolves.toBeTruthy();
  });

  it('loads the SPA in headless Chromium', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.getByTestId('sign-in-google').waitFor({ timeout: 15_000 });
      expect(await page.title()).toMatch(/Aftermeet/);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
