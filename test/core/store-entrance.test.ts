import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeSitePassphrase, openSite, rekeyStore, storePaths, withStore, type OpenStore, type SettledRekey, type Unlock } from '../../electron/core/index.js';
import { addSlot, createKeyFile, listSlots } from '../../electron/core/keystore/index.js';
import { pendingKeystorePath } from '../../electron/core/store/interrupted-rekey.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';

let dir: string;
let dataDir: string;
let remove: () => void;
let viaKeyFile: Unlock;

beforeEach(async () => {
  ({ dir, remove } = tempDir('osq-entrance-'));
  dataDir = path.join(dir, 'store');
  const keyFile = path.join(dir, 'site.key');
  createKeyFile(keyFile);
  viaKeyFile = { kind: 'key-file', path: keyFile };
  const site = await openSite({ dataDir, unlock: viaKeyFile, create: true });
  await site.call('setupSite', { siteName: 'Halewood One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } }, null);
  site.close();
});

afterEach(() => remove());

function snapshot(): Map<string, Buffer> {
  return new Map(fs.readdirSync(dataDir).map((name) => [name, fs.readFileSync(path.join(dataDir, name))]));
}

/** Leaves the store as a crash right after the database was re-encrypted would: a pending keystore that alone opens it. */
async function interruptRekeyAfterTheDatabaseChanged(): Promise<void> {
  await expect(
    rekeyStore({
      dataDir,
      unlock: viaKeyFile,
      onStep: (step) => {
        if (step === 'database-rekeyed') throw new Error('power cut');
      },
    }),
  ).rejects.toMatchObject({ reason: 'corrupt-database' });
  expect(fs.existsSync(pendingKeystorePath(dataDir))).toBe(true);
}

describe('withStore', () => {
  it('hands the work a locked store whose key opened the database, and says which slot opened it', async () => {
    const seen = await withStore(dataDir, viaKeyFile, (store) => ({
      locked: fs.existsSync(storePaths(dataDir).lock),
      staff: store.db.prepare('SELECT count(*) FROM staff').pluck().get(),
      slot: store.slot.kind,
    }));
    expect(seen).toEqual({ locked: true, staff: 1, slot: 'key-file' });
    expect(fs.existsSync(storePaths(dataDir).lock)).toBe(false);
  });

  it('closes the database, zeroes the key and releases the lock when the work throws, and the work’s error is the one raised', async () => {
    let entered: OpenStore | undefined;
    const failure = new Error('the work failed');
    await expect(
      withStore(dataDir, viaKeyFile, (store) => {
        entered = store;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(entered?.db.open).toBe(false);
    expect(entered?.key.every((byte) => byte === 0)).toBe(true);
    expect(fs.existsSync(storePaths(dataDir).lock)).toBe(false);
    // The next program gets in.
    expect(await withStore(dataDir, viaKeyFile, () => 'in')).toBe('in');
  });

  it('refuses a store another program has open, before any work and without changing a file', async () => {
    fs.writeFileSync(storePaths(dataDir).lock, JSON.stringify({ pid: process.ppid, host: os.hostname(), program: 'one-stop-queue serve', since: new Date().toISOString() }));
    const before = snapshot();
    let ran = false;
    await expect(withStore(dataDir, viaKeyFile, () => (ran = true))).rejects.toMatchObject({ reason: 'already-open', message: expect.stringContaining('one-stop-queue serve') });
    expect(ran).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it('with a credential that opens no slot runs no work, releases the lock and changes nothing', async () => {
    const before = snapshot();
    let ran = false;
    await expect(withStore(dataDir, { kind: 'passphrase', passphrase: testPassphrase }, () => (ran = true))).rejects.toMatchObject({ reason: 'no-such-slot' });
    expect(ran).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it('says "no keystore" for a folder that is not there, and makes nothing', async () => {
    const missing = path.join(dir, 'not-there');
    await expect(withStore(missing, viaKeyFile, () => undefined)).rejects.toMatchObject({ name: 'KeystoreError', reason: 'missing-keystore' });
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('finishes a rekey a crash interrupted before the work runs, and tells the program', async () => {
    await interruptRekeyAfterTheDatabaseChanged();
    const told: SettledRekey[] = [];
    const staff = await withStore(dataDir, viaKeyFile, ({ db }) => db.prepare('SELECT count(*) FROM staff').pluck().get(), { onSettled: (o) => told.push(o) });
    expect(staff).toBe(1);
    expect(told).toEqual(['finished']);
    expect(fs.existsSync(pendingKeystorePath(dataDir))).toBe(false);
  });
});

describe('openSite, through the same entrance', () => {
  it('settles an interrupted rekey itself, so no door can open a store without it', async () => {
    await interruptRekeyAfterTheDatabaseChanged();
    const told: SettledRekey[] = [];
    const site = await openSite({ dataDir, unlock: viaKeyFile, onSettled: (o) => told.push(o) });
    try {
      expect((await site.call('listSignInStaff', {}, null)).map((s) => s.name)).toEqual(['Mia Manager']);
    } finally {
      site.close();
    }
    expect(told).toEqual(['finished']);
    expect(fs.existsSync(storePaths(dataDir).lock)).toBe(false);
  });
});

describe('changeSitePassphrase', () => {
  it('asks for the new passphrase only once the current one has opened the store', async () => {
    await addSlot(storePaths(dataDir).keystore, viaKeyFile, { kind: 'passphrase', passphrase: testPassphrase });
    let asked = 0;
    const ask = (): Promise<string> => {
      asked += 1;
      return Promise.resolve('a brand new site passphrase');
    };

    await expect(changeSitePassphrase({ dataDir, passphrase: 'not the site passphrase', newPassphrase: ask })).rejects.toMatchObject({ reason: 'wrong-passphrase' });
    expect(asked).toBe(0);

    await changeSitePassphrase({ dataDir, passphrase: testPassphrase, newPassphrase: ask });
    expect(asked).toBe(1);
    expect(listSlots(storePaths(dataDir).keystore).map((slot) => slot.kind)).toEqual(['key-file', 'passphrase']);
    await expect(withStore(dataDir, { kind: 'passphrase', passphrase: 'a brand new site passphrase' }, () => 'opened')).resolves.toBe('opened');
  });
});
