import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function start(env: Record<string, string>) {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, '..', 'src', 'main.ts')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

describe('sandbox entry point (src/main.ts)', () => {
  it('logs one line with its URL, serves, and exits 0 on SIGTERM', async () => {
    const p = start({ SANDBOX_PORT: '0', RECALL_WEBHOOK_URL: '' });
    const deadline = Date.now() + 20_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      url = /listening on (http:\/\/localhost:\d+)/.exec(p.output())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    expect(url).toBeDefined();
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    // the public URL followed the real port
    const disco = (await (await fetch(`${url}/google/.well-known/openid-configuration`)).json()) as { issuer: string };
    expect(disco.issuer).toBe(`${url}/google`);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 30_000);

  it('refuses an invalid setting with one line naming it', async () => {
    const p = start({ SANDBOX_TIME_SCALE: 'fast' });
    expect(await p.exited).toBe(1);
    expect(p.output().trim()).toMatch(/^Invalid sandbox setting SANDBOX_TIME_SCALE: .*$/);
  }, 30_000);
});
