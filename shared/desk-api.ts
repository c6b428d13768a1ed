import type { CallInput, CallName, CallResult } from './contract/index.js';
import type { DeskEvent } from './events.js';

/** What the renderer calls, the same whichever door carries it (IPC in Electron, HTTP in a browser). */
export type DeskCalls = { [K in CallName]: (input: CallInput<K>) => Promise<CallResult<K>> };

export interface DeskApi extends DeskCalls {
  /** Listens for pushed events; returns the function that stops listening. */
  subscribe(listener: (event: DeskEvent) => void): () => void;
}

/**
 * The one function a transport must provide; `makeDeskCalls` turns it into the typed API so
 * neither door writes a function per call.
 */
export type Invoke = <K extends CallName>(name: K, input: CallInput<K>) => Promise<CallResult<K>>;
