import fs from 'node:fs';

/*
 * The store's files are for the account that runs it alone (docs/data-files.md). Modes are set
 * where each file is created — never by changing the process umask, which the whole process
 * (the hub, Electron, worker threads) shares and which would race with them.
 */

/** Owner read and write only. */
export const privateFileMode = 0o600;
/** Owner only, for a folder the app or `serve` creates itself. */
export const privateFolderMode = 0o700;

/** The files SQLite keeps beside a database, each made with the database file's own mode. */
export function databaseSidecars(database: string): string[] {
  return [`${database}-wal`, `${database}-shm`, `${database}-journal`];
}

/**
 * Creates an empty file readable by its owner only, so that SQLite — which creates `-wal`,
 * `-shm` and `-journal` with the database file's mode (https://sqlite.org/tempfiles.html; the
 * unix VFS's `findCreateFileMode`) — makes those owner-only too. Left alone if it already exists.
 */
export function createPrivateFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', privateFileMode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  fs.closeSync(fd);
}

/**
 * Takes group and other access away from files that already exist: a store made before the
 * modes were set at creation (its database came out 0644 in a 0755 folder), or a file copied
 * back from a backup with the copier's umask. Best effort: a file owned by another account
 * cannot be changed by this one, and opening the store must not fail over it. Windows has no
 * such bits (docs/data-files.md).
 */
export function restrictToOwner(files: readonly string[], platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  for (const file of files) {
    try {
      const { mode } = fs.statSync(file);
      if ((mode & 0o077) !== 0) fs.chmodSync(file, mode & privateFileMode);
    } catch {
      // Missing (most sidecars most of the time) or not ours to change.
    }
  }
}
