import path from 'node:path';

export interface StorePaths {
  dir: string;
  database: string;
  keystore: string;
  lock: string;
}

export function storePaths(dir: string): StorePaths {
  return {
    dir,
    database: path.join(dir, 'one-stop-queue.db'),
    keystore: path.join(dir, 'keystore.json'),
    lock: path.join(dir, 'one-stop-queue.lock'),
  };
}
