import fs from 'node:fs';
import path from 'node:path';
import { storeText } from '../../../shared/i18n/catalogue.js';
import { unlockKeystore, type Unlock } from '../keystore/index.js';
import { acquireStoreLock } from './lock.js';
import { openDatabase, type Db } from './open-database.js';
import { storePaths } from './paths.js';
import { StoreError } from './store-error.js';

/*
 * The half of a rekey that outlives a crash (the steps are described in rekey.ts): a pending
 * keystore left beside `keystore.json` is settled before the store is opened. It tries the old
 * key first — which is also what rolls back a hot journal; tried here, the new key fails with
 * NOTADB and leaves the journal alone — and discards the pending file if the database is still
 * old-key; otherwise it proves the new key and puts the pending keystore in place. The store's
 * one entrance (../store-entrance.ts) does this under its lock before every open.
 */

const pendingName = 'keystore.rekey-pending.json';

export function pendingKeystorePath(dataDir: string): string {
  return path.join(dataDir, pendingName);
}

export type InterruptedRekeyOutcome = 'nothing-to-do' | 'finished' | 'undone';

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

/** Step 4 of a rekey: the pending keystore becomes the keystore. */
export function promotePending(dataDir: string): void {
  const paths = storePaths(dataDir);
  fs.renameSync(pendingKeystorePath(dataDir), paths.keystore);
  fsyncDirectory(dataDir);
}

export function discardPending(dataDir: string): void {
  fs.rmSync(pendingKeystorePath(dataDir), { force: true });
  fsyncDirectory(dataDir);
}

/** Opens and closes the database with a key; false only when the key is not the file's key. */
export function keyOpens(file: string, key: Buffer, nativeBinding: string | undefined): boolean {
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

/**
 * Finishes or undoes a rekey that a crash interrupted. The caller holds the store's lock. Cheap
 * when there is nothing to do (one `existsSync`).
 */
export async function settleInterruptedRekey(dataDir: string, unlock: Unlock, nativeBinding: string | undefined): Promise<InterruptedRekeyOutcome> {
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
      throw new StoreError('corrupt-database', storeText.database.neitherKeyOpens(paths.database));
    }
  } finally {
    newKey.fill(0);
  }
  promotePending(dataDir);
  return 'finished';
}

/**
 * Settles an interrupted rekey on its own, under the lock, without opening the store: for tests
 * that stop a rekey half-way. Every program opens a store through the entrance, which does this.
 */
export async function finishInterruptedRekey(options: {
  dataDir: string;
  unlock: Unlock;
  program?: string;
  nativeBinding?: string;
}): Promise<InterruptedRekeyOutcome> {
  if (!fs.existsSync(pendingKeystorePath(options.dataDir))) return 'nothing-to-do';
  const release = acquireStoreLock(storePaths(options.dataDir).lock, options.program ?? storeText.programs.any);
  try {
    return await settleInterruptedRekey(options.dataDir, options.unlock, options.nativeBinding);
  } finally {
    release();
  }
}
