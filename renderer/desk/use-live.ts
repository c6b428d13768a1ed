import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DeskEventType } from '../../shared/events.js';
import { useApi } from '../api/api-context.js';
import { useConnectionStore } from '../state/connection-store.js';

const minuteMs = 60_000;

export interface Live<T> {
  /** Null until the first answer. */
  value: T | null;
  /** A call's own answer: it wins over any fetch already out (which may have left before the call), and a fresh fetch follows. */
  set(update: (current: T | null) => T): void;
  reload(): void;
}

/**
 * Data the hub pushes changes of: fetched once, again on each of `events` and when a lost
 * connection comes back — never by polling. Only the newest fetch is kept, so an answer that
 * left before a later one (or before a call's own answer) cannot put old state back on screen.
 * `key` names what is fetched (the desk's services, say): a new key fetches again.
 */
export function useLive<T>(fetch: () => Promise<T>, events: readonly DeskEventType[], key = ''): Live<T> {
  const api = useApi();
  const reachable = useConnectionStore((state) => state.reachable);
  const streamEpoch = useConnectionStore((state) => state.streamEpoch);
  const [value, setValue] = useState<T | null>(null);
  const latest = useRef(0);
  const mounted = useRef(true);
  const fetchNow = useRef(fetch);
  useLayoutEffect(() => {
    fetchNow.current = fetch;
  });

  const reload = useCallback(() => {
    const mine = ++latest.current;
    fetchNow.current().then(
      (answer) => {
        if (mounted.current && mine === latest.current) setValue(answer);
      },
      // Unreachable is the banner's to say; the next event or the reconnection fetches again.
      () => undefined,
    );
  }, []);

  const set = useCallback(
    (update: (current: T | null) => T) => {
      latest.current += 1;
      setValue(update);
      reload();
    },
    [reload],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const eventKey = events.join(' ');
  useEffect(() => {
    if (!reachable) return;
    reload();
    const wanted = new Set(eventKey.split(' '));
    return api.subscribe((event) => {
      if (wanted.has(event.type)) reload();
    });
  }, [api, reachable, streamEpoch, reload, eventKey, key]);

  return { value, set, reload };
}

/**
 * The time now, moved on once a minute and whenever `fresh` changes (new data has arrived, so
 * its minutes are counted from the same moment): only the minutes shown change with it.
 */
export function useMinuteClock(fresh?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), minuteMs);
    return () => clearInterval(timer);
  }, [fresh]);
  return now;
}
