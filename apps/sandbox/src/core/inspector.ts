/** In-memory record of what each provider received and did, for the /__inspector page and e2e assertions. */
export interface InspectorRecord {
  seq: number;
  /** Sandbox-clock ISO time. */
  at: string;
  provider: string;
  kind: string;
  payload: unknown;
}

export interface InspectorFilter {
  provider?: string;
  kind?: string;
  since?: number;
}

/** A provider's current state for the inspector (bots with their states, posts per account, ...). */
export type SnapshotFn = () => Record<string, unknown>;

export class Inspector {
  private records: InspectorRecord[] = [];
  private seq = 0;
  private readonly snapshots = new Map<string, SnapshotFn>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly limit = 10_000,
  ) {}

  record(provider: string, kind: string, payload: unknown): InspectorRecord {
    const rec: InspectorRecord = { seq: ++this.seq, at: this.now().toISOString(), provider, kind, payload };
    this.records.push(rec);
    if (this.records.length > this.limit) this.records.splice(0, this.records.length - this.limit);
    return rec;
  }

  list(filter: InspectorFilter = {}): InspectorRecord[] {
    return this.records.filter(
      (r) =>
        (!filter.provider || r.provider === filter.provider) &&
        (!filter.kind || r.kind === filter.kind) &&
        (filter.since === undefined || r.seq > filter.since),
    );
  }

  clear(): void {
    this.records = [];
  }

  registerSnapshot(provider: string, fn: SnapshotFn): void {
    this.snapshots.set(provider, fn);
  }

  snapshot(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [p, fn] of this.snapshots) out[p] = fn();
    return out;
  }
}
