import { bridgeChannels } from './desk-bridge.js';

/**
 * The desktop shell's own bridge for the screens that come before the store is open (docs/design.md,
 * "Before the contract"): the first-key choice, the recovery passphrase offer, the unlock prompt
 * and the blocking error. Exposed by the preload as `window.deskUnlock`; answered in the main
 * process only for the shell's unlock page (`app://one-stop-queue/unlock/index.html`).
 */

/** Where the shell stands on the way to an open store. */
export type UnlockState =
  /**
   * The very first run of the desktop app (no store, not joined to a site): is this PC the site's
   * hub (it will hold the encrypted store), or a desk PC that joins a hub over the LAN?
   */
  | { step: 'choose-role'; systemProtection: boolean }
  /** Joining a site: the hub's address, a pairing code from a manager on the hub, this PC's label. */
  | {
      step: 'join';
      suggestedLabel: string;
      /** The hub's address when IT's settings file fixes it (docs/it-setup.md): shown, not typed. */
      fixedAddress: string | null;
      /** Whether IT made this a desk PC: there is then no going back to the first choice. */
      roleFixed: boolean;
    }
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
  /** A desk PC's desk-link.json cannot be read (another account, a damaged file): join again. */
  | 'desk-link-damaged'
  /** IT's settings file (docs/it-setup.md) has a wrong field: `detail` names the file and the field. */
  | 'it-config-invalid'
  | 'failed';

/** Why an action on the unlock page was not done; the page words it from its catalogue. */
export type UnlockErrorCode =
  | 'wrong-passphrase'
  | 'weak-passphrase'
  | 'wrong-step'
  | 'failed'
  // Joining a site (`joinSite`):
  /** The address is not one (a host name or IP, an optional port). */
  | 'bad-address'
  /** The code cannot be a pairing code (20 letters and digits). */
  | 'bad-code'
  /** No hub answered at that address. */
  | 'hub-unreachable'
  /** The hub's certificate is not the one the code names: nothing was sent to it. */
  | 'hub-certificate'
  /** The hub refused the code: wrong, used, or more than ten minutes old. */
  | 'pairing-refused'
  /** The hub has LAN access turned off. */
  | 'lan-off'
  /** Versions differ: this desk PC must be updated, or the hub PC. */
  | 'update-desk'
  | 'update-hub';

/** What the person typed to join a site. */
export interface JoinRequest {
  /** `hub-pc`, `192.168.1.20` or either with `:port` (default 4781); `https://` may be written or left out. */
  address: string;
  code: string;
  /** How managers will see this PC in the hub's list of desk PCs (defaults to the computer's name). */
  label: string;
}

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
  /** First run: this PC is the site's hub; goes on to the first-key choice (`first-run`). */
  chooseHub(): Promise<UnlockReply>;
  /** First run: this PC joins a site as a desk PC (`join`). */
  chooseJoin(): Promise<UnlockReply>;
  /** Pairs with the hub; on success the shell opens the app in desk mode (`open`). */
  joinSite(request: JoinRequest): Promise<UnlockReply>;
  /** From `join` (or `first-run`, where nothing exists yet either): back to the first choice. */
  backToChoice(): Promise<UnlockReply>;
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
  chooseHub: true,
  chooseJoin: true,
  joinSite: true,
  backToChoice: true,
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
