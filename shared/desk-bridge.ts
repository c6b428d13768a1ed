import type { CallInput, CallName, CallResult } from './contract/index.js';
import type { DeskEvent } from './events.js';
import type { CallResponse } from './hub-protocol.js';

/**
 * What the Electron preload exposes as `window.desk`: one named function per contract call,
 * generated from the contract, each taking the input, the session token and, for a call that
 * changes something, an idempotency key (as the hub's `Idempotency-Key` header), and answering with
 * the same envelope as the hub (`{ result }` or `{ error }`), because an IPC rejection keeps
 * only a message and would lose the DeskError's code and fields. Plus an event subscription.
 * Never `ipcRenderer`, never `process`.
 */
export type DeskBridgeCalls = {
  [K in CallName]: (input: CallInput<K>, token: string | null, idempotencyKey?: string | null) => Promise<CallResponse<CallResult<K>>>;
};

export interface DeskBridge extends DeskBridgeCalls {
  /** Staff windows get every event, the display window only those for everyone. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
  /**
   * On a desk PC, whether the hub can be reached, each time that changes (the main process's link
   * knows first: a call or the event stream failing or coming back). Never fires on the hub PC.
   */
  onReachability(listener: (up: boolean) => void): () => void;
}

/** The IPC channel names, shared by preload and main so neither spells them twice. */
export const bridgeChannels = {
  call: 'desk:call',
  event: 'desk:event',
  reachability: 'desk:reachability',
  /** Asked once by a page that starts listening: where reachability stands now. */
  reachabilityNow: 'desk:reachability-now',
  unlock: 'desk-unlock:',
  print: 'desk-print:print',
  printSetup: 'desk-print:setup',
} as const;
