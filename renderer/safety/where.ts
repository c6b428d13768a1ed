import { create } from 'zustand';

interface WhereState {
  /** The desk this screen has open, or null: at reception, or no desk open yet. */
  deskId: number | null;
  setDesk(deskId: number | null): void;
}

/**
 * Where a call for help from this screen asks colleagues to come. The desk screen sets its desk
 * when one is open and null when it closes; reception leaves it null.
 */
export const useWhereStore = create<WhereState>()((set, get) => ({
  deskId: null,
  setDesk: (deskId) => {
    if (get().deskId !== deskId) set({ deskId });
  },
}));

/**
 * The desk a member of staff has open, from the hub's list of open desks: what a call for help
 * from the desk screen names when the screen has not (yet) said which desk it is at.
 */
export function ownOpenDesk(open: readonly { deskId: number; advisorId: number }[], staffId: number): number | null {
  return open.find((desk) => desk.advisorId === staffId)?.deskId ?? null;
}
