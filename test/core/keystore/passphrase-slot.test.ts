import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  assertPassphraseStrength,
  makePassphraseSlot,
  openPassphraseSlot,
} from '../../../electron/core/keystore/index.js';

describe('passphrase slot', () => {
  it('opens with the passphrase it was made with and gives back the same key', async () => {
    const key = randomBytes(32);
    const slot = await makePassphraseSlot(key, 'correct horse battery', 'site passphrase');
    expect(slot.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(slot.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(slot.iv, 'base64')).toHaveLength(12);
    expect(await openPassphraseSlot(slot, 'correct horse battery')).toEqual(key);
  });

  it('tells a wrong passphrase apart, without repeating it in the message', async () => {
    const slot = await makePassphraseSlot(randomBytes(32), 'correct horse battery', 'site passphrase');
    const failure = openPassphraseSlot(slot, 'incorrect horse battery');
    await expect(failure).rejects.toMatchObject({ reason: 'wrong-passphrase', message: 'The passphrase is wrong. Nothing was changed.' });
  });

  it('refuses a slot whose wrapped key was moved under another slot id', async () => {
    const slot = await makePassphraseSlot(randomBytes(32), 'correct horse battery', 'site passphrase');
    await expect(openPassphraseSlot({ ...slot, id: 'another-slot' }, 'correct horse battery')).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
  });

  it('opens with the same passphrase typed in decomposed Unicode', async () => {
    const key = randomBytes(32);
    const composed = 'café au lait 2026';
    const slot = await makePassphraseSlot(key, composed, 'site passphrase');
    expect(await openPassphraseSlot(slot, composed.normalize('NFD'))).toEqual(key);
  });

  it('refuses a passphrase shorter than 12 characters', async () => {
    expect(() => { assertPassphraseStrength('short pass1'); }).toThrow(
      expect.objectContaining({ reason: 'weak-passphrase', message: 'A site passphrase needs at least 12 characters.' }),
    );
    expect(() => { assertPassphraseStrength('twelve chars'); }).not.toThrow();
    await expect(makePassphraseSlot(randomBytes(32), 'tooshort', 'site passphrase')).rejects.toMatchObject({
      reason: 'weak-passphrase',
    });
  });
});
