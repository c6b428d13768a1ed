import { create } from 'zustand';
import type { Session } from '../../shared/domain/staff.js';

/** Why the sign-in screen is showing again, so it can say so calmly. */
export type SignedOutReason = 'signed-out' | 'idle' | 'expired';

interface SessionState {
  /** In memory only, never localStorage or sessionStorage: closing the tab signs out (DESIGN.md). */
  session: Session | null;
  notice: SignedOutReason | null;
  signedIn(session: Session): void;
  signedOut(reason: SignedOutReason): void;
  clearNotice(): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  session: null,
  notice: null,
  signedIn: (session) => set({ session, notice: null }),
  signedOut: (reason) => set({ session: null, notice: reason }),
  clearNotice: () => set({ notice: null }),
}));

export function currentToken(): string | null {
  return useSessionStore.getState().session?.token ?? null;
}
