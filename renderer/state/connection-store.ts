import { create } from 'zustand';

interface ConnectionState {
  /** False from the first failed request or dropped event socket until the hub answers again. */
  reachable: boolean;
  setReachable(reachable: boolean): void;
}

export const useConnectionStore = create<ConnectionState>()((set, get) => ({
  reachable: true,
  setReachable: (reachable) => {
    if (get().reachable !== reachable) set({ reachable });
  },
}));
