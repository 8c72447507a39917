import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { freshAccessToken } from '../api/client';
import { dispatchRealtime, knownEventTypes } from './registry';

export type RealtimeStatus = 'connecting' | 'open' | 'reconnecting' | 'off';

const MIN_DELAY = 1_000;
const MAX_DELAY = 30_000;

/**
 * One EventSource per signed-in session. Reconnects with exponential backoff and jitter, taking
 * a fresh access token each time (EventSource cannot send headers, so the token rides in the
 * query string). After a gap it invalidates every query, since events may have been missed.
 */
export function useRealtime(enabled: boolean): RealtimeStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<RealtimeStatus>(enabled ? 'connecting' : 'off');
  const attempt = useRef(0);

  useEffect(() => {
    if (!enabled) {
      setStatus('off');
      return;
    }
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let hadGap = false;

    const connect = async () => {
      if (stopped) return;
      const token = await freshAccessToken();
      if (stopped) return;
      if (!token) {
        setStatus('off');
        return;
      }
      setStatus(attempt.current === 0 ? 'connecting' : 'reconnecting');
      const es = new EventSource(`/api/events?access_token=${encodeURIComponent(token)}`);
      source = es;
      es.onopen = () => {
        attempt.current = 0;
        setStatus('open');
        if (hadGap) void client.invalidateQueries();
        hadGap = false;
      };
      const onEvent = (type: string) => (ev: MessageEvent) => {
        let payload: Record<string, unknown>;
        try {
          payload = ev.data ? (JSON.parse(ev.data as string) as Record<string, unknown>) : {};
        } catch {
          return;
        }
        dispatchRealtime(client, type, payload);
      };
      for (const type of knownEventTypes()) es.addEventListener(type, onEvent(type) as EventListener);
      const fail = () => {
        es.close();
        if (stopped) return;
        hadGap = true;
        attempt.current += 1;
        setStatus('reconnecting');
        const base = Math.min(MAX_DELAY, MIN_DELAY * 2 ** (attempt.current - 1));
        const delay = base * (0.75 + Math.random() * 0.5);
        timer = setTimeout(() => void connect(), delay);
      };
      es.onerror = fail;
      // The server says goodbye before a restart: reconnect (to another instance) after a pause.
      es.addEventListener('shutdown', fail);
    };

    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [enabled, client]);

  return status;
}
