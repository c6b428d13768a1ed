import { randomBytes, randomUUID } from 'node:crypto';
import { storeText } from '../../../shared/i18n/catalogue.js';
import { assertDatabaseKey, KEY_BYTES } from './aes-gcm-wrap.js';
import { KeystoreError } from './keystore-error.js';
import { keystoreExists, readKeystore, writeKeystore } from './keystore-file.js';
import type { KeystoreFile, Slot, SlotKind } from './keystore-file.js';
import { makeKeyFileSlot, openKeyFileSlot, readKeyFile } from './key-file-slot.js';
import { makePassphraseSlot, openPassphraseSlot, rewrapPassphraseSlot, assertPassphraseStrength } from './passphrase-slot.js';
import { makeSafeStorageSlot, openSafeStorageSlot } from './safe-storage-slot.js';
import type { OsProtector } from './safe-storage-slot.js';

// Every operation reads the file once, does all its crypto in memory and writes once at the
// end (atomically), so any failure leaves the keystore byte-for-byte as it was.

export type Unlock =
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'key-file'; path: string }
  | { kind: 'safe-storage'; protector: OsProtector };

export type NewSlot = Unlock & { label?: string };

export interface SlotSummary {
  id: string;
  kind: SlotKind;
  label: string;
  createdAt: string;
}

const defaultLabels: Readonly<Record<SlotKind, string>> = {
  passphrase: 'site passphrase',
  'key-file': 'key file',
  'safe-storage': "this computer's account",
};

const t = storeText.keystore;

// The catalogue names every kind of slot, and no other: a kind added without its words does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _everyKindWorded: Same<SlotKind, keyof typeof t.slotKind> = true;
void _everyKindWorded;

export function generateDatabaseKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

async function makeSlot(key: Buffer, spec: NewSlot): Promise<Slot> {
  const label = spec.label ?? defaultLabels[spec.kind];
  switch (spec.kind) {
    case 'passphrase':
      return makePassphraseSlot(key, spec.passphrase, label);
    case 'key-file': {
      const secret = readKeyFile(spec.path);
      try {
        return makeKeyFileSlot(key, secret, label);
      } finally {
        secret.fill(0);
      }
    }
    case 'safe-storage':
      return makeSafeStorageSlot(key, spec.protector, label);
  }
}

function noSuchSlot(file: KeystoreFile, kind: SlotKind): KeystoreError {
  return new KeystoreError('no-such-slot', t.cannotOpenWith(kind, [...new Set(file.slots.map((slot) => slot.kind))]));
}

/** The key a credential unwrapped, and which slot it opened. */
export interface UnlockedKey {
  key: Buffer;
  slot: SlotSummary;
}

function summary({ id, kind, label, createdAt }: Slot): SlotSummary {
  return { id, kind, label, createdAt };
}

/** Tries every slot of the unlock's kind; the last slot's error says what was wrong. */
async function unlockFile(file: KeystoreFile, unlock: Unlock): Promise<UnlockedKey> {
  const candidates = file.slots.filter((slot) => slot.kind === unlock.kind);
  if (candidates.length === 0) throw noSuchSlot(file, unlock.kind);
  const secret = unlock.kind === 'key-file' ? readKeyFile(unlock.path) : undefined;
  let lastError: unknown;
  try {
    for (const slot of candidates) {
      try {
        if (slot.kind === 'passphrase' && unlock.kind === 'passphrase') {
          return { key: await openPassphraseSlot(slot, unlock.passphrase), slot: summary(slot) };
        }
        if (slot.kind === 'key-file' && secret !== undefined) return { key: openKeyFileSlot(slot, secret), slot: summary(slot) };
        if (slot.kind === 'safe-storage' && unlock.kind === 'safe-storage') {
          return { key: await openSafeStorageSlot(slot, unlock.protector), slot: summary(slot) };
        }
      } catch (error) {
        lastError = error;
      }
    }
  } finally {
    secret?.fill(0);
  }
  throw lastError instanceof Error ? lastError : new KeystoreError('unwrap-failed', t.noSlotOpened);
}

export async function createKeystore(path: string, first: NewSlot): Promise<Buffer> {
  return (await createKeystoreSlot(path, first)).key;
}

