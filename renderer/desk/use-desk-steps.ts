import { useCallback, useRef, useState } from 'react';
import { DeskFailure } from '../../shared/errors.js';
import { hubReachableNow } from '../api/use-hub-reachable.js';
import { text } from '../i18n/text.js';

/** A refusal, said beside the control it answers (`where`: 'recall', 'call-C014'…). */
export interface Refusal {
  where: string;
  message: string;
}

export interface DeskSteps {
  /** The control whose call is out; every other step waits for it. */
  busy: string | null;
  refusal: Refusal | null;
  /** Makes one call; its answer goes to `done`, a refusal to `refusal` (the core's own words). False when refused or not sent. */
  run<T>(where: string, call: () => Promise<T>, done: (result: T) => void): Promise<boolean>;
  refuse(where: string, message: string): void;
  clear(): void;
}

export function refusalMessage(error: unknown): string {
  return error instanceof DeskFailure ? error.message : text.errors.unexpected;
}

/**
 * One step at a time at a desk: a second press while a call is out does nothing (the first
 * may already have called someone), each refusal replaces the last, and nothing is sent while
 * the hub cannot be reached.
 */
export function useDeskSteps(): DeskSteps {
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const out = useRef(false);

  const run = useCallback(async <T>(where: string, call: () => Promise<T>, done: (result: T) => void): Promise<boolean> => {
    if (out.current) return false;
    // Its buttons say why beside them (needs-hub.tsx); a key press (F2) must not send either.
    if (!hubReachableNow()) return false;
    out.current = true;
    setBusy(where);
    setRefusal(null);
    try {
      const result = await call();
      done(result);
      return true;
    } catch (error) {
      setRefusal({ where, message: refusalMessage(error) });
      return false;
    } finally {
      out.current = false;
      setBusy(null);
    }
  }, []);

  const refuse = useCallback((where: string, message: string) => setRefusal({ where, message }), []);
  const clear = useCallback(() => setRefusal(null), []);
  return { busy, refusal, run, refuse, clear };
}
