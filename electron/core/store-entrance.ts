import fs from 'node:fs';
import { storeText } from '../../shared/i18n/catalogue.js';
import { createKeystoreSlot, keystoreExists, readKeystore, unlockKeystoreSlot, type SlotSummary, type Unlock } from './keystore/index.js';
import { privateFolderMode, restrictToOwner } from './store/file-modes.js';
import { settleInterruptedRekey, type InterruptedRekeyOutcome } from './store/interrupted-rekey.js';
import { acquireStoreLock } from './store/lock.js';
import { openDatabase, type Db } from './store/open-database.js';
import { storePaths, type StorePaths } from './store/paths.js';

/** What a settled interrupted rekey did, for the program to tell whoever is watching. */
export type SettledRekey = Exclude<InterruptedRekeyOutcome, 'nothing-to-do'>;

export interface StoreOptions {
  /** Named in the "already open by …" message a second program gets. */
  program?: string | undefined;
  /** The Electron build of the native module (docs/contributing.md). */
  nativeBinding?: string | undefined;
  /** First run: when neither keystore nor database exists, make both, locked by the credentials. */
  create?: boolean | undefined;
  /** Told when a rekey that a crash interrupted was finished or undone before the store opened. */
  onSettled?: ((outcome: SettledRekey) => void) | undefined;
}

/** A store on disk, entered: locked, any interrupted rekey settled, the key proven by opening the database. */
export interface OpenStore {
  readonly dataDir: string;
  readonly paths: StorePaths;
  /** Keyed, verified and migrated. Work may close it itself (a rekey does). */
  readonly db: Db;
  /** The database key; zeroed when the store is left. */
  readonly key: Buffer;
  /** The slot the credentials opened (the only slot of a store just created). */
  readonly slot: SlotSummary;
}

export interface EnteredStore extends OpenStore {
  /**
   * Checkpoints and closes the database if it is still open, zeroes the key and releases the
   * lock, in that order; the last two happen whatever the first does. `quietly` on an error
   * path, where the error in hand is the one worth reporting. Idempotent.
   */
  leave(options?: { quietly?: boolean }): void;
}

function leaver(db: Db, key: Buffer, release: () => void): EnteredStore['leave'] {
  let left = false;
  return (options = {}) => {
    if (left) return;
    left = true;
    try {
      if (db.open) {
        try {
          db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          db.close();
        }
      }
    } catch (error) {
      if (options.quietly !== true) throw error;
    } finally {
      key.fill(0);
      release();
    }
  };
}

/**
 * The one way into a store on disk (docs/design.md, "Before the contract: opening the store"): take
 * the lock, settle a rekey a crash interrupted (store/interrupted-rekey.ts — a door that skipped
 * this once opened a store with a keystore that no longer matched it), unlock the keystore or
 * create it on a first run, and open the database with the key, which proves it. Any failure
 * releases the lock and leaves the files as they were. The caller must `leave()`.
 */
export async function enterStore(dataDir: string, credentials: Unlock, options: StoreOptions = {}): Promise<EnteredStore> {
  const paths = storePaths(dataDir);
  // A folder made here (and any parent made with it) is the account's alone; a folder that
  // already exists — perhaps the user's home, chosen with --data-dir — is left as it is.
  if (options.create === true) fs.mkdirSync(paths.dir, { recursive: true, mode: privateFolderMode });
  // No folder at all: the keystore's own "No keystore at …" says more than the lock file's ENOENT.
  else if (!fs.existsSync(paths.dir)) readKeystore(paths.keystore);
  const release = acquireStoreLock(paths.lock, options.program ?? storeText.programs.any);
  let key: Buffer | undefined;
  try {
    // A keystore restored from a backup comes back with the copier's mode (docs/data-files.md).
    restrictToOwner([paths.keystore]);
    const creating = options.create === true && !keystoreExists(paths.keystore) && !fs.existsSync(paths.database);
    let slot: SlotSummary;
    if (creating) {
      ({ key, slot } = await createKeystoreSlot(paths.keystore, credentials));
    } else {
      const settled = await settleInterruptedRekey(dataDir, credentials, options.nativeBinding);
      if (settled !== 'nothing-to-do') options.onSettled?.(settled);
      ({ key, slot } = await unlockKeystoreSlot(paths.keystore, credentials));
    }
    const db = openDatabase({ file: paths.database, key: { kind: 'key', key }, create: creating, nativeBinding: options.nativeBinding });
    return { dataDir, paths, db, key, slot, leave: leaver(db, key, release) };
  } catch (error) {
    key?.fill(0);
    release();
    throw error;
  }
}

/**
 * Enters the store, runs `work` on it and always leaves it — closed, key zeroed, lock released —
 * whether `work` returns or throws. What every key command runs in.
 */
export async function withStore<T>(dataDir: string, credentials: Unlock, work: (store: OpenStore) => Promise<T> | T, options: StoreOptions = {}): Promise<T> {
  const store = await enterStore(dataDir, credentials, options);
  let result: T;
  try {
    result = await work(store);
  } catch (error) {
    store.leave({ quietly: true });
    throw error;
  }
  store.leave();
  return result;
}
