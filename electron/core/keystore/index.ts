export { KeystoreError, isKeystoreError } from './keystore-error.js';
export type { KeystoreErrorReason } from './keystore-error.js';
export { keystoreExists, readKeystore, writeKeystore } from './keystore-file.js';
export type { KeyFileSlot, KeystoreFile, PassphraseSlot, SafeStorageSlot, Slot, SlotKind } from './keystore-file.js';
export { assertPassphraseStrength, makePassphraseSlot, openPassphraseSlot } from './passphrase-slot.js';
export { createKeyFile, makeKeyFileSlot, openKeyFileSlot, readKeyFile } from './key-file-slot.js';
export { makeSafeStorageSlot, openSafeStorageSlot } from './safe-storage-slot.js';
export type { OsProtector } from './safe-storage-slot.js';
export {
  addSlot,
  addSlotWithKey,
  changePassphrase,
  createKeystore,
  createKeystoreSlot,
  generateDatabaseKey,
  listSlots,
  removeSlot,
  replaceKey,
  unlockKeystore,
  unlockKeystoreSlot,
} from './keystore.js';
export type { NewSlot, SlotSummary, Unlock, UnlockedKey } from './keystore.js';
