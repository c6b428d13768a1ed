import { callNames, type CallName } from './contract/index.js';
import type { DeskCalls, Invoke } from './desk-api.js';

export function makeDeskCalls(invoke: Invoke): DeskCalls {
  const calls: Partial<Record<CallName, unknown>> = {};
  for (const name of callNames) {
    calls[name] = (input: never) => invoke(name, input);
  }
  return calls as DeskCalls;
}
