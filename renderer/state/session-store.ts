import { create } from 'zustand';
import { sessionSchema, type Session } from '../../shared/domain/staff.js';

/** Why the sign-in screen is showing again, so it can say so calmly. */
export type SignedOutReason = 'signed-out' | 'idle' | 'expired';

/**
 * The session is kept in this tab's `sessionStorage` (never `localStorage`), so that F5 in the
 * middle of a queue keeps the receptionist signed in while the hub still holds the session; it
 * goes with the tab, and is removed on sign-out and idle lock. The hub stays the judge: a kept
 * session is checked with `getSession` after a reload (`useRestoredSessionCheck`).
 */
export const sessionStorageKey = 'one-stop-queue.session';

interface SessionState {
  session: Session | null;
  /** True when the session came back from this tab's storage after a reload and is not yet checked. */
  restored: boolean;
  notice: SignedOutReason | null;
  signedIn(session: Session): void;
  /** The hub confirmed a session (a reload's check, a keep-alive). */
  refreshed(session: Session): void;
  signedOut(reason: SignedOutReason): void;
  clearNotice(): void;
}

function tabStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Storage switched off by policy: the session lives in memory only.
    return null;
  }
}

function keep(session: Session | null): void {
  const storage = tabStorage();
  if (storage === null) return;
  try {
    if (session === null) storage.removeItem(sessionStorageKey);
    else storage.setItem(sessionStorageKey, JSON.stringify(session));
  } catch {
    // Full or refused: a reload will ask for the PIN again, nothing else is lost.
  }
}

/**
 * The session this tab kept, when it is well formed. Its `expiresAt` is not judged here: every
 * call slides it on the hub, so the kept copy is older than the truth; the hub answers.
 */
export function keptSession(): Session | null {
  const raw = tabStorage()?.getItem(sessionStorageKey) ?? null;
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const session = sessionSchema.safeParse(parsed);
  if (!session.success) {
    keep(null);
    return null;
  }
  return session.data;
}

const initial = keptSession();

export const useSessionStore = create<SessionState>()((set) => ({
  session: initial,
  restored: initial !== null,
  notice: null,
  signedIn: (session) => {
    keep(session);
    set({ session, restored: false, notice: null });
  },
  refreshed: (session) => {
    keep(session);
    set({ session, restored: false });
  },
  signedOut: (reason) => {
    keep(null);
    set({ session: null, restored: false, notice: reason });
  },
  clearNotice: () => set({ notice: null }),
}));

export function currentToken(): string | null {
  return useSessionStore.getState().session?.token ?? null;
}
