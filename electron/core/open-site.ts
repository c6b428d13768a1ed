import fs from 'node:fs';
import { systemClock, type Clock } from './clock.js';
import type { KeystoreAccess } from './call-context.js';
import { addSlotWithKey, createKeystore, keystoreExists, listSlots, unlockKeystore, type Unlock } from './keystore/index.js';
import { Site } from './site.js';
import { privateFolderMode, restrictToOwner } from './store/file-modes.js';
import { acquireStoreLock } from './store/lock.js';
import { openDatabase } from './store/open-database.js';
import { storePaths } from './store/paths.js';

export interface OpenSiteOptions {
  dataDir: string;
  unlock: Unlock;
  /** First run: when neither keystore nor database exists, make both with this slot. */
  create?: boolean;
  clock?: Clock;
  /** Named in the "already open by …" message a second program gets. */
  program?: string;
  nativeBinding?: string;
}

export const recoverySlotLabel = 'recovery';

/**
 * Lock, unlock the keystore, open and migrate the database, close the day, purge — all before
 * the site answers its first call. Any failure releases the lock and leaves the files as they were.
 */
export async function openSite(options: OpenSiteOptions): Promise<Site> {
  const paths = storePaths(options.dataDir);
  // A folder made here (and any parent made with it) is the account's alone; a folder that
  // already exists — perhaps the user's home, chosen with --data-dir — is left as it is.
  if (options.create === true) fs.mkdirSync(paths.dir, { recursive: true, mode: privateFolderMode });
  const release = acquireStoreLock(paths.lock, options.program ?? 'One Stop Queue');
  try {
    // A keystore restored from a backup comes back with the copier's mode (docs/data-files.md).
    restrictToOwner([paths.keystore]);
    const databaseExists = fs.existsSync(paths.database);
    let creating = false;
    let key: Buffer;
    if (!keystoreExists(paths.keystore) && options.create === true && !databaseExists) {
      key = await createKeystore(paths.keystore, options.unlock);
      creating = true;
    } else {
      key = await unlockKeystore(paths.keystore, options.unlock);
    }
    const db = openDatabase({ file: paths.database, key: { kind: 'key', key }, create: creating, nativeBinding: options.nativeBinding });
    const keystore: KeystoreAccess = {
      hasRecoveryPassphrase: () => listSlots(paths.keystore).some((slot) => slot.kind === 'passphrase'),
      setRecoveryPassphrase: (passphrase) =>
        addSlotWithKey(paths.keystore, key, { kind: 'passphrase', passphrase, label: recoverySlotLabel }),
    };
    return new Site({ db, clock: options.clock ?? systemClock, keystore, onClose: release });
  } catch (error) {
    release();
    throw error;
  }
}
