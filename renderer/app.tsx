import { useEffect } from 'react';
import { useApi } from './api/api-context.js';
import { ConnectionBanner } from './components/connection-banner.js';
import { SkipLink } from './components/skip-link.js';
import { resolveRoute } from './routing/routes.js';
import { replaceRoute, useHashRoute } from './routing/use-hash-route.js';
import { DisplayScreen } from './screens/display-screen.js';
import { LoadingScreen } from './screens/loading-screen.js';
import { SetupScreen } from './screens/setup-screen.js';
import { SignInScreen } from './screens/sign-in-screen.js';
import { SignedInScreens } from './screens/signed-in-screens.js';
import { useRestoredSessionCheck } from './session/use-idle-lock.js';
import { useConnectionStore } from './state/connection-store.js';
import { useSessionStore } from './state/session-store.js';
import { useSiteStore } from './state/site-store.js';

export function App() {
  return (
    <>
      <SkipLink />
      <ConnectionBanner />
      <Screens />
    </>
  );
}

function Screens() {
  const api = useApi();
  const requested = useHashRoute();
  const setup = useSiteStore((state) => state.setup);
  const setSetup = useSiteStore((state) => state.setSetup);
  const setSettings = useSiteStore((state) => state.setSettings);
  const session = useSessionStore((state) => state.session);
  const restored = useSessionStore((state) => state.restored);
  const reachable = useConnectionStore((state) => state.reachable);
  const onDisplay = requested === 'display';
  useRestoredSessionCheck(reachable && !onDisplay);

  useEffect(() => {
    if (onDisplay || setup !== null || !reachable) return;
    let live = true;
    api.getSetupState({}).then(
      (state) => {
        if (live) setSetup(state);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, onDisplay, setup, reachable, setSetup]);

  // Settings belong to a session: forget them with it.
  useEffect(() => {
    if (session === null) setSettings(null);
  }, [session, setSettings]);

  const route = setup === null && !onDisplay ? null : resolveRoute(requested, { needsSetup: setup?.needsSetup ?? false, role: session?.staff.role ?? null });

  useEffect(() => {
    if (route !== null && route !== requested) replaceRoute(route);
  }, [route, requested]);

  if (route === null || (restored && !onDisplay)) return <LoadingScreen />;
  switch (route) {
    case 'display':
      return <DisplayScreen />;
    case 'setup':
      return <SetupScreen />;
    case 'sign-in':
      return <SignInScreen />;
    default:
      return session === null ? <LoadingScreen /> : <SignedInScreens route={route} session={session} />;
  }
}
