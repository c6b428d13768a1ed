import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFile, listSlots, readKeystore, unlockKeystore, type Unlock } from '../../../electron/core/keystore/index.js';
import { openSite } from '../../../electron/core/open-site.js';
import { openDatabase } from '../../../electron/core/store/open-database.js';
import { storePaths } from '../../../electron/core/store/paths.js';
import { finishInterruptedRekey, findUnlockingSlot, pendingKeystorePath, rekeyStore, type RekeyStep } from '../../../electron/core/store/rekey.js';
import { tempDir, testPassphrase } from '../../fixtures/temp-site.js';

const rekeyModule = pathToFileURL(fileURLToPath(new URL('../../../electron/core/store/rekey.ts', import.meta.url))).href;
const passphrase: Unlock = { kind: 'passphrase', passphrase: testPassphrase };

let dir: string;
let dataDir: string;
let remove: () => void;

beforeEach(async () => {
  ({ dir, remove } = tempDir('osq-rekey-'));
  dataDir = path.join(dir, 'store');
  const site = await openSite({ dataDir, unlock: passphrase, create: true });
  await site.call('setupSite', { siteName: 'Bootle One Stop Shop', timeZone: 'Europe/London', manager: { name: "Siân O'Brien", pin: '2468' } }, null);
  site.close();
});

afterEach(() => remove());

async function staffNames(unlock: Unlock = passphrase): Promise<string[]> {
  const site = await openSite({ dataDir, unlock });
  try {
    return (await site.call('listSignInStaff', {}, null)).map((s) => s.name);
  } finally {
    site.close();
  }
}

function keyOpensDatabase(key: Buffer): boolean {
  try {
    openDatabase({ file: storePaths(dataDir).database, key: { kind: 'key', key }, create: false }).close();
    return true;
  } catch (error) {
    expect(error).toMatchObject({ reason: 'corrupt-database' });
    return false;
  }
}

function snapshot(): Map<string, Buffer> {
  return new Map(fs.readdirSync(dataDir).map((name) => [name, fs.readFileSync(path.join(dataDir, name))]));
}