/** As `createKeystore`, and gives the one slot it made. */
export async function createKeystoreSlot(path: string, first: NewSlot): Promise<UnlockedKey> {
  if (keystoreExists(path)) {
    throw new KeystoreError('keystore-exists', t.exists(path));
  }
  const key = generateDatabaseKey();
  try {
    const slot = await makeSlot(key, first);
    writeKeystore(path, { format: 'one-stop-queue-keystore', version: 1, keyId: randomUUID(), slots: [slot] });
    return { key, slot: summary(slot) };
  } catch (error) {
    key.fill(0);
    throw error;
  }
}

export async function unlockKeystore(path: string, unlock: Unlock): Promise<Buffer> {
  return (await unlockFile(readKeystore(path), unlock)).key;
}

/** As `unlockKeystore`, and says which slot the credential opened (a rekey keeps that one). */
export async function unlockKeystoreSlot(path: string, unlock: Unlock): Promise<UnlockedKey> {
  return unlockFile(readKeystore(path), unlock);
}

export async function addSlot(path: string, unlockWith: Unlock, slot: NewSlot): Promise<void> {
  const file = readKeystore(path);
  const { key } = await unlockFile(file, unlockWith);
  try {
    const added = await makeSlot(key, slot);
    writeKeystore(path, { ...file, slots: [...file.slots, added] });
  } finally {
    key.fill(0);
  }
}

/**
 * For a store that is already open: the caller proves nothing beyond holding the key. A
 * passphrase slot with the same label (the manager's "recovery" passphrase) is replaced rather
 * than duplicated, so setting it again changes it.
 */
export async function addSlotWithKey(path: string, key: Buffer, slot: NewSlot): Promise<void> {
  assertDatabaseKey(key);
  const file = readKeystore(path);
  const added = await makeSlot(key, slot);
  const replaceAt =
    added.kind === 'passphrase'
      ? file.slots.findIndex((existing) => existing.kind === 'passphrase' && existing.label === added.label)
      : -1;
  const slots = replaceAt === -1 ? [...file.slots, added] : file.slots.map((existing, i) => (i === replaceAt ? added : existing));
  writeKeystore(path, { ...file, slots });
}

export async function changePassphrase(path: string, oldPassphrase: string, newPassphrase: string): Promise<void> {
  assertPassphraseStrength(newPassphrase);
  const file = readKeystore(path);
  const candidates = file.slots.filter((slot) => slot.kind === 'passphrase');
  if (candidates.length === 0) throw noSuchSlot(file, 'passphrase');
  for (const slot of candidates) {
    let key: Buffer;
    try {
      key = await openPassphraseSlot(slot, oldPassphrase);
    } catch {
      continue;
    }
    try {
      const rewrapped = await rewrapPassphraseSlot(slot, key, newPassphrase);
      writeKeystore(path, { ...file, slots: file.slots.map((existing) => (existing.id === slot.id ? rewrapped : existing)) });
      return;
    } finally {
      key.fill(0);
    }
  }
  throw new KeystoreError('wrong-passphrase', t.wrongPassphrase);
}

export async function removeSlot(path: string, unlockWith: Unlock, slotId: string): Promise<void> {
  const file = readKeystore(path);
  if (!file.slots.some((slot) => slot.id === slotId)) {
    throw new KeystoreError('no-such-slot', t.noSlotWithId(slotId));
  }
  if (file.slots.length === 1) {
    throw new KeystoreError('last-slot', t.onlySlotLeft);
  }
  (await unlockFile(file, unlockWith)).key.fill(0);
  writeKeystore(path, { ...file, slots: file.slots.filter((slot) => slot.id !== slotId) });
}

/**
 * After the database has been rekeyed: the old slots wrap a key that no longer opens it, so
 * the keystore is rewritten with only the given slots around the new key.
 */
export async function replaceKey(path: string, newKey: Buffer, keep: NewSlot[]): Promise<void> {
  assertDatabaseKey(newKey);
  if (keep.length === 0) {
    throw new KeystoreError('last-slot', t.needsASlot);
  }
  const slots: Slot[] = [];
  for (const spec of keep) slots.push(await makeSlot(newKey, spec));
  writeKeystore(path, { format: 'one-stop-queue-keystore', version: 1, keyId: randomUUID(), slots });
}

export function listSlots(path: string): SlotSummary[] {
  return readKeystore(path).slots.map(summary);
}
