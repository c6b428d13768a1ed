import { useSyncExternalStore } from 'react';
import { hashFor, parseHash, type RouteName } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): RouteName | null {
  return parseHash(useSyncExternalStore(subscribe, () => window.location.hash));
}

/** Moves to a route without leaving a history entry for the one it corrects. */
export function replaceRoute(route: RouteName): void {
  if (window.location.hash !== hashFor(route)) window.location.replace(hashFor(route));
}
