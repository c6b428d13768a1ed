import { useEffect, useRef, useState } from 'react';
import type { DisplayState } from '../../shared/domain/display.js';
import { useApi } from '../api/api-context.js';
import { useConnectionStore } from '../state/connection-store.js';
import { callKey, mergeCall } from './merge-call.js';

export interface LiveDisplay {
  state: DisplayState | null;
  /** Whether a call came after the screen first loaded: such a row is drawn to the eye once. */
  isNew(key: string): boolean;
}

/**
 * `getDisplayState`, fresh from the first moment: a pushed `ticket-called` goes on screen at
 * once and the state is fetched again behind it, as on every `queue-changed` (never by polling); every time the hub comes back (the event
 * socket reconnects after a restart) it is fetched again, so a display left running all day
 * heals without a reload.
 */
export function useDisplayState(): LiveDisplay {
  const api = useApi();
  const reachable = useConnectionStore((state) => state.reachable);
  const streamEpoch = useConnectionStore((state) => state.streamEpoch);
  const [state, setState] = useState<DisplayState | null>(null);
  const [firstSeen, setFirstSeen] = useState<ReadonlySet<string> | null>(null);
  const loadRef = useRef<(() => void) | null>(null);

  // Subscribed for the page's life, whatever the connection: the socket reconnects by itself.
  useEffect(() => {
    let live = true;
    // Answers can overtake each other: one asked before a newer answer or a pushed call is dropped.
    let asked = 0;
    let applied = 0;
    const load = () => {
      asked += 1;
      const ticket = asked;
      api.getDisplayState({}).then(
        (next) => {
          if (!live || ticket <= applied) return;
          applied = ticket;
          setFirstSeen((seen) => seen ?? new Set(next.recentCalls.map(callKey)));
          setState(next);
        },
        () => undefined,
      );
    };
    loadRef.current = load;
    const stop = api.subscribe((event) => {
      // Waiting counts, and a call that stops calling (the visitor reached the desk), change with the queue.
      if (event.type === 'queue-changed') {
        load();
        return;
      }
      if (event.type !== 'ticket-called') return;
      applied = asked;
      setState((current) => (current === null ? current : mergeCall(current, event.call)));
      load();
    });
    return () => {
      live = false;
      loadRef.current = null;
      stop();
    };
  }, [api]);

  // At start, and each time the hub answers again after it was lost: what was missed meanwhile.
  useEffect(() => {
    if (reachable) loadRef.current?.();
  }, [api, reachable, streamEpoch]);

  return { state, isNew: (key) => firstSeen !== null && !firstSeen.has(key) };
}