/** Runs a rekey in another process that dies by SIGKILL at the given step, as in a power cut. */
function rekeyKilledAt(step: RekeyStep): Promise<NodeJS.Signals | null> {
  const code = `
    const { rekeyStore } = await import(${JSON.stringify(rekeyModule)});
    const unlock = { kind: 'passphrase', passphrase: process.env.OSQ_TEST_PASSPHRASE };
    await rekeyStore({ dataDir: process.env.OSQ_TEST_DIR, unlock, keep: [unlock], onStep: (step) => {
      if (step === process.env.OSQ_TEST_STEP) process.kill(process.pid, 'SIGKILL');
    } });
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    env: { ...process.env, OSQ_TEST_DIR: dataDir, OSQ_TEST_STEP: step, OSQ_TEST_PASSPHRASE: testPassphrase },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => (signal === null ? reject(new Error(`child exited ${String(exitCode)}: ${stderr}`)) : resolve(signal)));
  });
}

describe('rekeyStore', () => {
  it('re-encrypts with a new key: the old key no longer opens the database, the kept passphrase does, and the data survives', async () => {
    const oldKey = await unlockKeystore(storePaths(dataDir).keystore, passphrase);
    const oldKeyId = readKeystore(storePaths(dataDir).keystore).keyId;

    await rekeyStore({ dataDir, unlock: passphrase, keep: [passphrase] });

    expect(keyOpensDatabase(oldKey)).toBe(false);
    const newKey = await unlockKeystore(storePaths(dataDir).keystore, passphrase);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(keyOpensDatabase(newKey)).toBe(true);
    expect(readKeystore(storePaths(dataDir).keystore).keyId).not.toBe(oldKeyId);
    expect(await staffNames()).toEqual(["Siân O'Brien"]);
    expect(fs.existsSync(pendingKeystorePath(dataDir))).toBe(false);
    expect(fs.existsSync(storePaths(dataDir).lock)).toBe(false);
  });

  it('keeps only the slots it is given: a key file that was not kept no longer opens the store', async () => {
    const keyFile = path.join(dir, 'site.key');
    createKeyFile(keyFile);
    const { addSlot } = await import('../../../electron/core/keystore/index.js');
    await addSlot(storePaths(dataDir).keystore, passphrase, { kind: 'key-file', path: keyFile });
    const opening = await findUnlockingSlot(storePaths(dataDir).keystore, passphrase);

    const { replaced } = await rekeyStore({ dataDir, unlock: passphrase, keep: [{ ...passphrase, label: opening.label }] });

    expect(replaced.map((slot) => slot.kind).sort()).toEqual(['key-file', 'passphrase']);
    expect(listSlots(storePaths(dataDir).keystore)).toEqual([expect.objectContaining({ kind: 'passphrase', label: opening.label })]);
    await expect(unlockKeystore(storePaths(dataDir).keystore, { kind: 'key-file', path: keyFile })).rejects.toMatchObject({ reason: 'no-such-slot' });
    expect(await staffNames()).toEqual(["Siân O'Brien"]);
  });

  it('can move the store from a passphrase to a key file', async () => {
    const keyFile = path.join(dir, 'new.key');
    createKeyFile(keyFile);
    const viaKeyFile: Unlock = { kind: 'key-file', path: keyFile };

    await rekeyStore({ dataDir, unlock: passphrase, keep: [viaKeyFile] });

    await expect(unlockKeystore(storePaths(dataDir).keystore, passphrase)).rejects.toMatchObject({ reason: 'no-such-slot' });
    expect(await staffNames(viaKeyFile)).toEqual(["Siân O'Brien"]);
  });

  it('with a wrong passphrase gives wrong-passphrase and leaves every file byte-for-byte unchanged', async () => {
    const before = snapshot();
    await expect(rekeyStore({ dataDir, unlock: { kind: 'passphrase', passphrase: 'not the site passphrase' }, keep: [passphrase] })).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    expect(snapshot()).toEqual(before);
  });

  it('refuses while another program has the store open, and changes nothing', async () => {
    // A live process on this host (our parent) holding the lock, as a running hub would.
    const owner = { pid: process.ppid, host: os.hostname(), program: 'One Stop Queue', since: new Date().toISOString() };
    fs.writeFileSync(storePaths(dataDir).lock, JSON.stringify(owner));
    const before = snapshot();
    await expect(rekeyStore({ dataDir, unlock: passphrase, keep: [passphrase] })).rejects.toMatchObject({ reason: 'already-open' });
    expect(snapshot()).toEqual(before);
  });
});

describe('a rekey interrupted by a crash', () => {
  it('before the database was touched: the old keystore still opens it, and the leftover is undone', async () => {
    const oldKey = await unlockKeystore(storePaths(dataDir).keystore, passphrase);
    expect(await rekeyKilledAt('pending-keystore-written')).toBe('SIGKILL');
    expect(fs.existsSync(pendingKeystorePath(dataDir))).toBe(true);
    expect(keyOpensDatabase(oldKey)).toBe(true);

    expect(await finishInterruptedRekey({ dataDir, unlock: passphrase })).toBe('undone');

    expect(fs.existsSync(pendingKeystorePath(dataDir))).toBe(false);
    expect((await unlockKeystore(storePaths(dataDir).keystore, passphrase)).equals(oldKey)).toBe(true);
    expect(await staffNames()).toEqual(["Siân O'Brien"]);
  });

  it.each(['database-rekeyed', 'new-key-verified'] as const)('after the database was rekeyed (%s): the pending keystore opens it, and the rekey is finished', async (step) => {
    const oldKey = await unlockKeystore(storePaths(dataDir).keystore, passphrase);
    expect(await rekeyKilledAt(step)).toBe('SIGKILL');
    // The promise: at every instant one of the two keystores opens the database.
    expect(keyOpensDatabase(oldKey)).toBe(false);
    expect(keyOpensDatabase(await unlockKeystore(pendingKeystorePath(dataDir), passphrase))).toBe(true);

    expect(await finishInterruptedRekey({ dataDir, unlock: passphrase })).toBe('finished');

    expect(fs.existsSync(pendingKeystorePath(dataDir))).toBe(false);
    expect(await staffNames()).toEqual(["Siân O'Brien"]);
  });

  it('in the middle of re-encrypting the pages: the journal rolls back with the old key and nothing is lost', async () => {
    // Enough pages that the rekey transaction spills to the file before it commits.
    const paths = storePaths(dataDir);
    const key = await unlockKeystore(paths.keystore, passphrase);
    const db = openDatabase({ file: paths.database, key: { kind: 'key', key }, create: false });
    db.exec('CREATE TABLE filler (data BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO filler (data) VALUES (randomblob(4000))');
    db.transaction(() => {
      for (let i = 0; i < 6000; i += 1) insert.run();
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    const journal = `${paths.database}-journal`;
    let journalAtKill = false;
    const watcher = fs.watch(dataDir);
    const killed = new Promise<void>((resolve) => {
      watcher.on('change', (_event, name) => {
        if (String(name) === path.basename(journal) && !journalAtKill && fs.existsSync(journal)) {
          journalAtKill = true;
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    const code = `
      const { rekeyStore } = await import(${JSON.stringify(rekeyModule)});
      const unlock = { kind: 'passphrase', passphrase: process.env.OSQ_TEST_PASSPHRASE };
      await rekeyStore({ dataDir: process.env.OSQ_TEST_DIR, unlock, keep: [unlock] });
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      env: { ...process.env, OSQ_TEST_DIR: dataDir, OSQ_TEST_PASSPHRASE: testPassphrase },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await Promise.race([killed, exited]);
    await exited;
    watcher.close();
    const hotJournal = fs.existsSync(journal);

    const outcome = await finishInterruptedRekey({ dataDir, unlock: passphrase });

    // Whenever it was stopped, the kept passphrase opens the store with every row in it; with a
    // hot journal left behind, the rekey had not committed and must have been undone.
    if (hotJournal) expect(outcome).toBe('undone');
    else expect(['undone', 'finished', 'nothing-to-do']).toContain(outcome);
    expect(fs.existsSync(pendingKeystorePath(dataDir))).toBe(false);
    const site = await openSite({ dataDir, unlock: passphrase });
    try {
      expect((site.database.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n).toBe(6000);
    } finally {
      site.close();
    }
    expect(await staffNames()).toEqual(["Siân O'Brien"]);
  });
});
