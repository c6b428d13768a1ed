import { randomBytes, randomUUID, scrypt } from 'node:crypto';
import { assertDatabaseKey, unwrapKey, wrapKey } from './aes-gcm-wrap.js';
import { storeText, validationText } from '../../../shared/i18n/catalogue.js';
import { KeystoreError } from './keystore-error.js';
import type { PassphraseSlot } from './keystore-file.js';

// OWASP's scrypt floor is N=2^17 r=8 p=1; 2^15 keeps a desk PC's unlock well under a second
// while still costing an attacker 32 MiB per guess. https://www.rfc-editor.org/rfc/rfc7914
const SCRYPT_N = 2 ** 15;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const SALT_BYTES = 16;
const MIN_PASSPHRASE_CHARACTERS = 12;

/**
 * The same passphrase typed on macOS (decomposed accents) and Windows (composed) must open the
 * same slot, so every passphrase is NFC-normalised before it is counted or stretched.
 */
function normalise(passphrase: string): string {
  return passphrase.normalize('NFC');
}

export function assertPassphraseStrength(passphrase: string): void {
  // Counted in code points, so an accented letter or a Welsh ŵ counts as one character.
  if (Array.from(normalise(passphrase)).length < MIN_PASSPHRASE_CHARACTERS) {
    throw new KeystoreError('weak-passphrase', validationText.passphrase);
  }
}

function deriveKek(passphrase: string, kdf: PassphraseSlot['kdf']): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is exactly 128·N·r for our parameters and rejects them.
  const maxmem = 128 * kdf.N * kdf.r * kdf.p + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(normalise(passphrase), 'utf8'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem },
      (error, kek) => {
        if (error) reject(error);
        else resolve(kek);
      },
    );
  });
}

async function wrapWithPassphrase(
  key: Buffer,
  passphrase: string,
  header: Pick<PassphraseSlot, 'id' | 'label' | 'createdAt'>,
): Promise<PassphraseSlot> {
  assertDatabaseKey(key);
  assertPassphraseStrength(passphrase);
  const kdf: PassphraseSlot['kdf'] = {
    name: 'scrypt',
    N: SCRYPT_N,
    r: SCRYPT_R,
    p: SCRYPT_P,
    salt: randomBytes(SALT_BYTES).toString('base64'),
  };
  const kek = await deriveKek(passphrase, kdf);
  try {
    return { kind: 'passphrase', ...header, kdf, ...wrapKey(kek, key, header.id) };
  } finally {
    kek.fill(0);
  }
}

export function makePassphraseSlot(key: Buffer, passphrase: string, label: string): Promise<PassphraseSlot> {
  return wrapWithPassphrase(key, passphrase, { id: randomUUID(), label, createdAt: new Date().toISOString() });
}

/** Same slot (id, label, date), same key, fresh salt and IV under the new passphrase. */
export function rewrapPassphraseSlot(slot: PassphraseSlot, key: Buffer, newPassphrase: string): Promise<PassphraseSlot> {
  return wrapWithPassphrase(key, newPassphrase, { id: slot.id, label: slot.label, createdAt: slot.createdAt });
}

export async function openPassphraseSlot(slot: PassphraseSlot, passphrase: string): Promise<Buffer> {
  const kek = await deriveKek(passphrase, slot.kdf);
  try {
    const key = unwrapKey(kek, slot, slot.id);
    if (key === undefined) throw new KeystoreError('wrong-passphrase', storeText.keystore.wrongPassphrase);
    return key;
  } finally {
    kek.fill(0);
  }
}
