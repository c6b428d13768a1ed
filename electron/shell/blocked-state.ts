import { isKeystoreError, StoreError } from '../core/index.js';
import type { BlockedProblem, UnlockState } from '../../shared/unlock-bridge.js';

/** The problem a store-opening error stands for; the detail is the core's own message. */
export function blockedBy(error: unknown): Extract<UnlockState, { step: 'blocked' }> {
  const problem = ((): BlockedProblem => {
    if (isKeystoreError(error)) {
      switch (error.reason) {
        case 'missing-keystore':
          return 'keystore-missing';
        case 'corrupt-keystore':
          return 'keystore-damaged';
        case 'unwrap-failed':
          return 'key-unwrap-failed';
        case 'no-such-slot':
          return 'unsupported-slot';
        default:
          return 'failed';
      }
    }
    if (error instanceof StoreError) {
      switch (error.reason) {
        case 'missing-database':
        case 'corrupt-database':
          return 'database-damaged';
        case 'newer-version':
          return 'newer-version';
        case 'already-open':
          return 'already-open';
        default:
          return 'failed';
      }
    }
    return 'failed';
  })();
  // Only the store's own errors are shown: they name files and fixes, never a key or a visitor.
  // The unwrap message suggests the recovery passphrase, which is offered elsewhere when one exists.
  const detail = problem !== 'key-unwrap-failed' && (isKeystoreError(error) || error instanceof StoreError) ? error.message : '';
  return { step: 'blocked', problem, detail };
}
