import { contract, keepsAnswer, type CallName } from '../../shared/contract/index.js';
import type { DeskBridge } from '../../shared/desk-bridge.js';
import type { Invoke } from '../../shared/desk-api.js';
import { makeDeskCalls } from '../../shared/make-desk-calls.js';
import { newIdempotencyKey, unreachable, unwrapResponse, type ClientHooks, type DeskClient } from './desk-client.js';

type BridgeCall = (input: unknown, token: string | null, idempotencyKey: string | null) => Promise<unknown>;

/** Inside the desktop app: the preload's `window.desk`, with the session token attached to each call. */
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
    hooks.reachable(true);
    return unwrapResponse(body, token, hooks);
  }) as Invoke;

  return {
    ...makeDeskCalls(invoke),
    subscribe: (listener) => bridge.onEvent(listener),
    // The main process knows the window's session from each call; nothing to redo here.
    sessionChanged: () => undefined,
  };
}
