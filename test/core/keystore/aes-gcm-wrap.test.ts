import { createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertDatabaseKey, KEY_BYTES, slotAad, unwrapKey, wrapKey, type Wrapped } from '../../../electron/core/keystore/aes-gcm-wrap.js';

const slotId = 'site passphrase';

function bytes(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}

/** The same slot with one field's bytes changed by `change`. */
function altered(slot: Wrapped, field: keyof Wrapped, change: (b: Buffer) => Buffer): Wrapped {
  return { ...slot, [field]: change(Buffer.from(bytes(slot[field]))).toString('base64') };
}

function flipFirstBit(b: Buffer): Buffer {
  b[0] = b[0]! ^ 1;
  return b;
}

describe('wrapping the database key under a slot’s key-encryption key', () => {
  it('gives back the same 32-byte key from the slot it was wrapped for', () => {
    const kek = randomBytes(32);
    const key = randomBytes(KEY_BYTES);
    const slot = wrapKey(kek, key, slotId);
    expect(unwrapKey(kek, slot, slotId)).toEqual(key);
  });

  it('stores a fresh 12-byte IV, a 16-byte tag and the 32 encrypted bytes, all in base64, never the key itself', () => {
    const kek = randomBytes(32);
    const key = randomBytes(KEY_BYTES);
    const a = wrapKey(kek, key, slotId);
    const b = wrapKey(kek, key, slotId);
    expect(bytes(a.iv)).toHaveLength(12);
    expect(bytes(a.tag)).toHaveLength(16);
    expect(bytes(a.wrapped)).toHaveLength(32);
    for (const field of [a.iv, a.tag, a.wrapped]) expect(Buffer.from(field, 'base64').toString('base64')).toBe(field);
    expect(bytes(a.wrapped).equals(key)).toBe(false);
    expect(a.iv).not.toBe(b.iv);
    expect(a.wrapped).not.toBe(b.wrapped);
  });

  it('is standard AES-256-GCM with the slot id, prefixed with the app’s name, as additional data', () => {
    const kek = randomBytes(32);
    const key = randomBytes(KEY_BYTES);
    const slot = wrapKey(kek, key, slotId);
    expect(slotAad(slotId).toString('utf8')).toBe('one-stop-queue:site passphrase');
    const decipher = createDecipheriv('aes-256-gcm', kek, bytes(slot.iv), { authTagLength: 16 });
    decipher.setAAD(Buffer.from('one-stop-queue:site passphrase', 'utf8'));
    decipher.setAuthTag(bytes(slot.tag));
    expect(Buffer.concat([decipher.update(bytes(slot.wrapped)), decipher.final()])).toEqual(key);
  });

  it('refuses the key moved under another slot id', () => {
    const kek = randomBytes(32);
    const slot = wrapKey(kek, randomBytes(KEY_BYTES), 'key file');
    expect(unwrapKey(kek, slot, 'site passphrase')).toBeUndefined();
  });

  it('refuses a wrong key-encryption key', () => {
    const slot = wrapKey(randomBytes(32), randomBytes(KEY_BYTES), slotId);
    expect(unwrapKey(randomBytes(32), slot, slotId)).toBeUndefined();
  });

  it('refuses a slot with any part tampered with', () => {
    const kek = randomBytes(32);
    const slot = wrapKey(kek, randomBytes(KEY_BYTES), slotId);
    expect(unwrapKey(kek, altered(slot, 'iv', flipFirstBit), slotId)).toBeUndefined();
    expect(unwrapKey(kek, altered(slot, 'tag', flipFirstBit), slotId)).toBeUndefined();
    expect(unwrapKey(kek, altered(slot, 'wrapped', flipFirstBit), slotId)).toBeUndefined();
  });

  it('refuses a tag cut short, which GCM would otherwise check only as far as it goes', () => {
    const kek = randomBytes(32);
    const slot = wrapKey(kek, randomBytes(KEY_BYTES), slotId);
    expect(unwrapKey(kek, altered(slot, 'tag', (b) => b.subarray(0, 12)), slotId)).toBeUndefined();
    expect(unwrapKey(kek, altered(slot, 'tag', (b) => b.subarray(0, 4)), slotId)).toBeUndefined();
  });

  it('refuses a slot that holds something other than a 32-byte key, though it authenticates', () => {
    const kek = randomBytes(32);
    expect(unwrapKey(kek, wrapKey(kek, randomBytes(16), slotId), slotId)).toBeUndefined();
    expect(unwrapKey(kek, wrapKey(kek, randomBytes(33), slotId), slotId)).toBeUndefined();
  });

  it('answers garbage with undefined rather than throwing', () => {
    expect(unwrapKey(randomBytes(32), { iv: '', tag: '', wrapped: '' }, slotId)).toBeUndefined();
    expect(unwrapKey(randomBytes(16), wrapKey(randomBytes(32), randomBytes(KEY_BYTES), slotId), slotId)).toBeUndefined();
  });
});

describe('a database key', () => {
  it('is 32 bytes', () => {
    expect(KEY_BYTES).toBe(32);
    expect(() => assertDatabaseKey(randomBytes(32))).not.toThrow();
  });

  it('of any other length is refused, naming only the lengths', () => {
    const short = randomBytes(31);
    expect(() => assertDatabaseKey(short)).toThrow(new RangeError('A database key must be 32 bytes, not 31.'));
    expect(() => assertDatabaseKey(randomBytes(33))).toThrow(RangeError);
    expect(() => assertDatabaseKey(Buffer.alloc(0))).toThrow('not 0.');
  });
});
