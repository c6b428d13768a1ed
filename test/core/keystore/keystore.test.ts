import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addSlot,
  addSlotWithKey,
  changePassphrase,
  createKeyFile,
  createKeystore,
  generateDatabaseKey,
  listSlots,
  readKeystore,
  removeSlot,
  replaceKey,
  unlockKeystore,
} from '../../../electron/core/keystore/index.js';
import { BrokenProtector, TestProtector } from './test-protector.js';

const sitePassphrase = 'correct horse battery';
const recoveryPassphrase = 'purple elephant 2026 recovery';

let dir: string;
let path: string;
let keyFilePath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'osq-'));
  path = join(dir, 'keystore.json');
  keyFilePath = join(dir, 'site.key');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function keystoreBytes(): Buffer {
  return readFileSync(path);
}

describe('createKeystore and unlockKeystore', () => {
  it('unlocks with the passphrase it was created with and returns the same 32-byte key', async () => {
    const key = await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    expect(key).toHaveLength(32);
    expect(await unlockKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase })).toEqual(key);
  });

  it('gives wrong-passphrase for a wrong passphrase and leaves the file byte-for-byte unchanged', async () => {
    await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    const before = keystoreBytes();
    await expect(unlockKeystore(path, { kind: 'passphrase', passphrase: 'not the passphrase' })).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    expect(keystoreBytes()).toEqual(before);
  });

  it('gives missing-keystore when there is no keystore', async () => {
    await expect(unlockKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase })).rejects.toMatchObject({
      reason: 'missing-keystore',
    });
  });

  it('refuses to create over an existing keystore and leaves it unchanged', async () => {
    await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    const before = keystoreBytes();
    await expect(createKeystore(path, { kind: 'passphrase', passphrase: recoveryPassphrase })).rejects.toMatchObject({
      reason: 'keystore-exists',
    });
    expect(keystoreBytes()).toEqual(before);
  });

  it('refuses a weak passphrase and writes nothing', async () => {
    await expect(createKeystore(path, { kind: 'passphrase', passphrase: 'short' })).rejects.toMatchObject({
      reason: 'weak-passphrase',
    });
    expect(() => readKeystore(path)).toThrow(expect.objectContaining({ reason: 'missing-keystore' }));
  });

  it('round-trips a key-file slot', async () => {
    createKeyFile(keyFilePath);
    const key = await createKeystore(path, { kind: 'key-file', path: keyFilePath });
    expect(await unlockKeystore(path, { kind: 'key-file', path: keyFilePath })).toEqual(key);
  });

  it('gives wrong-key-file for a different key file', async () => {
    createKeyFile(keyFilePath);
    await createKeystore(path, { kind: 'key-file', path: keyFilePath });
    const otherKeyFile = join(dir, 'other.key');
    createKeyFile(otherKeyFile);
    await expect(unlockKeystore(path, { kind: 'key-file', path: otherKeyFile })).rejects.toMatchObject({
      reason: 'wrong-key-file',
    });
  });

  it.skipIf(process.platform === 'win32')('refuses a key file other users can read', async () => {
    createKeyFile(keyFilePath);
    await createKeystore(path, { kind: 'key-file', path: keyFilePath });
    chmodSync(keyFilePath, 0o644);
    await expect(unlockKeystore(path, { kind: 'key-file', path: keyFilePath })).rejects.toMatchObject({
      reason: 'key-file-permissions',
    });
  });

  it('round-trips a safe-storage slot, and a protector that throws gives unwrap-failed', async () => {
    const key = await createKeystore(path, { kind: 'safe-storage', protector: new TestProtector() });
    expect(await unlockKeystore(path, { kind: 'safe-storage', protector: new TestProtector() })).toEqual(key);
    await expect(unlockKeystore(path, { kind: 'safe-storage', protector: new BrokenProtector() })).rejects.toMatchObject({
      reason: 'unwrap-failed',
    });
  });

  it('gives no-such-slot naming the kinds that can open it', async () => {
    await createKeystore(path, { kind: 'safe-storage', protector: new TestProtector() });
    const failure = unlockKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    await expect(failure).rejects.toMatchObject({ reason: 'no-such-slot' });
    await expect(failure).rejects.toThrow(/safeStorage/);
  });

  it('never writes the key to the file in hex or base64', async () => {
    createKeyFile(keyFilePath);
    const key = await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    await addSlot(path, { kind: 'passphrase', passphrase: sitePassphrase }, { kind: 'key-file', path: keyFilePath });
    await addSlotWithKey(path, key, { kind: 'safe-storage', protector: new TestProtector() });
    const text = readFileSync(path, 'utf8');
    for (const encoded of [
      key.toString('hex'),
      key.toString('hex').toUpperCase(),
      key.toString('base64'),
      key.toString('base64url'),
      key.toString('base64').slice(0, 40),
    ]) {
      expect(text).not.toContain(encoded);
    }
  });
});

