import cluster, { type Worker } from 'node:cluster';
import pino from 'pino';
import type { AppConfig } from '../config/config';

/** A process that dies sooner than this after starting is failing at boot: back off before the next try. */
const CRASH_WINDOW_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Supervises `config.http.processes` HTTP processes that share the port (node:cluster hands each
 * new connection to one of them). The first process starts alone so that it runs the database
 * migrations before the others boot; a process that exits unexpectedly is replaced, with a
 * growing delay while it keeps failing at boot. SIGTERM/SIGINT stop the children gracefully
 * (each closes its server and queues) and the primary exits when they are gone.
 */
export function runClusterPrimary(config: AppConfig): void {
  const log = pino({ level: config.logLevel, base: { pid: process.pid, role: 'http-primary' } });
  let stopping = false;
  let failures = 0;
  const startedAt = new Map<number, number>();

  const fork = (): Worker => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    failures = lived < CRASH_WINDOW_MS ? failures + 1 : 0;
    const delay = Math.min(MAX_BACKOFF_MS, failures === 0 ? 0 : 500 * 2 ** (failures - 1));
    log.error({ workerPid: worker.process.pid, code, signal, restartInMs: delay }, 'HTTP process exited; starting a replacement');
    // not unref'd: while the only process is down, this timer is what keeps the primary alive
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });

  // the others start once one process listens (migrations done), even if that is a replacement
  let scaledUp = false;
  cluster.on('listening', () => {
    if (scaledUp || stopping) return;
    scaledUp = true;
    for (let i = 1; i < config.http.processes; i++) fork();
    log.info({ processes: config.http.processes, port: config.port }, 'HTTP processes started');
  });
  fork();

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping HTTP processes');
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w.process.kill('SIGTERM');
    // a child that does not finish its shutdown in time is not allowed to keep the primary alive
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(1);
    }, 20_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
