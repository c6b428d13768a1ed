import { randomUUID } from 'node:crypto';
import { assertDatabaseKey, KEY_BYTES } from './aes-gcm-wrap.js';
import { storeText } from '../../../shared/i18n/catalogue.js';
import { KeystoreError } from './keystore-error.js';
import type { SafeStorageSlot } from './keystore-file.js';

/**
 * The OS account's protector, handed in by the desktop shell (Electron's
 * safeStorage.encryptStringAsync / decryptStringAsync) so the core never imports Electron.
 */
export interface OsProtector {
  encryptString(plain: string): Promise<Buffer>;
  decryptString(cipher: Buffer): Promise<string>;
}

const KEY_HEX = new RegExp(`^[0-9a-f]{${String(KEY_BYTES * 2)}}$`);

const unwrapFailed = (): KeystoreError => new KeystoreError('unwrap-failed', storeText.keystore.safeStorageFailed);

export async function makeSafeStorageSlot(key: Buffer, protector: OsProtector, label: string): Promise<SafeStorageSlot> {
  assertDatabaseKey(key);
  const wrapped = await protector.encryptString(key.toString('hex'));
  return { kind: 'safe-storage', id: randomUUID(), label, createdAt: new Date().toISOString(), wrapped: wrapped.toString('base64') };
}

export async function openSafeStorageSlot(slot: SafeStorageSlot, protector: OsProtector): Promise<Buffer> {
  let plain: string;
  try {
    plain = await protector.decryptString(Buffer.from(slot.wrapped, 'base64'));
  } catch {
    // The protector's own error may describe what it decrypted; it is not passed on.
    throw unwrapFailed();
  }
  if (!KEY_HEX.test(plain)) throw unwrapFailed();
  return Buffer.from(plain, 'hex');
}
