import { useEffect } from 'react';
import type { Session } from '../../shared/domain/staff.js';
import { useApi } from '../api/api-context.js';
import { useIdleLock } from '../session/use-idle-lock.js';
import { useSiteStore } from '../state/site-store.js';
import { DeskHome } from './desk-home.js';
import { ManagerHome } from './manager-home.js';
import { PrivacyHome } from './privacy-home.js';
import { ReceptionHome } from './reception-home.js';
import { ReportsHome } from './reports-home.js';
import { SettingsHome } from './settings-home.js';

// The core's default, used only until the site's own setting has arrived.
const defaultIdleMinutes = 30;

export type HomeRoute = 'reception' | 'desk' | 'manager' | 'reports' | 'settings' | 'data-protection';

/** Whatever is shown to signed-in staff: loads the site's settings once, and locks when idle. */
export function SignedInScreens({ route, session }: { route: HomeRoute; session: Session }) {
  const api = useApi();
  const settings = useSiteStore((state) => state.settings);
  const setSettings = useSiteStore((state) => state.setSettings);
  const setupName = useSiteStore((state) => state.setup?.siteName ?? null);
  useIdleLock(settings?.sessionIdleMinutes ?? defaultIdleMinutes);

  // Keeps the event stream open while signed in: it tells a lost hub at once (the banner), and
  // a manager's change of settings reaches every desk.
  useEffect(() => {
    let live = true;
    const load = () => {
      api.getSettings({}).then(
        (loaded) => {
          if (live) setSettings(loaded);
        },
        () => undefined,
      );
    };
    load();
    const stop = api.subscribe((event) => {
      if (event.type === 'settings-changed') load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [api, session.token, setSettings]);

  const siteName = settings?.siteName ?? setupName;
  const props = { session, siteName };
  if (route === 'reception') return <ReceptionHome {...props} />;
  if (route === 'desk') return <DeskHome {...props} />;
  if (route === 'reports') return <ReportsHome {...props} timeZone={settings?.timeZone ?? null} />;
  if (route === 'settings') return <SettingsHome {...props} settings={settings} />;
  if (route === 'data-protection') return <PrivacyHome {...props} settings={settings} />;
  return <ManagerHome {...props} timeZone={settings?.timeZone ?? null} />;
}
