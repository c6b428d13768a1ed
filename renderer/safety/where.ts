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
