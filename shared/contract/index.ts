import type { z } from 'zod';
import { setupCalls } from './setup-calls.js';
import { adminCalls } from './admin-calls.js';
import { queueCalls } from './queue-calls.js';
import { receiptCalls } from './receipt-calls.js';
import { reportCalls } from './report-calls.js';
import { safetyCalls } from './safety-calls.js';
import { privacyCalls } from './privacy-calls.js';
import { lanCalls } from './lan-calls.js';

export type { Access, CallSpec } from './define.js';
export { callErrorCodes, everyCallErrors, idempotencyKeyLifetimeMs, idempotencyKeyPattern, keepsAnswer } from './define.js';

/** Every call the UI can make, declared once. Both doors and the core are loops over this map. */
export const contract = {
  ...setupCalls,
  ...adminCalls,
  ...queueCalls,
  ...receiptCalls,
  ...reportCalls,
  ...safetyCalls,
  ...privacyCalls,
  ...lanCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallResult<K extends CallName> = z.output<Contract[K]['result']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
