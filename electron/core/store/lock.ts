import fs from 'node:fs';
import os from 'node:os';
import { storeText } from '../../../shared/i18n/catalogue.js';
import { StoreError } from './store-error.js';

interface LockOwner {
  pid: number;
  host: string;
  program: string;
  since: string;
}

const heldHere = new Map<string, number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/**
 * One process opens a store at a time. The lock file names its owner so the second gets
 * "already open by …"; a lock left by a process that died (kill -9, power cut) is taken over.
 * Connections within the owning process (worker threads in tests) share it.
 */
export function acquireStoreLock(file: string, program: string): () => void {
  const count = heldHere.get(file) ?? 0;
  if (count > 0) {
    heldHere.set(file, count + 1);
    return () => releaseStoreLock(file);
  }
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), program, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
      heldHere.set(file, 1);
      return () => releaseStoreLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readOwner(file);
      const sameHost = current !== null && current.host === os.hostname();
      if (current !== null && (current.pid === process.pid || (sameHost && alive(current.pid)) || !sameHost)) {
        if (current.pid === process.pid && sameHost) {
          // Another thread of this process (a worker with its own connection) owns the file:
          // join it, and leave removing it to the owner.
          return () => undefined;
        }
        throw new StoreError('already-open', storeText.database.alreadyOpenBy(current));
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new StoreError('already-open', storeText.database.alreadyOpen);
}

function releaseStoreLock(file: string): void {
  const count = heldHere.get(file) ?? 0;
  if (count > 1) {
    heldHere.set(file, count - 1);
    return;
  }
  heldHere.delete(file);
  const owner = readOwner(file);
  if (owner?.pid === process.pid) fs.rmSync(file, { force: true });
}
