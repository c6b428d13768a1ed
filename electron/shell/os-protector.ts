import type { SafeStorage } from 'electron';
import type { OsProtector } from '../core/index.js';

/**
 * Electron 45's asynchronous safeStorage (the synchronous calls are deprecated and go in 46:
 * https://www.electronjs.org/docs/latest/api/safe-storage). Taken as a parameter so tests can
 * pass a stand-in.
 */
export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export interface ShellProtector extends OsProtector {
  /** Set when the OS said the data it just decrypted should be encrypted again (its key rotated). */
  readonly reEncryptAdvised: boolean;
}

/** Adapts safeStorage to the keystore's `OsProtector`. */
export function osProtector(safeStorage: SafeStorageLike): ShellProtector {
  let reEncryptAdvised = false;
  return {
    get reEncryptAdvised() {
      return reEncryptAdvised;
    },
    encryptString: (plain) => safeStorage.encryptStringAsync(plain),
    async decryptString(cipher) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipher);
      if (shouldReEncrypt) reEncryptAdvised = true;
      return result;
    },
  };
}

/**
 * Whether the OS protects secrets for this account. On Linux without a keyring Chromium falls
 * back to `basic_text`, a key hard-coded in Chromium: that protects nothing, so the first run asks
 * for a site passphrase instead (docs/design.md, "Keys"). `unknown` (asked before `ready`) counts as no.
 */
export async function systemProtectionAvailable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): Promise<boolean> {
  let available: boolean;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    return false;
  }
  if (!available) return false;
  if (platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  return backend !== 'basic_text' && backend !== 'unknown';
}
