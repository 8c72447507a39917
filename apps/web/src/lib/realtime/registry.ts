import type { QueryClient, QueryKey } from '@tanstack/react-query';

export type RealtimePayload = Record<string, unknown>;

/**
 * What one event does to the cache. Features register entries at module load
 * (features/<feature>/realtime.ts); the stream hook only looks them up.
 */
export interface RealtimeHandler {
  /** Query keys to invalidate (prefix match) for this event. */
  invalidate?: (payload: RealtimePayload) => QueryKey[];
  /** Patch the cache in place, for changes that should show without a refetch. */
  update?: (client: QueryClient, payload: RealtimePayload) => void;
  /** Side effects such as a notification. */
  notify?: (payload: RealtimePayload) => void;
}

export const REALTIME_EVENT_TYPES = [
  'meeting.updated',
  'bot.status',
  'bot.alert',
  'transcript.ready',
  'drafts.ready',
  'post.updated',
  'review.updated',
  'publish.status',
  'notification',
] as const;
export type RealtimeEventType = (typeof REALTIME_EVENT_TYPES)[number];

const table = new Map<string, RealtimeHandler[]>();

export function registerRealtime(type: RealtimeEventType, handler: RealtimeHandler): () => void {
  const list = table.get(type) ?? [];
  list.push(handler);
  table.set(type, list);
  return () => table.set(type, (table.get(type) ?? []).filter((h) => h !== handler));
}

export function dispatchRealtime(client: QueryClient, type: string, payload: RealtimePayload): void {
  for (const handler of table.get(type) ?? []) {
    try {
      handler.update?.(client, payload);
      for (const queryKey of handler.invalidate?.(payload) ?? []) void client.invalidateQueries({ queryKey });
      handler.notify?.(payload);
    } catch (err) {
      console.error(`realtime handler for ${type} failed`, err);
    }
  }
}

/** Event types that have at least one handler (plus the fixed list), for addEventListener. */
export function knownEventTypes(): string[] {
  return [...new Set<string>([...REALTIME_EVENT_TYPES, ...table.keys()])];
}
