/** A private redis-server on a free 127.0.0.1 port (never the shared 6379), which can be killed and restarted on the same port. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, LOG_DIR, Proc, sleep, startProc, stopProc } from './proc';

export class PrivateRedis {
  proc: Proc | null = null;
  private starts = 0;
  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort());
    await r.startProcess();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server (no persistence unless appendonly: a restart loses in-memory data, like a crash of a cache node without AOF). */
  async startProcess(opts: { appendonly?: boolean } = {}): Promise<void> {
    const dir = join(LOG_DIR, `redis-${this.port}`);
    mkdirSync(dir, { recursive: true });
    this.starts++;
    this.proc = startProc(`redis-${this.port}-${this.starts}`, 'redis-server', ['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', opts.appendonly ? 'yes' : 'no', '--appendfsync', 'everysec', '--dir', dir, '--protected-mode', 'no'], {});
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const c = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      c.on('error', () => undefined);
      try {
        await c.connect();
        await c.ping();
        c.disconnect();
        return;
      } catch {
        c.disconnect();
        await sleep(100);
      }
    }
    throw new Error(`redis-server on ${this.port} did not start`);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.proc) await stopProc(this.proc, signal, 2000);
    this.proc = null;
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
  }
}
