/** Reading /proc without side effects: shared by the benches and the tests that watch child processes. */
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), or null once it is gone. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Live processes whose parent is `pid` (the HTTP processes of a cluster primary), zombies excluded. */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(entry);
    if (f && f[0] !== 'Z' && Number(f[1]) === pid) out.push(Number(entry));
  }
  return out.sort((a, b) => a - b);
}

/** Whether a process is alive (neither gone nor a zombie). */
export function isAlive(pid: number): boolean {
  const f = statFields(pid);
  return !!f && f[0] !== 'Z';
}

/** utime+stime of a pid in clock ticks, or null once it is gone. */
export function cpuTicks(pid: number): number | null {
  const f = statFields(pid);
  return f ? Number(f[11]) + Number(f[12]) : null;
}
