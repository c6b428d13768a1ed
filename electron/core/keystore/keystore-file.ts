import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { storeText } from '../../../shared/i18n/catalogue.js';
import { KeystoreError } from './keystore-error.js';

const t = storeText.keystore;

export type SlotKind = 'passphrase' | 'key-file' | 'safe-storage';

export interface PassphraseSlot {
  kind: 'passphrase';
  id: string;
  label: string;
  createdAt: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  iv: string;
  tag: string;
  wrapped: string;
}

export interface KeyFileSlot {
  kind: 'key-file';
  id: string;
  label: string;
  createdAt: string;
  salt: string;
  iv: string;
  tag: string;
  wrapped: string;
}

export interface SafeStorageSlot {
  kind: 'safe-storage';
  id: string;
  label: string;
  createdAt: string;
  /** Base64 of whatever the OS protector returned; its format is the OS's business. */
  wrapped: string;
}

export type Slot = PassphraseSlot | KeyFileSlot | SafeStorageSlot;

export interface KeystoreFile {
  format: 'one-stop-queue-keystore';
  version: 1;
  /** A random id for the current key, so two copies can be compared; never derived from the key. */
  keyId: string;
  slots: Slot[];
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 that decodes to exactly (or between) the given byte lengths: anything else is damage. */
function base64Bytes(min: number, max = min): z.ZodString {
  return z
    .string()
    .regex(base64Pattern)
    .refine((text) => {
      const length = Buffer.from(text, 'base64').length;
      return length >= min && length <= max;
    }, `must be base64 of ${min === max ? String(min) : `${String(min)}–${String(max)}`} bytes`);
}

const slotHeader = {
  id: z.string().min(1).max(100),
  label: z.string().max(200),
  createdAt: z.string().min(1).max(40),
};

// Bounds on the scrypt cost stop a tampered file from making an unlock allocate gigabytes.
const passphraseSlotSchema = z.strictObject({
  kind: z.literal('passphrase'),
  ...slotHeader,
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64Bytes(16, 64),
  }),
  iv: base64Bytes(12),
  tag: base64Bytes(16),
  wrapped: base64Bytes(32),
});

const keyFileSlotSchema = z.strictObject({
  kind: z.literal('key-file'),
  ...slotHeader,
  salt: base64Bytes(16, 64),
  iv: base64Bytes(12),
  tag: base64Bytes(16),
  wrapped: base64Bytes(32),
});

const safeStorageSlotSchema = z.strictObject({
  kind: z.literal('safe-storage'),
  ...slotHeader,
  wrapped: base64Bytes(1, 4096),
});

// Typed as the hand-written interface so the schema and the types cannot drift apart.
const keystoreFileSchema: z.ZodType<KeystoreFile> = z
  .strictObject({
    format: z.literal('one-stop-queue-keystore'),
    version: z.literal(1),
    keyId: z.string().min(1).max(100),
    slots: z
      .array(z.discriminatedUnion('kind', [passphraseSlotSchema, keyFileSlotSchema, safeStorageSlotSchema]))
      .min(1)
      .max(64),
  })
  .refine((file) => new Set(file.slots.map((slot) => slot.id)).size === file.slots.length, {
    message: 'slot ids must be unique',
    path: ['slots'],
  });


function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(file)'}: ${issue.message}`)
    .join('; ');
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function parseKeystore(text: string, path: string): KeystoreFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the file's content, so it is deliberately not passed on.
    throw new KeystoreError('corrupt-keystore', t.notJson(path));
  }
  if (typeof json === 'object' && json !== null && 'version' in json && json.version !== 1) {
    throw new KeystoreError('corrupt-keystore', t.unknownVersion(path, String(json.version)));
  }
  const result = keystoreFileSchema.safeParse(json);
  if (!result.success) {
    throw new KeystoreError('corrupt-keystore', t.damaged(path, describeIssues(result.error)));
  }
  return result.data;
}

export function readKeystore(path: string): KeystoreFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new KeystoreError('missing-keystore', t.missing(path));
    }
    throw new KeystoreError('missing-keystore', t.unreadable(path, code));
  }
  return parseKeystore(text, path);
}

export function keystoreExists(path: string): boolean {
  return existsSync(path);
}

/** Makes a rename durable: without this a power cut can lose the new directory entry. */
function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a directory; the rename has still happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Replaces the keystore atomically: a reader sees the old file or the new one, never half of
 * each, and a crash mid-write leaves the old file in place.
 */
export function writeKeystore(path: string, file: KeystoreFile): void {
  // Validating on the way out means a bug elsewhere cannot write a file we would refuse to read.
  const checked = keystoreFileSchema.safeParse(file);
  if (!checked.success) {
    throw new KeystoreError('corrupt-keystore', t.refusedToWrite(path, describeIssues(checked.error)));
  }
  const text = `${JSON.stringify(file, null, 2)}\n`;
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      const data = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < data.length) written += writeSync(fd, data, written, data.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone or never renamed away; nothing more to tidy.
    }
    throw error;
  }
  fsyncDirectory(dir);
}
