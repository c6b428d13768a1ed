import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from '../api/api-context.js';
import { ConnectionBanner } from '../components/connection-banner.js';
import { SkipLink } from '../components/skip-link.js';
import { text } from '../i18n/text.js';
import { DisplayScreen } from '../screens/display-screen.js';
import { useConnectionStore } from '../state/connection-store.js';
import '../styles/base.css';
import { createDisplayClient } from './display-client.js';

/*
 * The waiting-area display on its own (the hub's display door, docs/lan.md): a TV's browser
 * opens `http://HUB:4782/` and gets this page and nothing else of the app — no sign-in, no
 * other screen, and a client that can ask for the display's state alone.
 */
document.documentElement.lang = text.locale;
const api = createDisplayClient({
  reachable: (up) => useConnectionStore.getState().setReachable(up),
  streamReady: () => useConnectionStore.getState().streamReady(),
});
const root = document.getElementById('root');
if (root === null) throw new Error('display/index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api}>
      <SkipLink />
      <ConnectionBanner />
      <DisplayScreen />
    </ApiProvider>
  </StrictMode>,
);
