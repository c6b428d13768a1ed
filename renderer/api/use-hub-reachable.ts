import { useConnectionStore } from '../state/connection-store.js';

/**
 * Whether the hub answers, for the screens: false from the first failed call or dropped event
 * stream until it answers again (renderer/api/reachability.ts probes it meanwhile). Actions that
 * need the hub are disabled while it is false; what is typed stays where it is.
 */
export function useHubReachable(): boolean {
  return useConnectionStore((state) => state.reachable);
}

/** The same, read once, for a handler that must not send while the hub is away (a key press). */
export function hubReachableNow(): boolean {
  return useConnectionStore.getState().reachable;
}
