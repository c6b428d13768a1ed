import { useEffect, useState } from 'react';
import type { DisplayState } from '../../shared/domain/display.js';
import { useApi } from '../api/api-context.js';
import { useConnectionStore } from '../state/connection-store.js';
import { mergeCall } from './merge-call.js';

// Waiting counts change with every ticket issued, which the display is not told about.
const refreshEveryMs = 30_000;

/** `getDisplayState`, kept fresh by `ticket-called` events, a reconnection and a slow timer. */
export function useDisplayState(): DisplayState | null {
  const api = useApi();
  const reachable = useConnectionStore((state) => state.reachable);
  const [state, setState] = useState<DisplayState | null>(null);

  useEffect(() => {
    if (!reachable) return;
    let live = true;
    const load = () => {
      api.getDisplayState({}).then(
        (next) => {
          if (live) setState(next);
        },
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, refreshEveryMs);
    const stop = api.subscribe((event) => {
      if (event.type !== 'ticket-called') return;
      setState((current) => (current === null ? current : mergeCall(current, event.call)));
      load();
    });
    return () => {
      live = false;
      clearInterval(timer);
      stop();
    };
  }, [api, reachable]);

  return state;
}
