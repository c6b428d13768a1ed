import type { DeskBridge } from '../../shared/desk-bridge.js';
import { useConnectionStore } from '../state/connection-store.js';
import { currentToken, useSessionStore } from '../state/session-store.js';
import type { ClientHooks, DeskClient } from './desk-client.js';
import { createElectronClient } from './electron-client.js';
import { createHubClient } from './hub-client.js';

/**
 * Chosen once at start: the desktop app's preload exposes `window.desk`; any other browser
 * talks to the hub over HTTP and a WebSocket (docs/design.md, "One contract, two transports").
 */
export function chooseClient(): DeskClient {
  const hooks: ClientHooks = {
    getToken: currentToken,
    sessionRejected: () => {
      if (useSessionStore.getState().session !== null) useSessionStore.getState().signedOut('expired');
    },
    reachable: (up) => useConnectionStore.getState().setReachable(up),
    streamReady: () => useConnectionStore.getState().streamReady(),
  };
  const bridge = (window as Window & { desk?: DeskBridge }).desk;
  const client = bridge !== undefined ? createElectronClient(bridge, hooks) : createHubClient(hooks);
  useSessionStore.subscribe((state, previous) => {
    if (state.session?.token !== previous.session?.token) client.sessionChanged();
  });
  return client;
}
