import fs from 'node:fs';
import { storeText } from '../../../shared/i18n/catalogue.js';
import { KeystoreError, generateDatabaseKey, listSlots, replaceKey, unlockKeystoreSlot, type NewSlot, type SlotSummary, type Unlock } from '../keystore/index.js';
import { withStore, type OpenStore, type StoreOptions } from '../store-entrance.js';
import { discardPending, keyOpens, pendingKeystorePath, promotePending } from './interrupted-rekey.js';
import { StoreError } from './store-error.js';

const t = storeText.database;

export { finishInterruptedRekey, pendingKeystorePath, type InterruptedRekeyOutcome } from './interrupted-rekey.js';

/*
 * How a rekey survives a crash at any instant (docs/design.md, "Keys"; docs/contributing.md, "Encryption").
 *
 * Two files must change together — the database (re-encrypted) and the keystore (the new key
 * wrapped in the kept slots) — and no filesystem can swap both at once. So the new key is
 * written down *before* the database is touched, in a second keystore beside the first:
 *
 *   1. write `keystore.rekey-pending.json` (new key, kept slots), atomically and fsynced;
 *   2. rekey the database — SQLite runs it as one transaction in rollback-journal mode, so the
 *      file is wholly old-key (a hot journal rolls it back, with the old key) or wholly new-key,
 *      and with synchronous=EXTRA the commit is on disk before the next step;
 *   3. reopen with the new key to prove it;
 *   4. rename the pending keystore over `keystore.json` (atomic, then fsync the folder).
 *
 * At every instant one of the two keystores opens the database, and the credential used for
 * the rekey opens both. A leftover pending file is settled (interrupted-rekey.ts) by the
 * store's one entrance (../store-entrance.ts) before any program opens the store.
 */

export type RekeyStep = 'pending-keystore-written' | 'database-rekeyed' | 'new-key-verified' | 'keystore-replaced';

export interface RekeyOptions extends Omit<StoreOptions, 'create'> {
  dataDir: string;
  /** The credential that opens the current keystore. */
  unlock: Unlock;
  /**
   * The slots of the new keystore; every other slot is dropped (its key no longer opens the
   * file). By default, the slot the credential opened, under its own label.
   */
  keep?: NewSlot[];
  /** Told after each durable step; tests stop the process here to prove the crash safety. */
  onStep?: (step: RekeyStep) => void;
}

export interface RekeyResult {
  /** The slot the credential opened. */
  opening: SlotSummary;
  /** The old keystore's slots: none of them opens the database any more. */
  replaced: SlotSummary[];
}

/** Which slot the credential opens, so a rekey can keep that slot under its own label. */
export async function findUnlockingSlot(keystorePath: string, unlock: Unlock): Promise<SlotSummary> {
  const { key, slot } = await unlockKeystoreSlot(keystorePath, unlock);
  key.fill(0);
  return slot;
}

/**
 * Replaces the database key itself, for when it may have been exposed: a new random key,
 * the file re-encrypted with it, and a new keystore holding only the `keep` slots.
 */
export async function rekeyStore(options: RekeyOptions): Promise<RekeyResult> {
  if (options.keep?.length === 0) {
    throw new KeystoreError('last-slot', storeText.keystore.needsASlot);
  }
  return withStore(options.dataDir, options.unlock, (store) => rekeyOpenStore(store, options), {
    program: options.program ?? storeText.programs.rekey,
    nativeBinding: options.nativeBinding,
    onSettled: options.onSettled,
  });
}

/** The rekey itself, on a store the entrance has locked and opened with the old key. */
async function rekeyOpenStore(store: OpenStore, options: RekeyOptions): Promise<RekeyResult> {
  const { dataDir, paths, db } = store;
  const keep = options.keep ?? [{ ...options.unlock, label: store.slot.label }];
  const replaced = listSlots(paths.keystore);
  const newKey = generateDatabaseKey();
  let pendingWritten = false;
  let databaseRekeyed = false;
  try {
    await replaceKey(pendingKeystorePath(dataDir), newKey, keep);
    pendingWritten = true;
    options.onStep?.('pending-keystore-written');

    // SQLite3MC refuses to rekey in WAL mode, and the rekey must not run inside a transaction:
    // empty the WAL into the file, switch to a rollback journal, rekey, switch back (docs/contributing.md).
    const checkpoint = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (checkpoint[0]?.busy !== 0) throw new StoreError('already-open', t.stillInUse);
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new StoreError('already-open', t.cannotLeaveWal);
    // In DELETE mode the commit is the journal's unlink; only EXTRA fsyncs the folder after it.
    // Without that a power cut could bring the journal back and roll the file back to the old
    // key after the keystore had already forgotten it (https://sqlite.org/pragma.html#pragma_synchronous).
    db.pragma('synchronous = EXTRA');
    db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    databaseRekeyed = true;
    options.onStep?.('database-rekeyed');
    db.pragma('journal_mode = WAL');
    db.close();

    if (!keyOpens(paths.database, newKey, options.nativeBinding)) {
      throw new StoreError('corrupt-database', t.newKeyDoesNotOpen);
    }
    options.onStep?.('new-key-verified');
    promotePending(dataDir);
    options.onStep?.('keystore-replaced');
    return { opening: store.slot, replaced };
  } catch (error) {
    // The entrance closes the database (quietly) when it is left.
    // Before the rekey committed the database is still old-key and the pending file is noise;
    // after it, the pending file holds the only key that opens the database and must stay.
    if (pendingWritten && !databaseRekeyed) discardPending(dataDir);
    else if (databaseRekeyed && fs.existsSync(pendingKeystorePath(dataDir))) {
      throw new StoreError('corrupt-database', t.rekeyUnfinished(error instanceof Error ? error.message : undefined), { cause: error });
    }
    throw error;
  } finally {
    newKey.fill(0);
  }
}
