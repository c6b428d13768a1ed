import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DeskEventType } from '../../shared/events.js';
import { useConnectionStore } from '../state/connection-store.js';
import { useApi } from './api-context.js';
import type { DeskClient } from './desk-client.js';

/**
 * A read the hub pushes changes of: fetched once, again on each of `events`, and again whenever
 * the event stream reconnects (`streamEpoch`: events sent while it was down are gone) — never by
 * polling. Answers can overtake each other, so one that left before the newest applied answer is
 * dropped. While the hub is unreachable nothing is fetched and the last answer stays: the
 * connection banner says the rest. Null until the first answer.
 */
export function useLiveQuery<T>(fetch: (api: DeskClient) => Promise<T>, events: readonly DeskEventType[]): T | null {
  const api = useApi();
  const reachable = useConnectionStore((state) => state.reachable);
  const streamEpoch = useConnectionStore((state) => state.streamEpoch);
  const [value, setValue] = useState<T | null>(null);
  // The newest fetch this screen has applied, across reconnections: an answer from before a
  // reconnection must not land after one from after it.
  const asked = useRef(0);
  const applied = useRef(0);
  const fetchNow = useRef(fetch);
  useLayoutEffect(() => {
    fetchNow.current = fetch;
  });

  const eventKey = [...events].sort().join(' ');
  useEffect(() => {
    if (!reachable) return;
    let live = true;
    const load = () => {
      const ticket = ++asked.current;
      fetchNow.current(api).then(
        (answer) => {
          if (!live || ticket <= applied.current) return;
          applied.current = ticket;
          setValue(answer);
        },
        // Unreachable is the banner's to say; the next event or the reconnection fetches again.
        () => undefined,
      );
    };
    load();
    const wanted = new Set(eventKey.split(' '));
    const stop = api.subscribe((event) => {
      if (wanted.has(event.type)) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [api, reachable, streamEpoch, eventKey]);

  return value;
}
