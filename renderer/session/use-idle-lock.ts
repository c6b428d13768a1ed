import { useEffect, useRef } from 'react';
import { useApi } from '../api/api-context.js';
import { useSessionStore, type SignedOutReason } from '../state/session-store.js';
import { idleDecision } from './idle-rules.js';

const activityEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
const checkEveryMs = 5_000;

/** Signs out, best effort on the hub, always on this screen. */
export function useSignOut(): (reason: SignedOutReason) => Promise<void> {
  const api = useApi();
  const signedOut = useSessionStore((state) => state.signedOut);
  return async (reason) => {
    try {
      await api.signOut({});
    } catch {
      // Unreachable or already ended: the session expires on the hub by itself.
    }
    signedOut(reason);
  };
}

/** Returns to sign-in after the site's idle time with nothing pressed (`sessionIdleMinutes`). */
export function useIdleLock(idleMinutes: number): void {
  const api = useApi();
  const signOut = useSignOut();
  const lastActivity = useRef(Date.now());
  const lastKeepAlive = useRef(Date.now());
  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;
  const refreshedRef = useRef(useSessionStore.getState().refreshed);

  useEffect(() => {
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { passive: true, capture: true });
    const timer = setInterval(() => {
      const now = Date.now();
      const decision = idleDecision(now, lastActivity.current, lastKeepAlive.current, idleMinutes * 60_000);
      if (decision === 'lock') {
        clearInterval(timer);
        void signOutRef.current('idle');
      } else if (decision === 'keep-alive') {
        lastKeepAlive.current = now;
        api.getSession({}).then(refreshedRef.current, () => undefined);
      }
    }, checkEveryMs);
    return () => {
      clearInterval(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [api, idleMinutes]);
}

/**
 * After a reload, a session kept in this tab is shown only once the hub confirms it; an ended
 * one is answered `unauthenticated`, which signs out calmly (choose-client.ts).
 */
export function useRestoredSessionCheck(reachable: boolean): void {
  const api = useApi();
  const restored = useSessionStore((state) => state.restored);
  useEffect(() => {
    if (!restored || !reachable) return;
    let live = true;
    api.getSession({}).then(
      (session) => {
        if (live) useSessionStore.getState().refreshed(session);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, restored, reachable]);
}
