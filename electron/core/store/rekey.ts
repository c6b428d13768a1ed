import fs from 'node:fs';
import path from 'node:path';
import {
  KeystoreError,
  generateDatabaseKey,
  openKeyFileSlot,
  openPassphraseSlot,
  openSafeStorageSlot,
  readKeyFile,
  readKeystore,
  replaceKey,
  unlockKeystore,
  type NewSlot,
  type SlotSummary,
  type Unlock,
} from '../keystore/index.js';
import { acquireStoreLock } from './lock.js';
import { openDatabase, type Db } from './open-database.js';
import { storePaths } from './paths.js';
import { StoreError } from './store-error.js';

/*
 * How a rekey survives a crash at any instant (DESIGN.md, "Keys"; STACK.md, "Encryption").
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
 * the rekey opens both. `finishInterruptedRekey` settles a leftover pending file: it tries
 * the old key first — which is also what rolls back a hot journal; tried here, the new key
 * fails with NOTADB and leaves the journal alone — and discards the pending file if the
 * database is still old-key; otherwise it proves the new key and finishes step 4. Every door
 * that opens a store (serve, the other commands, the desktop shell) should call it first.
 */

const pendingName = 'keystore.rekey-pending.json';

export function pendingKeystorePath(dataDir: string): string {
  return path.join(dataDir, pendingName);
}

export type RekeyStep = 'pending-keystore-written' | 'database-rekeyed' | 'new-key-verified' | 'keystore-replaced';

export interface RekeyOptions {
  dataDir: string;
  /** The credential that opens the current keystore. */
  unlock: Unlock;
  /** The slots of the new keystore; every other slot is dropped (its key no longer opens the file). */
  keep: NewSlot[];
  program?: string;
  nativeBinding?: string;
  /** Told after each durable step; tests stop the process here to prove the crash safety. */
  onStep?: (step: RekeyStep) => void;
}

export interface RekeyResult {
  /** The old keystore's slots: none of them opens the database any more. */
  replaced: SlotSummary[];
}

export type InterruptedRekeyOutcome = 'nothing-to-do' | 'finished' | 'undone';

function summary(slot: { id: string; kind: SlotSummary['kind']; label: string; createdAt: string }): SlotSummary {
  return { id: slot.id, kind: slot.kind, label: slot.label, createdAt: slot.createdAt };
}

/** Which slot the credential opens, so a rekey can keep that slot under its own label. */
export async function findUnlockingSlot(keystorePath: string, unlock: Unlock): Promise<SlotSummary> {
  const file = readKeystore(keystorePath);
  const secret = unlock.kind === 'key-file' ? readKeyFile(unlock.path) : undefined;
  let lastError: unknown;
  try {
    for (const slot of file.slots) {
      if (slot.kind !== unlock.kind) continue;
      try {
        let key: Buffer | undefined;
        if (slot.kind === 'passphrase' && unlock.kind === 'passphrase') key = await openPassphraseSlot(slot, unlock.passphrase);
        if (slot.kind === 'key-file' && secret !== undefined) key = openKeyFileSlot(slot, secret);
        if (slot.kind === 'safe-storage' && unlock.kind === 'safe-storage') key = await openSafeStorageSlot(slot, unlock.protector);
        key?.fill(0);
        if (key !== undefined) return summary(slot);
      } catch (error) {
        lastError = error;
      }
    }
  } finally {
    secret?.fill(0);
  }
  if (lastError instanceof Error) throw lastError;
  // No slot of that kind at all: unlockKeystore words that case best.
  (await unlockKeystore(keystorePath, unlock)).fill(0);
  throw new KeystoreError('unwrap-failed', 'No slot could be opened. Nothing was changed.');
}

function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a directory; the rename has still happened.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function promotePending(dataDir: string): void {
  const paths = storePaths(dataDir);
  fs.renameSync(pendingKeystorePath(dataDir), paths.keystore);
  fsyncDirectory(dataDir);
}

function discardPending(dataDir: string): void {
  fs.rmSync(pendingKeystorePath(dataDir), { force: true });
  fsyncDirectory(dataDir);
}

function closeQuietly(db: Db): void {
  try {
    db.close();
  } catch {
    // Closing is best effort on an error path; the original error is the one worth reporting.
  }
}

/** Opens and closes the database with a key; false only when the key is not the file's key. */
function keyOpens(file: string, key: Buffer, nativeBinding: string | undefined): boolean {
  let db: Db;
  try {
    db = openDatabase({ file, key: { kind: 'key', key }, create: false, nativeBinding });
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'corrupt-database') return false;
    throw error;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return true;
}

