/** Child processes for benches and fault scenarios: spawn with logs to a file, wait for HTTP, sample CPU from /proc, stop by pid. */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { childPids, cpuTicks } from './procfs';

export const ROOT = join(__dirname, '..', '..');
export const LOG_DIR = process.env.BENCH_LOG_DIR ?? join('/tmp', `aftermeet-bench-${process.pid}`);
mkdirSync(LOG_DIR, { recursive: true });

const CLK_TCK = 100; // getconf CLK_TCK on Linux x86-64

export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  exited: Promise<number | null>;
}

const live = new Set<Proc>();

export function startProc(name: string, cmd: string, args: string[], env: Record<string, string>, opts: { cwd?: string } = {}): Proc {
  const logFile = join(LOG_DIR, `${name}.log`);
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  out.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const p: Proc = { name, child, pid: child.pid!, logFile, exited };
  live.add(p);
  void exited.then(() => live.delete(p));
  return p;
}

export async function stopProc(p: Proc, signal: NodeJS.Signals = 'SIGTERM', graceMs = 8000): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  try {
    process.kill(p.pid, signal);
  } catch {
    return;
  }
  const t = setTimeout(() => {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, graceMs);
  await p.exited;
  clearTimeout(t);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((p) => stopProc(p)));
}

let cleanupHooks: (() => Promise<void>)[] = [];
export function onCleanup(fn: () => Promise<void>): void {
  cleanupHooks.unshift(fn);
}
export async function cleanup(): Promise<void> {
  await stopAll();
  const hooks = cleanupHooks;
  cleanupHooks = [];
  for (const h of hooks) await h().catch((e) => console.error('cleanup:', (e as Error).message));
}
let exiting = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (exiting) return;
    exiting = true;
    console.error(`\n${sig}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitHttp(url: string, timeoutMs = 60_000, proc?: Proc): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) throw new Error(`${proc.name} exited while starting; see ${proc.logFile}:\n${tail(proc.logFile)}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})${proc ? `; see ${proc.logFile}:\n${tail(proc.logFile)}` : ''}`);
}

export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** A process and its children (the HTTP processes of a cluster primary). */
export function withChildren(pid: number | undefined): number[] {
  return pid ? [pid, ...childPids(pid)] : [];
}

/** Samples CPU% (100 = one core) of named processes (a name may cover several pids) every intervalMs; stop() returns mean, p90 and peak per name. */
export function sampleCpu(targets: { name: string; pid?: number; pids?: number[] | (() => number[]) }[], intervalMs = 500) {
  type T = { pid?: number; pids?: number[] | (() => number[]) };
  const pidsOf = (t: T) => (typeof t.pids === 'function' ? t.pids() : (t.pids ?? (t.pid ? [t.pid] : [])));
  // Per-pid deltas, so a process set that changes (pooled connections) is still counted.
  const lastByPid = new Map<string, number>();
  const startTicks = (t: T & { name: string }) =>
    pidsOf(t).reduce((sum, p) => {
      const v = cpuTicks(p) ?? 0;
      lastByPid.set(`${t.name}/${p}`, v);
      return sum + v;
    }, 0);
  const cumulative = new Map<string, number>();
  const ticksOf = (t: T & { name: string }) => {
    let delta = 0;
    for (const p of pidsOf(t)) {
      const v = cpuTicks(p);
      if (v === null) continue;
      const before = lastByPid.get(`${t.name}/${p}`);
      delta += before === undefined ? 0 : v - before;
      lastByPid.set(`${t.name}/${p}`, v);
    }
    const total = (cumulative.get(t.name) ?? 0) + delta;
    cumulative.set(t.name, total);
    return total;
  };
  const samples = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  const prev = new Map<string, { ticks: number; at: number }>();
  for (const t of targets) {
    startTicks(t);
    cumulative.set(t.name, 0);
    prev.set(t.name, { ticks: 0, at: Date.now() });
  }
  const start = new Map(prev);
  const timer = setInterval(() => {
    for (const t of targets) {
      const ticks = ticksOf(t);
      const now = Date.now();
      const p = prev.get(t.name)!;
      const pct = ((ticks - p.ticks) / CLK_TCK / ((now - p.at) / 1000)) * 100;
      samples.get(t.name)!.push(pct);
      prev.set(t.name, { ticks: Math.max(ticks, p.ticks), at: now });
    }
  }, intervalMs);
  return {
    stop(): Record<string, { mean: number; p90: number; max: number }> {
      clearInterval(timer);
      const out: Record<string, { mean: number; p90: number; max: number }> = {};
      for (const t of targets) {
        const s = samples.get(t.name)!;
        const st = start.get(t.name)!;
        const last = prev.get(t.name)!;
        const mean = last.at > st.at ? ((last.ticks - st.ticks) / CLK_TCK / ((last.at - st.at) / 1000)) * 100 : 0;
        const sorted = [...s].sort((a, b) => a - b);
        out[t.name] = { mean, p90: sorted[Math.floor(sorted.length * 0.9)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
      }
      return out;
    },
  };
}

/** Whole-machine CPU busy % (100 = all cores) between two reads of /proc/stat. */
export function machineCpu(): () => number {
  const read = () => {
    const l = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
    const idle = l[3] + l[4];
    const total = l.reduce((a, b) => a + b, 0);
    return { idle, total };
  };
  const a = read();
  return () => {
    const b = read();
    return (1 - (b.idle - a.idle) / (b.total - a.total)) * 100;
  };
}

/** Pids of postgres backends etc. are not ours; find the redis-server / postgres pid listening on a port for CPU sampling. */
export function pidOfListener(port: number): number | null {
  try {
    const hex = port.toString(16).toUpperCase().padStart(4, '0');
    const inodes = new Set<string>();
    for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
      for (const line of readFileSync(f, 'utf8').split('\n').slice(1)) {
        const c = line.trim().split(/\s+/);
        if (c.length > 9 && c[1].endsWith(`:${hex}`) && c[3] === '0A') inodes.add(c[9]);
      }
    }
    const { readdirSync, readlinkSync } = require('node:fs') as typeof import('node:fs');
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let fds: string[] = [];
      try {
        fds = readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          const l = readlinkSync(`/proc/${pid}/fd/${fd}`);
          const m = /^socket:\[(\d+)\]$/.exec(l);
          if (m && inodes.has(m[1])) return Number(pid);
        } catch {
          /* raced */
        }
      }
    }
  } catch {
    /* not linux */
  }
  return null;
}
