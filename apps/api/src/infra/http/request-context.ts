import { AsyncLocalStorage } from 'node:async_hooks';

export type Role = 'advisor' | 'compliance_officer' | 'admin';

/** Who is acting: a signed-in user, an integrator's API key, or the system (jobs, webhooks). */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string;
  userId?: string;
  firmId?: string;
  role?: Role;
  scope?: 'read' | 'read-write';
}

export interface RequestStore {
  requestId: string;
  startedAt: number;
  actor?: Actor;
  complianceChecked?: boolean;
}

const storage = new AsyncLocalStorage<RequestStore>();

/** Per-request (or per-job) context, carried through async calls without passing it by hand. */
export const RequestContext = {
  run<T>(store: RequestStore, fn: () => T): T {
    return storage.run(store, fn);
  },
  current(): RequestStore | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  actor(): Actor | undefined {
    return storage.getStore()?.actor;
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
  markComplianceChecked(): void {
    const store = storage.getStore();
    if (store) store.complianceChecked = true;
  },
};
