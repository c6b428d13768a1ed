import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeSafeStorageSlot, openSafeStorageSlot } from '../../../electron/core/keystore/index.js';
import type { OsProtector } from '../../../electron/core/keystore/index.js';
import { BrokenProtector, TestProtector } from './test-protector.js';

describe('safe-storage slot', () => {
  it('opens with the same OS protector and gives back the same key', async () => {
    const key = randomBytes(32);
    const protector = new TestProtector();
    const slot = await makeSafeStorageSlot(key, protector, "this computer's account");
    expect(await openSafeStorageSlot(slot, protector)).toEqual(key);
  });

  it('gives unwrap-failed when the OS protector throws', async () => {
    const slot = await makeSafeStorageSlot(randomBytes(32), new TestProtector(), "this computer's account");
    await expect(openSafeStorageSlot(slot, new BrokenProtector())).rejects.toMatchObject({ reason: 'unwrap-failed' });
  });

  it('gives unwrap-failed when another account protected it', async () => {
    const slot = await makeSafeStorageSlot(randomBytes(32), new TestProtector(), "this computer's account");
    const otherAccount = new TestProtector(Buffer.alloc(32, 9));
    await expect(openSafeStorageSlot(slot, otherAccount)).rejects.toMatchObject({ reason: 'unwrap-failed' });
  });

  it('gives unwrap-failed when the protector returns something that is not a key', async () => {
    const slot = await makeSafeStorageSlot(randomBytes(32), new TestProtector(), "this computer's account");
    const liar: OsProtector = {
      encryptString: () => Promise.resolve(Buffer.alloc(0)),
      decryptString: () => Promise.resolve('abcd'),
    };
    await expect(openSafeStorageSlot(slot, liar)).rejects.toMatchObject({ reason: 'unwrap-failed' });
  });
});
