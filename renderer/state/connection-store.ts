import { create } from 'zustand';

interface ConnectionState {
  /** False from the first failed request or dropped event socket until the hub answers again. */
  reachable: boolean;
  /**
   * Counts the event stream's connections. Screens fetch again when it moves: events sent while
   * the stream was down are gone, even if calls got through (and so `reachable`) before it was back.
   */
  streamEpoch: number;
  setReachable(reachable: boolean): void;
  streamReady(): void;
}

export const useConnectionStore = create<ConnectionState>()((set, get) => ({
  reachable: true,
  streamEpoch: 0,
  setReachable: (reachable) => {
    if (get().reachable !== reachable) set({ reachable });
  },
  streamReady: () => set((state) => ({ streamEpoch: state.streamEpoch + 1 })),
}));
