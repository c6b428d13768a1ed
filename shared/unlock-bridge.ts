import { bridgeChannels } from './desk-bridge.js';

/**
 * The desktop shell's own bridge for the screens that come before the store is open (DESIGN.md,
 * "Before the contract"): the first-key choice, the recovery passphrase offer, the unlock prompt
 * and the blocking error. Exposed by the preload as `window.deskUnlock`; answered in the main
 * process only for the shell's unlock page (`app://one-stop-queue/unlock/index.html`).
 */

/** Where the shell stands on the way to an open store. */
export type UnlockState =
  /** No keystore and no database: choose how the new store's key is protected. */
  | { step: 'first-run'; systemProtection: boolean }
  /** The store was just created with this computer's account; a recovery passphrase may be set now. */
  | { step: 'recovery-offer' }
  /** A passphrase opens the store: the only way (`passphrase-only`), or because the account's slot failed. */
  | { step: 'unlock'; reason: 'passphrase-only' | 'system-failed' }
  /** The store cannot be opened. Nothing was changed; only retry or quit are offered. */
  | { step: 'blocked'; problem: BlockedProblem; detail: string }
  /** Open: the shell replaces the unlock page with the app. */
  | { step: 'open' };

export type UnlockStep = UnlockState['step'];

export type BlockedProblem =
  | 'key-unwrap-failed'
  | 'keystore-missing'
  | 'keystore-damaged'
  | 'database-damaged'
  | 'newer-version'
  | 'already-open'
  | 'native-module-missing'
  | 'unsupported-slot'
  | 'failed';

/** Why an action on the unlock page was not done; the page words it from its catalogue. */
export type UnlockErrorCode = 'wrong-passphrase' | 'weak-passphrase' | 'wrong-step' | 'failed';

export type UnlockReply = { ok: true; state: UnlockState } | { ok: false; code: UnlockErrorCode; state: UnlockState };

export interface UnlockBridge {
  getState(): Promise<UnlockState>;
  /** First run, where the OS keeps secrets properly: protect the key with this computer's account. */
  useSystemProtection(): Promise<UnlockReply>;
  /** First run: protect the key with a site passphrase (where there is no OS keyring, or by choice). */
  createWithPassphrase(passphrase: string): Promise<UnlockReply>;
  unlockWithPassphrase(passphrase: string): Promise<UnlockReply>;
  /** Right after `useSystemProtection`: adds the recovery passphrase slot. */
  setRecoveryPassphrase(passphrase: string): Promise<UnlockReply>;
  skipRecoveryPassphrase(): Promise<UnlockReply>;
  /** From the blocking error: tries again without changing anything (e.g. after closing `serve`). */
  retry(): Promise<UnlockState>;
  quit(): Promise<void>;
}

export type UnlockAction = keyof UnlockBridge;

// A table rather than a list, so adding a function to `UnlockBridge` without naming it here fails to compile.
const actionTable: Readonly<Record<UnlockAction, true>> = {
  getState: true,
  useSystemProtection: true,
  createWithPassphrase: true,
  unlockWithPassphrase: true,
  setRecoveryPassphrase: true,
  skipRecoveryPassphrase: true,
  retry: true,
  quit: true,
};

/** Every function of the bridge: the preload loops over it, the main process answers each. */
export const unlockActions = Object.keys(actionTable) as UnlockAction[];

/** The IPC channel of one action: `desk-unlock:getState`, … */
export function unlockChannel(action: UnlockAction): string {
  return `${bridgeChannels.unlock}${action}`;
}

/** Actions that take a passphrase as their one argument. */
export const passphraseActions = ['createWithPassphrase', 'unlockWithPassphrase', 'setRecoveryPassphrase'] as const satisfies readonly UnlockAction[];

/** The path of the unlock page inside the app's origin. */
export const unlockPagePath = '/unlock/index.html';
