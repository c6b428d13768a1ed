import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSlots, unlockKeystore, type Unlock } from '../../electron/core/keystore/index.js';
import { openSite } from '../../electron/core/open-site.js';
import { openDatabase } from '../../electron/core/store/open-database.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { exitCodes } from '../../electron/cli/exit-codes.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { runProgram, snapshot, spawnTimeout } from './program.js';

const newPassphrase = 'a brand new site passphrase';
const passphrase: Unlock = { kind: 'passphrase', passphrase: testPassphrase };

let dir: string;
let dataDir: string;
let remove: () => void;
let managerId: number;

beforeEach(async () => {
  ({ dir, remove } = tempDir('osq-keys-'));
  dataDir = path.join(dir, 'store');
  const site = await openSite({ dataDir, unlock: passphrase, create: true });
  managerId = (await site.call('setupSite', { siteName: 'Speke One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } }, null)).staff.id;
  site.close();
});

afterEach(() => remove());

async function signIn(unlock: Unlock, pin: string): Promise<string> {
  const site = await openSite({ dataDir, unlock });
  try {
    return await site.call('signIn', { staffId: managerId, pin }, null).then(
      () => 'signed in',
      (error: unknown) => (error as { code: string }).code,
    );
  } finally {
    site.close();
  }
}

function expectNoSecrets(text: string, ...secrets: string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/^\s+at /m);
}

describe('one-stop-queue change-passphrase', { timeout: spawnTimeout }, () => {
  it('rewraps the passphrase slot: the new passphrase opens the store, the old one no longer does', async () => {
    const keyBefore = await unlockKeystore(storePaths(dataDir).keystore, passphrase);

    const result = await runProgram(['change-passphrase', '--data-dir', dataDir], {
      ONE_STOP_QUEUE_PASSPHRASE: testPassphrase,
      ONE_STOP_QUEUE_NEW_PASSPHRASE: newPassphrase,
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/The passphrase was changed/);
    expectNoSecrets(result.stdout + result.stderr, testPassphrase, newPassphrase);
    await expect(unlockKeystore(storePaths(dataDir).keystore, passphrase)).rejects.toMatchObject({ reason: 'wrong-passphrase' });
    // The key itself is unchanged: only its wrapping is.
    expect((await unlockKeystore(storePaths(dataDir).keystore, { kind: 'passphrase', passphrase: newPassphrase })).equals(keyBefore)).toBe(true);
    expect(await signIn({ kind: 'passphrase', passphrase: newPassphrase }, '2468')).toBe('signed in');
  });

  it('with a wrong current passphrase exits 3 and changes nothing', async () => {
    const before = snapshot(dataDir);
    const result = await runProgram(['change-passphrase', '--data-dir', dataDir], {
      ONE_STOP_QUEUE_PASSPHRASE: 'definitely not it at all',
      ONE_STOP_QUEUE_NEW_PASSPHRASE: newPassphrase,
    });
    expect(result.code).toBe(exitCodes.wrongKey);
    expect(result.stderr.trim()).toBe('The passphrase is wrong. Nothing was changed.');
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('refuses a new passphrase shorter than 12 characters and changes nothing', async () => {
    const before = snapshot(dataDir);
    const result = await runProgram(['change-passphrase', '--data-dir', dataDir], {
      ONE_STOP_QUEUE_PASSPHRASE: testPassphrase,
      ONE_STOP_QUEUE_NEW_PASSPHRASE: 'short',
    });
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toMatch(/at least 12 characters/);
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('one-stop-queue add-key-file', { timeout: spawnTimeout }, () => {
  it('creates a key file readable by its owner only that opens the store', async () => {
    const keyFile = path.join(dir, 'serve.key');
    const result = await runProgram(['add-key-file', '--data-dir', dataDir, '--key-file', keyFile], { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(keyFile);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(listSlots(storePaths(dataDir).keystore).map((slot) => slot.kind)).toEqual(['passphrase', 'key-file']);
    expect(await signIn({ kind: 'key-file', path: keyFile }, '2468')).toBe('signed in');
  });

  it('with a wrong passphrase exits 3, creates no key file and changes nothing', async () => {
    const keyFile = path.join(dir, 'serve.key');
    const before = snapshot(dataDir);
    const result = await runProgram(['add-key-file', '--data-dir', dataDir, '--key-file', keyFile], { ONE_STOP_QUEUE_PASSPHRASE: 'definitely not it at all' });
    expect(result.code).toBe(exitCodes.wrongKey);
    expect(fs.existsSync(keyFile)).toBe(false);
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('one-stop-queue rekey', { timeout: spawnTimeout }, () => {
  it('re-encrypts with a new key, keeps the passphrase, drops the other slots and says so', async () => {
    const keyFile = path.join(dir, 'serve.key');
    expect((await runProgram(['add-key-file', '--data-dir', dataDir, '--key-file', keyFile], { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase })).code).toBe(0);
    const oldKey = await unlockKeystore(storePaths(dataDir).keystore, passphrase);

    const result = await runProgram(['rekey', '--data-dir', dataDir], { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/The store has a new key/);
    expect(result.stdout).toMatch(/same passphrase as before \("site passphrase"\)/);
    expect(result.stdout).toMatch(/Dropped, because they held the old key: key file "key file"/);
    expectNoSecrets(result.stdout + result.stderr, testPassphrase);
    expect(() => openDatabase({ file: storePaths(dataDir).database, key: { kind: 'key', key: oldKey }, create: false })).toThrow(
      expect.objectContaining({ reason: 'corrupt-database' }),
    );
    await expect(unlockKeystore(storePaths(dataDir).keystore, { kind: 'key-file', path: keyFile })).rejects.toMatchObject({ reason: 'no-such-slot' });
    expect(await signIn(passphrase, '2468')).toBe('signed in');
  });

  it('keeps a key file when opened with one', async () => {
    const keyFile = path.join(dir, 'serve.key');
    expect((await runProgram(['add-key-file', '--data-dir', dataDir, '--key-file', keyFile], { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase })).code).toBe(0);

    const result = await runProgram(['rekey', '--data-dir', dataDir, '--key-file', keyFile]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Dropped, because they held the old key: passphrase "site passphrase"/);
    expect(result.stdout).toMatch(/recovery passphrase again/);
    expect(listSlots(storePaths(dataDir).keystore).map((slot) => slot.kind)).toEqual(['key-file']);
    expect(await signIn({ kind: 'key-file', path: keyFile }, '2468')).toBe('signed in');
  });

  it('refuses while another program has the store open, and changes nothing', async () => {
    // A live process on this host holding the lock, as a running hub would.
    fs.writeFileSync(storePaths(dataDir).lock, JSON.stringify({ pid: process.pid, host: os.hostname(), program: 'one-stop-queue serve', since: new Date().toISOString() }));
    const before = snapshot(dataDir);

    const result = await runProgram(['rekey', '--data-dir', dataDir], { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase });

    expect(result.code).toBe(exitCodes.alreadyOpen);
    expect(result.stderr).toMatch(/already open by one-stop-queue serve/);
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('one-stop-queue reset-manager-pin', { timeout: spawnTimeout }, () => {
  it("sets a forgotten manager's new PIN with the site passphrase and names nobody in its output", async () => {
    const result = await runProgram(['reset-manager-pin', '--data-dir', dataDir], {
      ONE_STOP_QUEUE_PASSPHRASE: testPassphrase,
      ONE_STOP_QUEUE_NEW_PIN: '97531',
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`staff id ${String(managerId)}`));
    expectNoSecrets(result.stdout + result.stderr, testPassphrase, '97531', 'Mia');
    expect(await signIn(passphrase, '97531')).toBe('signed in');
    expect(await signIn(passphrase, '2468')).toBe('unauthenticated');
  });

  it('with a wrong passphrase exits 3 and changes nothing', async () => {
    const before = snapshot(dataDir);
    const result = await runProgram(['reset-manager-pin', '--data-dir', dataDir], {
      ONE_STOP_QUEUE_PASSPHRASE: 'definitely not it at all',
      ONE_STOP_QUEUE_NEW_PIN: '97531',
    });
    expect(result.code).toBe(exitCodes.wrongKey);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('refuses a name that is not a manager of the site (exit 7) and a PIN that is not 4 to 8 digits (exit 2)', async () => {
    const before = snapshot(dataDir);
    const nobody = await runProgram(['reset-manager-pin', '--data-dir', dataDir, '--manager', 'Nobody Here'], {
      ONE_STOP_QUEUE_PASSPHRASE: testPassphrase,
      ONE_STOP_QUEUE_NEW_PIN: '97531',
    });
    expect(nobody.code).toBe(exitCodes.refused);
    expect(nobody.stderr).toMatch(/no member of staff with that name/);

    const badPin = await runProgram(['reset-manager-pin', '--data-dir', dataDir], { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase, ONE_STOP_QUEUE_NEW_PIN: '12' });
    expect(badPin.code).toBe(exitCodes.usage);
    expect(badPin.stderr).toMatch(/4 to 8 digits/);
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('the program', { timeout: spawnTimeout }, () => {
  it('asks for --data-dir on the commands that change a store, and lists its commands', async () => {
    for (const command of ['rekey', 'change-passphrase', 'add-key-file', 'reset-manager-pin']) {
      const result = await runProgram([command], { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase });
      expect(result.code, command).toBe(exitCodes.usage);
      expect(result.stderr).toMatch(/--data-dir DIR/);
    }
    const help = await runProgram(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'rekey', 'change-passphrase', 'add-key-file', 'reset-manager-pin']) expect(help.stdout).toContain(command);
  });
});
