import { useEffect, useState } from 'react';
import type { Platform, ValidateInput, ValidationResult } from '@compliance';

type Engine = typeof import('@compliance');
let engine: Promise<Engine> | null = null;
/** The engine (with its NLP model) is a separate chunk, loaded the first time a post is linted. */
const loadEngine = () => (engine ??= import('@compliance'));

export interface LiveLint {
  result: ValidationResult | null;
  checking: boolean;
  error: string | null;
}

/**
 * Runs the same compliance engine as the server (libs/compliance) in the browser while the
 * advisor types, debounced. The server's validation on save stays the one that counts.
 */
export function useLiveLint(content: string, platform: Platform, context?: ValidateInput['context'], { enabled = true, delay = 250 } = {}): LiveLint {
  const [state, setState] = useState<LiveLint>({ result: null, checking: enabled, error: null });
  const contextKey = JSON.stringify(context ?? {});
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      loadEngine()
        .then((e) => {
          if (cancelled) return;
          const result = e.validatePost({ content, platform, context: JSON.parse(contextKey) as ValidateInput['context'] });
          setState({ result, checking: false, error: null });
        })
        .catch((err: unknown) => !cancelled && setState({ result: null, checking: false, error: err instanceof Error ? err.message : 'The checker could not load' }));
    }, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [content, platform, contextKey, enabled, delay]);
  return state;
}
