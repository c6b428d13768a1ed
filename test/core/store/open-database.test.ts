import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSite } from '../../../electron/core/open-site.js';
import { openDatabase } from '../../../electron/core/store/open-database.js';
import { latestVersion } from '../../../electron/core/store/migrations/index.js';
import { storePaths } from '../../../electron/core/store/paths.js';
import { KeystoreError } from '../../../electron/core/keystore/index.js';
import { StoreError } from '../../../electron/core/store/store-error.js';
import { ManualClock } from '../../../electron/core/clock.js';
import { tempDir, testPassphrase, tuesdayMorning } from '../../fixtures/temp-site.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function newDir(): string {
  const t = tempDir();
  cleanups.push(t.remove);
  return path.join(t.dir, 'store');
}

const unlock = { kind: 'passphrase' as const, passphrase: testPassphrase };
const distinctiveName = 'Zebedee Quillfeather-Ostrowski';

/** Every file in the folder, byte for byte, so a test can prove a failure touched nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(dir)) files.set(name, fs.readFileSync(path.join(dir, name)).toString('base64'));
  return files;
}

async function createSiteWithVisitor(dir: string) {
  const site = await openSite({ dataDir: dir, unlock, create: true, clock: new ManualClock(tuesdayMorning) });
  const manager = await site.call('setupSite', { siteName: 'Test Shop', timeZone: 'Europe/London', manager: { name: 'Mo Manager', pin: '2468' } }, null);
  await site.call('createStaff', { name: distinctiveName, role: 'advisor', pin: '1111', managerPin: '2468' }, manager.token);
  return site;
}

describe('the encrypted store', () => {
  it('round-trips: what one session stores, the next one reads back with the same passphrase', async () => {
    const dir = newDir();
    (await createSiteWithVisitor(dir)).close();
    const again = await openSite({ dataDir: dir, unlock, clock: new ManualClock(tuesdayMorning) });
    try {
      const names = (await again.call('listSignInStaff', {}, null)).map((s) => s.name);
      expect(names).toContain(distinctiveName);
    } finally {
      again.close();
    }
  });

  it('never writes a stored name in plain bytes to the database or its -wal file', async () => {
    const dir = newDir();
    const site = await createSiteWithVisitor(dir);
    const paths = storePaths(dir);
    const needle = Buffer.from(distinctiveName, 'utf8');
    // Checked while open (the -wal holds the latest pages) and after close.
    expect(fs.readFileSync(paths.database).includes(needle)).toBe(false);
    expect(fs.existsSync(`${paths.database}-wal`)).toBe(true);
    expect(fs.readFileSync(`${paths.database}-wal`).includes(needle)).toBe(false);
    site.close();
    expect(fs.readFileSync(paths.database).includes(needle)).toBe(false);
    // The same bytes do appear in an unencrypted file, so the search would find them.
    const plainDir = newDir();
    fs.mkdirSync(plainDir, { recursive: true });
    const plain = openDatabase({ file: path.join(plainDir, 'plain.db'), key: { kind: 'unencrypted-for-tests' }, create: true });
    plain.prepare("INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, 'advisor', 'x', 0)").run(distinctiveName);
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.close();
    expect(fs.readFileSync(path.join(plainDir, 'plain.db')).includes(needle)).toBe(true);
  });

  it('sets the pragmas the design relies on', async () => {
    const dir = newDir();
    const site = await createSiteWithVisitor(dir);
    try {
      const db = site.database;
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    } finally {
      site.close();
    }
  });

  it('refuses a wrong passphrase with its own error and leaves every file byte for byte unchanged', async () => {
    const dir = newDir();
    (await createSiteWithVisitor(dir)).close();
    const before = snapshot(dir);
    const error = await openSite({ dataDir: dir, unlock: { kind: 'passphrase', passphrase: 'not the right passphrase' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeystoreError);
    expect((error as KeystoreError).reason).toBe('wrong-passphrase');
    expect((error as Error).message).not.toContain('not the right passphrase');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a store whose keystore is missing with its own error and touches nothing', async () => {
    const dir = newDir();
    (await createSiteWithVisitor(dir)).close();
    fs.rmSync(storePaths(dir).keystore);
    const before = snapshot(dir);
    const error = await openSite({ dataDir: dir, unlock, create: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeystoreError);
    expect((error as KeystoreError).reason).toBe('missing-keystore');
    expect(snapshot(dir)).toEqual(before);
  });

  it('tells a damaged database apart from a wrong passphrase and leaves it unchanged', async () => {
    const dir = newDir();
    (await createSiteWithVisitor(dir)).close();
    const file = storePaths(dir).database;
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 0, 4096); // overwrite the first page
    fs.writeFileSync(file, bytes);
    const before = snapshot(dir);
    const error = await openSite({ dataDir: dir, unlock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('corrupt-database');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a file written by a newer version of the app without touching it', async () => {
    const dir = newDir();
    (await createSiteWithVisitor(dir)).close();
    // Stamp a future schema version with the real key, as a newer app would have.
    const key = await (await import('../../../electron/core/keystore/index.js')).unlockKeystore(storePaths(dir).keystore, unlock);
    const db = openDatabase({ file: storePaths(dir).database, key: { kind: 'key', key }, create: false });
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = snapshot(dir);
    const error = await openSite({ dataDir: dir, unlock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('newer-version');
    expect(snapshot(dir)).toEqual(before);
  });

  it('lets only one program open a store: a second gets "already open by …"', async () => {
    const dir = newDir();
    (await createSiteWithVisitor(dir)).close();
    // A live process on this host (our parent) holds the lock.
    fs.writeFileSync(
      storePaths(dir).lock,
      JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), program: 'One Stop Queue desktop', since: 'today' }),
    );
    const error = await openSite({ dataDir: dir, unlock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('already-open');
    expect((error as Error).message).toContain('already open by One Stop Queue desktop');
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = newDir();
    (await createSiteWithVisitor(dir)).close();
    fs.writeFileSync(
      storePaths(dir).lock,
      JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), program: 'serve', since: 'yesterday' }),
    );
    const site = await openSite({ dataDir: dir, unlock });
    site.close();
    expect(fs.existsSync(storePaths(dir).lock)).toBe(false);
  });
});
