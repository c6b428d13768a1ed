import { contract, keepsAnswer, type CallName } from '../../shared/contract/index.js';
import type { DeskBridge } from '../../shared/desk-bridge.js';
import type { Invoke } from '../../shared/desk-api.js';
import { makeDeskCalls } from '../../shared/make-desk-calls.js';
import { newIdempotencyKey, unreachable, unwrapResponse, type ClientHooks, type DeskClient } from './desk-client.js';

type BridgeCall = (input: unknown, token: string | null, idempotencyKey: string | null) => Promise<unknown>;

/**
 * Inside the desktop app: the preload's `window.desk`, with the session token attached to each
 * call — on the hub PC and on a desk PC alike, whose main process forwards the call to the hub.
 */
export function createElectronClient(bridge: DeskBridge, hooks: ClientHooks): DeskClient {
  const invoke = (async (name: CallName, input: unknown) => {
    const token = hooks.getToken();
    // The same key the hub's door takes: the main process may forward the call to a hub over the LAN.
    const key = keepsAnswer(contract[name]) ? newIdempotencyKey() : null;
    let body: unknown;
    try {
      body = await (bridge[name] as BridgeCall)(input ?? {}, token, key);
    } catch {
      // The bridge answers failures in its envelope; a rejection means the main process is gone.
      hooks.reachable(false);
      throw unreachable();
    }
    // An answer is not a sign the hub is up: on a desk PC the main process answers for a hub it
    // could not reach. Whether it can is what `onReachability` says.
    return unwrapResponse(body, token, hooks);
  }) as Invoke;

  // On a desk PC the main process's link to the hub knows first when the hub goes or comes back.
  // Back means events may have been missed meanwhile: the screens fetch the current state again.
  let lastSaid: boolean | null = null;
  bridge.onReachability((up) => {
    const cameBack = up && lastSaid === false;
    lastSaid = up;
    hooks.reachable(up);
    if (cameBack) hooks.streamReady();
  });

  return {
    ...makeDeskCalls(invoke),
    subscribe: (listener) => bridge.onEvent(listener),
    // The main process knows the window's session from each call; nothing to redo here.
    sessionChanged: () => undefined,
  };
}
