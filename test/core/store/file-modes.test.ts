import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyFile, type Unlock } from '../../../electron/core/keystore/index.js';
import { openSite } from '../../../electron/core/open-site.js';
import type { Site } from '../../../electron/core/site.js';
import { storePaths } from '../../../electron/core/store/paths.js';
import { pendingKeystorePath, rekeyStore } from '../../../electron/core/store/rekey.js';
import { tempDir } from '../../fixtures/temp-site.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Every file in the folder with its mode, e.g. { 'keystore.json': 0o600 }. */
function modes(dir: string): Record<string, number> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, modeOf(path.join(dir, name))]));
}

function world(): { dir: string; unlock: Unlock } {
  const t = tempDir('osq-modes-');
  cleanups.push(t.remove);
  const keyFile = path.join(t.dir, 'site.key');
  createKeyFile(keyFile);
  return { dir: t.dir, unlock: { kind: 'key-file', path: keyFile } };
}

async function setUp(dataDir: string, unlock: Unlock): Promise<Site> {
  const site = await openSite({ dataDir, unlock, create: true });
  await site.call('setupSite', { siteName: 'Test Shop', timeZone: 'Europe/London', manager: { name: 'Mo Manager', pin: '2468' } }, null);
  return site;
}

const storeFiles = ['keystore.json', 'one-stop-queue.db', 'one-stop-queue.db-shm', 'one-stop-queue.db-wal', 'one-stop-queue.lock'];

// Windows has no mode bits; what protects the files there is in docs/data-files.md.
describe.skipIf(process.platform === 'win32')('the store’s files are its account’s alone', () => {
  it('creates every file 0600 in a folder the user made 0755, and leaves the folder as it was', async () => {
    const { dir, unlock } = world();
    const dataDir = path.join(dir, 'chosen');
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o755);
    const site = await setUp(dataDir, unlock);
    try {
      expect(Object.keys(modes(dataDir)).sort()).toEqual(storeFiles);
      expect(modes(dataDir)).toEqual(Object.fromEntries(storeFiles.map((name) => [name, 0o600])));
      // A checkpoint empties the -wal; the next write fills it again, in the same files.
      site.database.pragma('wal_checkpoint(TRUNCATE)');
      site.database.prepare("INSERT INTO settings (key, value) VALUES ('modes-test', '1')").run();
      expect(Object.values(modes(dataDir))).toEqual(storeFiles.map(() => 0o600));
    } finally {
      site.close();
    }
    expect(modeOf(dataDir)).toBe(0o755);
    const again = await openSite({ dataDir, unlock });
    try {
      expect(Object.values(modes(dataDir)).every((mode) => mode === 0o600)).toBe(true);
    } finally {
      again.close();
    }
  });

  it('makes a folder it creates itself, and any parent it creates with it, 0700', async () => {
    const { dir, unlock } = world();
    const dataDir = path.join(dir, 'new-parent', 'store');
    (await setUp(dataDir, unlock)).close();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.dirname(dataDir))).toBe(0o700);
  });

  it('narrows the files of a store made before the modes were set (0644) the next time it opens', async () => {
    const { dir, unlock } = world();
    const dataDir = path.join(dir, 'old');
    const paths = storePaths(dataDir);
    (await setUp(dataDir, unlock)).close();
    // As an older version left them, after a crash that kept the -wal and -shm.
    for (const file of [paths.database, paths.keystore]) fs.chmodSync(file, 0o644);
    for (const file of [`${paths.database}-wal`, `${paths.database}-shm`]) fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(`${paths.database}-wal`, 0o644);
    fs.chmodSync(`${paths.database}-shm`, 0o644);
    const again = await openSite({ dataDir, unlock });
    try {
      expect(Object.values(modes(dataDir)).every((mode) => mode === 0o600)).toBe(true);
      expect(Object.keys(modes(dataDir))).toEqual(expect.arrayContaining(['one-stop-queue.db-wal', 'one-stop-queue.db-shm']));
    } finally {
      again.close();
    }
  });

  it('keeps every file 0600 through a rekey, the pending keystore included', async () => {
    const { dir, unlock } = world();
    const dataDir = path.join(dir, 'chosen');
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o755);
    (await setUp(dataDir, unlock)).close();
    const seen: Array<Record<string, number>> = [];
    await rekeyStore({ dataDir, unlock, keep: [unlock], onStep: () => seen.push(modes(dataDir)) });
    expect(seen).toHaveLength(4);
    expect(Object.keys(seen[0]!)).toContain(path.basename(pendingKeystorePath(dataDir)));
    for (const step of seen) expect(Object.values(step).every((mode) => mode === 0o600)).toBe(true);
    expect(Object.values(modes(dataDir)).every((mode) => mode === 0o600)).toBe(true);
  });
});
