import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { storeText } from '../../../shared/i18n/catalogue.js';
import { assertDatabaseKey, unwrapKey, wrapKey } from './aes-gcm-wrap.js';
import { KeystoreError } from './keystore-error.js';
import type { KeyFileSlot } from './keystore-file.js';

const t = storeText.keystore;

const SECRET_BYTES = 32;
const SALT_BYTES = 32;
// The key file already holds 256 random bits, so HKDF (no stretching) is enough to get a KEK.
const HKDF_INFO = Buffer.from('one-stop-queue key-file slot v1', 'utf8');
const KEY_FILE_CONTENT = /^([0-9a-fA-F]{64})\r?\n?$/;

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Writes a new key file readable by its owner only; never replaces one that exists. */
export function createKeyFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') {
      throw new KeystoreError('key-file-exists', t.keyFileExists(path));
    }
    throw error;
  }
  const secret = randomBytes(SECRET_BYTES);
  const content = Buffer.from(`${secret.toString('hex')}\n`, 'utf8');
  try {
    let written = 0;
    while (written < content.length) written += writeSync(fd, content, written, content.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    secret.fill(0);
    content.fill(0);
  }
}

export function readKeyFile(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = errorCode(error);
    throw new KeystoreError('wrong-key-file', code === 'ENOENT' ? t.keyFileMissing(path) : t.keyFileUnreadable(path, code));
  }
  try {
    // Checked on the open descriptor, so the file cannot be swapped between check and read.
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new KeystoreError('wrong-key-file', t.keyFileNotRegular(path));
    }
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new KeystoreError('key-file-permissions', t.keyFileReadableByOthers(path));
    }
    const content = readFileSync(fd);
    try {
      const match = KEY_FILE_CONTENT.exec(content.toString('utf8'));
      if (match?.[1] === undefined) {
        throw new KeystoreError('wrong-key-file', t.notAKeyFile(path));
      }
      return Buffer.from(match[1], 'hex');
    } finally {
      content.fill(0);
    }
  } finally {
    closeSync(fd);
  }
}

function deriveKek(keyFileSecret: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', keyFileSecret, salt, HKDF_INFO, 32));
}

export function makeKeyFileSlot(key: Buffer, keyFileSecret: Buffer, label: string): KeyFileSlot {
  assertDatabaseKey(key);
  if (keyFileSecret.length !== SECRET_BYTES) {
    throw new RangeError(`A key-file secret must be ${String(SECRET_BYTES)} bytes, not ${String(keyFileSecret.length)}.`);
  }
  const id = randomUUID();
  const salt = randomBytes(SALT_BYTES);
  const kek = deriveKek(keyFileSecret, salt);
  try {
    return {
      kind: 'key-file',
      id,
      label,
      createdAt: new Date().toISOString(),
      salt: salt.toString('base64'),
      ...wrapKey(kek, key, id),
    };
  } finally {
    kek.fill(0);
  }
}

export function openKeyFileSlot(slot: KeyFileSlot, keyFileSecret: Buffer): Buffer {
  const kek = deriveKek(keyFileSecret, Buffer.from(slot.salt, 'base64'));
  try {
    const key = unwrapKey(kek, slot, slot.id);
    if (key === undefined) {
      throw new KeystoreError('wrong-key-file', t.wrongKeyFile);
    }
    return key;
  } finally {
    kek.fill(0);
  }
}
