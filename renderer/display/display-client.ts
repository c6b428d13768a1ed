import type { CallName } from '../../shared/contract/index.js';
import type { Invoke } from '../../shared/desk-api.js';
import type { DeskEvent } from '../../shared/events.js';
import { DeskFailure } from '../../shared/errors.js';
import { apiPrefix, eventsPath } from '../../shared/hub-protocol.js';
import { makeDeskCalls } from '../../shared/make-desk-calls.js';
import { unreachable, unwrapResponse, type ClientHooks, type DeskClient } from '../api/desk-client.js';
import { EventSocket } from '../api/event-socket.js';
import { createReachability } from '../api/reachability.js';
import { text } from '../i18n/text.js';

// As the hub client's: past this the hub is treated as gone.
const callTimeoutMs = 20_000;

/**
 * The display page's own client (renderer/display/main.tsx): `getDisplayState` over HTTP and the
 * event socket with the display hello, and nothing else — no token, no sign-in. It is what the
 * hub's display door serves, so every other call is refused here, before it is sent. The hub
 * client would probe with a call this door does not have; this one probes with the display's.
 */
export function createDisplayClient(hooks: Pick<ClientHooks, 'reachable' | 'streamReady'>, base: URL = new URL(window.location.href)): DeskClient {
  const reach = createReachability(hooks.reachable, async () => {
    try {
      await getDisplayState();
      return true;
    } catch {
      return false;
    }
  });
  const noSession: ClientHooks = { ...hooks, getToken: () => null, sessionRejected: () => undefined };

  async function getDisplayState(): Promise<unknown> {
    const response = await fetch(new URL(`${apiPrefix}/getDisplayState`, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(callTimeoutMs),
    });
    return unwrapResponse(await response.json().catch(() => undefined), null, noSession);
  }

  const invoke = (async (name: CallName) => {
    if (name !== 'getDisplayState') throw new DeskFailure('not-found', text.errors.unexpected);
    try {
      const state = await getDisplayState();
      reach.markUp();
      socket.nudge();
      return state;
    } catch (error) {
      if (error instanceof DeskFailure) throw error;
      reach.markDown();
      throw unreachable();
    }
  }) as Invoke;

  const listeners = new Set<(event: DeskEvent) => void>();
  const socketUrl = new URL(eventsPath, base);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new EventSocket({
    url: socketUrl.href,
    hello: () => ({ type: 'display' }),
    deliver: (event) => listeners.forEach((listener) => listener(event)),
    connected: () => {
      reach.markUp();
      hooks.streamReady();
    },
    lost: () => reach.markDown(),
    refused: () => undefined,
  });

  return {
    ...makeDeskCalls(invoke),
    subscribe(listener) {
      listeners.add(listener);
      socket.start();
      return () => {
        listeners.delete(listener);
        queueMicrotask(() => {
          if (listeners.size === 0) socket.stop();
        });
      };
    },
    sessionChanged: () => undefined,
  };
}