describe('changePassphrase', () => {
  it('makes the old passphrase fail and the new one work, leaving the other slots unchanged', async () => {
    const key = await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    await addSlotWithKey(path, key, { kind: 'safe-storage', protector: new TestProtector() });
    await addSlotWithKey(path, key, { kind: 'passphrase', passphrase: recoveryPassphrase, label: 'recovery' });
    const before = readKeystore(path);

    await changePassphrase(path, sitePassphrase, 'a brand new site passphrase');

    await expect(unlockKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase })).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    expect(await unlockKeystore(path, { kind: 'passphrase', passphrase: 'a brand new site passphrase' })).toEqual(key);
    const after = readKeystore(path);
    expect(after.keyId).toBe(before.keyId);
    expect(after.slots.map((slot) => slot.id)).toEqual(before.slots.map((slot) => slot.id));
    expect(JSON.stringify(after.slots.slice(1))).toBe(JSON.stringify(before.slots.slice(1)));
    expect(after.slots[0]).not.toEqual(before.slots[0]);
    expect(after.slots[0]?.label).toBe(before.slots[0]?.label);
  });

  it('with a wrong old passphrase gives wrong-passphrase and changes nothing', async () => {
    await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    const before = keystoreBytes();
    await expect(changePassphrase(path, 'not the passphrase', 'a brand new site passphrase')).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    expect(keystoreBytes()).toEqual(before);
  });

  it('refuses a weak new passphrase and changes nothing', async () => {
    await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    const before = keystoreBytes();
    await expect(changePassphrase(path, sitePassphrase, 'short')).rejects.toMatchObject({ reason: 'weak-passphrase' });
    expect(keystoreBytes()).toEqual(before);
  });
});

describe('adding and removing slots', () => {
  it('addSlot: both the old and the new slot unlock to the same key', async () => {
    const key = await createKeystore(path, { kind: 'safe-storage', protector: new TestProtector() });
    await addSlot(
      path,
      { kind: 'safe-storage', protector: new TestProtector() },
      { kind: 'passphrase', passphrase: recoveryPassphrase, label: 'recovery' },
    );
    expect(await unlockKeystore(path, { kind: 'safe-storage', protector: new TestProtector() })).toEqual(key);
    expect(await unlockKeystore(path, { kind: 'passphrase', passphrase: recoveryPassphrase })).toEqual(key);
    expect(listSlots(path).map((slot) => [slot.kind, slot.label])).toEqual([
      ['safe-storage', "this computer's account"],
      ['passphrase', 'recovery'],
    ]);
  });

  it('addSlot without the right secret changes nothing', async () => {
    await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    const before = keystoreBytes();
    await expect(
      addSlot(path, { kind: 'passphrase', passphrase: 'not the passphrase' }, { kind: 'passphrase', passphrase: recoveryPassphrase }),
    ).rejects.toMatchObject({ reason: 'wrong-passphrase' });
    expect(keystoreBytes()).toEqual(before);
  });

  it('addSlotWithKey replaces the recovery passphrase instead of adding a second one', async () => {
    const key = await createKeystore(path, { kind: 'safe-storage', protector: new TestProtector() });
    await addSlotWithKey(path, key, { kind: 'passphrase', passphrase: recoveryPassphrase, label: 'recovery' });
    await addSlotWithKey(path, key, { kind: 'passphrase', passphrase: 'second recovery passphrase', label: 'recovery' });
    expect(listSlots(path).filter((slot) => slot.kind === 'passphrase')).toHaveLength(1);
    await expect(unlockKeystore(path, { kind: 'passphrase', passphrase: recoveryPassphrase })).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    expect(await unlockKeystore(path, { kind: 'passphrase', passphrase: 'second recovery passphrase' })).toEqual(key);
  });

  it('removeSlot removes a slot once the caller proves they hold the key', async () => {
    const key = await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    await addSlotWithKey(path, key, { kind: 'safe-storage', protector: new TestProtector() });
    const safeStorageSlot = listSlots(path).find((slot) => slot.kind === 'safe-storage');
    expect(safeStorageSlot).toBeDefined();
    await removeSlot(path, { kind: 'passphrase', passphrase: sitePassphrase }, safeStorageSlot?.id ?? '');
    expect(listSlots(path).map((slot) => slot.kind)).toEqual(['passphrase']);
  });

  it('removeSlot refuses the last slot and changes nothing', async () => {
    await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    const [only] = listSlots(path);
    const before = keystoreBytes();
    await expect(removeSlot(path, { kind: 'passphrase', passphrase: sitePassphrase }, only?.id ?? '')).rejects.toMatchObject({
      reason: 'last-slot',
    });
    expect(keystoreBytes()).toEqual(before);
  });

  it('removeSlot with a wrong passphrase changes nothing', async () => {
    const key = await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    await addSlotWithKey(path, key, { kind: 'safe-storage', protector: new TestProtector() });
    const before = keystoreBytes();
    const [first] = listSlots(path);
    await expect(removeSlot(path, { kind: 'passphrase', passphrase: 'not the passphrase' }, first?.id ?? '')).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    expect(keystoreBytes()).toEqual(before);
  });
});

describe('replaceKey', () => {
  it('leaves only the new slots, which open the new key under a new keyId', async () => {
    createKeyFile(keyFilePath);
    const oldKey = await createKeystore(path, { kind: 'key-file', path: keyFilePath });
    await addSlotWithKey(path, oldKey, { kind: 'passphrase', passphrase: sitePassphrase });
    const oldKeyId = readKeystore(path).keyId;

    const newKey = generateDatabaseKey();
    await replaceKey(path, newKey, [{ kind: 'passphrase', passphrase: 'the passphrase after rekey' }]);

    expect(readKeystore(path).keyId).not.toBe(oldKeyId);
    expect(await unlockKeystore(path, { kind: 'passphrase', passphrase: 'the passphrase after rekey' })).toEqual(newKey);
    expect(newKey).not.toEqual(oldKey);
    await expect(unlockKeystore(path, { kind: 'key-file', path: keyFilePath })).rejects.toMatchObject({ reason: 'no-such-slot' });
    await expect(unlockKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase })).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
  });

  it('refuses to leave no slots and changes nothing', async () => {
    await createKeystore(path, { kind: 'passphrase', passphrase: sitePassphrase });
    const before = keystoreBytes();
    await expect(replaceKey(path, generateDatabaseKey(), [])).rejects.toMatchObject({ reason: 'last-slot' });
    expect(keystoreBytes()).toEqual(before);
  });
});
