import { create } from 'zustand';
import type { SetupState, SiteSettings } from '../../shared/domain/site.js';

interface SiteState {
  /** Null until the hub has answered `getSetupState`. */
  setup: SetupState | null;
  /** Loaded once someone is signed in (`getSettings` needs a session). */
  settings: SiteSettings | null;
  setSetup(setup: SetupState): void;
  setSettings(settings: SiteSettings | null): void;
}

export const useSiteStore = create<SiteState>()((set) => ({
  setup: null,
  settings: null,
  setSetup: (setup) => set({ setup }),
  setSettings: (settings) => set({ settings }),
}));
