import { useCallback } from 'react';
import type { CallInput } from '../../shared/contract/index.js';
import type { SiteSettings } from '../../shared/domain/site.js';
import { useApi } from '../api/api-context.js';
import { useSiteStore } from '../state/site-store.js';

/**
 * `updateSettings`, whose answer goes straight into the session's settings (the masthead's site
 * name, the idle lock) without waiting for the `settings-changed` event to fetch them again.
 */
export function useSaveSettings(): (input: CallInput<'updateSettings'>) => Promise<SiteSettings> {
  const api = useApi();
  const setSettings = useSiteStore((state) => state.setSettings);
  return useCallback(
    async (input) => {
      const saved = await api.updateSettings(input);
      setSettings(saved);
      return saved;
    },
    [api, setSettings],
  );
}
