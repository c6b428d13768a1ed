import { create } from 'zustand';
import type { SafetyAlert } from '../../shared/domain/safety.js';

interface SafetyState {
  /** Whose screen this is: the rest belongs to them and is forgotten when someone else signs in. */
  staffId: number | null;
  /** The open alerts as last listed by the hub, oldest first; null before the first answer. */
  open: SafetyAlert[] | null;
  /** This person's latest own alert: open, or answered by a colleague (to say who is coming). */
  own: SafetyAlert | null;
  /** Why the last call for help did not reach the hub, in words for the person who asked. */
  raiseError: string | null;
  /** What this person last said they would go to, so they see it was heard. */
  going: SafetyAlert | null;
  /** Moves on each change of `own`, so a listing asked for before it cannot undo it. */
  ownStamp: number;
  forStaff(staffId: number): void;
  listed(open: SafetyAlert[]): void;
  /** An alert of one's own, as the hub answered a raise, a cancel or a look-up. */
  ownChanged(alert: SafetyAlert | null): void;
  raiseFailed(message: string | null): void;
  acknowledged(alert: SafetyAlert | null): void;
}

/** Shared by the masthead's button (which raises) and the banner (which lists and answers). */
export const useSafetyStore = create<SafetyState>()((set, get) => ({
  staffId: null,
  open: null,
  own: null,
  raiseError: null,
  going: null,
  ownStamp: 0,
  forStaff: (staffId) => {
    if (get().staffId !== staffId) set({ staffId, open: null, own: null, raiseError: null, going: null, ownStamp: get().ownStamp + 1 });
  },
  listed: (open) => set({ open }),
  ownChanged: (own) => set({ own, ownStamp: get().ownStamp + 1, ...(own === null ? {} : { raiseError: null }) }),
  raiseFailed: (raiseError) => set({ raiseError }),
  acknowledged: (going) => set({ going }),
}));