async function settlePending(dataDir: string, unlock: Unlock, nativeBinding: string | undefined): Promise<InterruptedRekeyOutcome> {
  const paths = storePaths(dataDir);
  const pending = pendingKeystorePath(dataDir);
  if (!fs.existsSync(pending)) return 'nothing-to-do';
  // Old key first: if the rekey stopped mid-transaction, opening with it rolls the hot journal back.
  let oldError: unknown;
  try {
    const oldKey = await unlockKeystore(paths.keystore, unlock);
    try {
      if (keyOpens(paths.database, oldKey, nativeBinding)) {
        discardPending(dataDir);
        return 'undone';
      }
    } finally {
      oldKey.fill(0);
    }
  } catch (error) {
    oldError = error;
  }
  let newKey: Buffer;
  try {
    newKey = await unlockKeystore(pending, unlock);
  } catch (error) {
    throw oldError instanceof Error ? oldError : error;
  }
  try {
    if (!keyOpens(paths.database, newKey, nativeBinding)) {
      throw new StoreError(
        'corrupt-database',
        `A change of key was interrupted and neither the old nor the new key opens ${paths.database}. Nothing more was changed; restore the folder from a backup.`,
      );
    }
  } finally {
    newKey.fill(0);
  }
  promotePending(dataDir);
  return 'finished';
}

/**
 * Run before opening a store: finishes or undoes a rekey that a crash interrupted. Cheap when
 * there is nothing to do (one `existsSync`).
 */
export async function finishInterruptedRekey(options: {
  dataDir: string;
  unlock: Unlock;
  program?: string;
  nativeBinding?: string;
}): Promise<InterruptedRekeyOutcome> {
  if (!fs.existsSync(pendingKeystorePath(options.dataDir))) return 'nothing-to-do';
  const release = acquireStoreLock(storePaths(options.dataDir).lock, options.program ?? 'One Stop Queue');
  try {
    return await settlePending(options.dataDir, options.unlock, options.nativeBinding);
  } finally {
    release();
  }
}

/**
 * Replaces the database key itself, for when it may have been exposed: a new random key,
 * the file re-encrypted with it, and a new keystore holding only the `keep` slots.
 */
export async function rekeyStore(options: RekeyOptions): Promise<RekeyResult> {
  const { dataDir, unlock, keep, nativeBinding } = options;
  if (keep.length === 0) {
    throw new KeystoreError('last-slot', 'A keystore needs at least one slot to open it. Nothing was changed.');
  }
  const paths = storePaths(dataDir);
  const release = acquireStoreLock(paths.lock, options.program ?? 'One Stop Queue (rekey)');
  let oldKey: Buffer | undefined;
  let newKey: Buffer | undefined;
  let db: Db | undefined;
  let pendingWritten = false;
  let databaseRekeyed = false;
  try {
    await settlePending(dataDir, unlock, nativeBinding);
    const replaced = readKeystore(paths.keystore).slots.map(summary);
    oldKey = await unlockKeystore(paths.keystore, unlock);
    // Proves the key, refuses a newer schema and brings an older one up to date, before any write.
    db = openDatabase({ file: paths.database, key: { kind: 'key', key: oldKey }, create: false, nativeBinding });

    newKey = generateDatabaseKey();
    await replaceKey(pendingKeystorePath(dataDir), newKey, keep);
    pendingWritten = true;
    options.onStep?.('pending-keystore-written');

    // SQLite3MC refuses to rekey in WAL mode, and the rekey must not run inside a transaction:
    // empty the WAL into the file, switch to a rollback journal, rekey, switch back (STACK.md).
    const checkpoint = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (checkpoint[0]?.busy !== 0) throw new StoreError('already-open', 'Another connection is still using the database. Close it and try again.');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new StoreError('already-open', 'The database could not leave WAL mode. Close every other program using it and try again.');
    // In DELETE mode the commit is the journal's unlink; only EXTRA fsyncs the folder after it.
    // Without that a power cut could bring the journal back and roll the file back to the old
    // key after the keystore had already forgotten it (https://sqlite.org/pragma.html#pragma_synchronous).
    db.pragma('synchronous = EXTRA');
    db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    databaseRekeyed = true;
    options.onStep?.('database-rekeyed');
    db.pragma('journal_mode = WAL');
    db.close();
    db = undefined;

    if (!keyOpens(paths.database, newKey, nativeBinding)) {
      throw new StoreError('corrupt-database', 'The database did not open with its new key after the rekey.');
    }
    options.onStep?.('new-key-verified');
    promotePending(dataDir);
    options.onStep?.('keystore-replaced');
    return { replaced };
  } catch (error) {
    if (db !== undefined) closeQuietly(db);
    // Before the rekey committed the database is still old-key and the pending file is noise;
    // after it, the pending file holds the only key that opens the database and must stay.
    if (pendingWritten && !databaseRekeyed) discardPending(dataDir);
    else if (databaseRekeyed && fs.existsSync(pendingKeystorePath(dataDir))) {
      throw new StoreError(
        'corrupt-database',
        `The database was rekeyed but the new keystore could not be put in place (${error instanceof Error ? error.message : 'unknown error'}). Run the command again with the same passphrase or key file to finish.`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    oldKey?.fill(0);
    newKey?.fill(0);
    release();
  }
}
