/**
 * Sandbox time = real time + offset. advance() moves the offset forward (token expiry, sync-token
 * age, Recall join_at). `scale` compresses simulated durations: after(ms) fires after ms/scale real
 * milliseconds, or at once when advance() covers the remaining simulated time.
 */
export interface TimerHandle {
  cancel(): void;
}

interface PendingTimer {
  id: number;
  /** 'abs': due when nowMs() >= due. 'sim': due when simElapsed() >= due. */
  kind: 'abs' | 'sim';
  due: number;
  fn: () => void;
  timer?: NodeJS.Timeout;
}

const MAX_TIMEOUT = 2_000_000_000;

export class SandboxClock {
  scale: number;
  private offsetMs = 0;
  /** Real time at construction, and simulated milliseconds gained through advance(). */
  private readonly realStart = Date.now();
  private advancedMs = 0;
  private readonly timers = new Map<number, PendingTimer>();
  private nextId = 1;
  /** While a timer callback runs: the simulated instant it was due, so chained after() calls keep their spacing across advance(). */
  private firingSimBase: number | null = null;

  constructor(scale = 1, startAt?: Date) {
    this.scale = scale;
    if (startAt) this.offsetMs = startAt.getTime() - Date.now();
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves sandbox time forward; everything due by then fires now, in due order. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('advance(ms) needs a finite ms >= 0');
    this.offsetMs += ms;
    this.advancedMs += ms;
    this.fireDue();
  }

  /** Back to real time, all timers cancelled (admin reset). */
  reset(): void {
    this.dispose();
    this.offsetMs = 0;
    this.advancedMs = 0;
  }

  /** Simulated milliseconds elapsed: real elapsed × scale + advanced. */
  private simElapsed(): number {
    return (Date.now() - this.realStart) * this.scale + this.advancedMs;
  }

  /**
   * Simulated milliseconds since the clock started (real elapsed × scale + advanced); inside a timer
   * callback, the instant that timer was due. Differences between two readings are simulated durations.
   */
  simNowMs(): number {
    return this.firingSimBase ?? this.simElapsed();
  }

  /** Runs fn once the sandbox clock reaches `at` (real waiting is not scaled: that is a wall-clock appointment). */
  at(at: Date | number, fn: () => void): TimerHandle {
    const due = typeof at === 'number' ? at : at.getTime();
    return this.add({ kind: 'abs', due, fn });
  }

  /** Runs fn after a simulated duration: ms / scale real milliseconds, shortened by advance(). */
  after(simMs: number, fn: () => void): TimerHandle {
    const base = this.firingSimBase ?? this.simElapsed();
    return this.add({ kind: 'sim', due: base + Math.max(0, simMs), fn });
  }

  /**
   * Sandbox time at which the currently firing timer was logically due (equals nowMs() outside callbacks).
   * Use it for event timestamps so a jump with advance() still yields a plausible, ordered history.
   */
  logicalNowMs(): number {
    if (this.firingSimBase === null) return this.nowMs();
    const lag = Math.max(0, this.simElapsed() - this.firingSimBase);
    return this.nowMs() - Math.min(lag, this.advancedMs + (Date.now() - this.realStart));
  }

  logicalNow(): Date {
    return new Date(this.logicalNowMs());
  }

  /** Promise form of after(). */
  sleepScaled(simMs: number): Promise<void> {
    return new Promise((resolve) => this.after(simMs, resolve));
  }

  /** Real milliseconds a simulated duration takes at the current scale. */
  scaled(simMs: number): number {
    return simMs / this.scale;
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  dispose(): void {
    for (const t of this.timers.values()) if (t.timer) clearTimeout(t.timer);
    this.timers.clear();
  }

  private add(spec: Omit<PendingTimer, 'id'>): TimerHandle {
    const t: PendingTimer = { ...spec, id: this.nextId++ };
    this.timers.set(t.id, t);
    this.arm(t);
    return { cancel: () => this.cancel(t.id) };
  }

  private cancel(id: number): void {
    const t = this.timers.get(id);
    if (!t) return;
    if (t.timer) clearTimeout(t.timer);
    this.timers.delete(id);
  }

  private remainingReal(t: PendingTimer): number {
    return t.kind === 'abs' ? t.due - this.nowMs() : (t.due - this.simElapsed()) / this.scale;
  }

  private arm(t: PendingTimer): void {
    if (t.timer) clearTimeout(t.timer);
    const wait = Math.max(0, Math.min(MAX_TIMEOUT, Math.ceil(this.remainingReal(t))));
    t.timer = setTimeout(() => {
      if (!this.timers.has(t.id)) return;
      if (this.remainingReal(t) > 0.5) return this.arm(t);
      this.timers.delete(t.id);
      this.run(t);
    }, wait);
    t.timer.unref?.();
  }

  private simDue(t: PendingTimer): number {
    return t.kind === 'sim' ? t.due : this.simElapsed() - (this.nowMs() - t.due);
  }

  private run(t: PendingTimer): void {
    const prev = this.firingSimBase;
    this.firingSimBase = this.simDue(t);
    try {
      t.fn();
    } finally {
      this.firingSimBase = prev;
    }
  }

  /** Fires every due timer, earliest first, including timers that callbacks chain within the jumped interval. */
  private fireDue(): void {
    for (let guard = 0; guard < 100_000; guard++) {
      let next: PendingTimer | undefined;
      for (const t of this.timers.values()) {
        if (this.remainingReal(t) > 0) continue;
        if (!next || this.simDue(t) < this.simDue(next) || (this.simDue(t) === this.simDue(next) && t.id < next.id)) next = t;
      }
      if (!next) return;
      if (next.timer) clearTimeout(next.timer);
      this.timers.delete(next.id);
      this.run(next);
    }
  }
}
