export type KeystoreErrorReason =
  | 'missing-keystore'
  | 'corrupt-keystore'
  | 'keystore-exists'
  | 'wrong-passphrase'
  | 'wrong-key-file'
  | 'key-file-exists'
  | 'key-file-permissions'
  | 'no-such-slot'
  | 'unwrap-failed'
  | 'weak-passphrase'
  | 'last-slot';

/**
 * The one error the keystore throws. Messages are read by whoever looks after the desk's
 * computer, so they name the file and the fix; they never contain a key, a passphrase or
 * key-file content.
 */
export class KeystoreError extends Error {
  readonly reason: KeystoreErrorReason;

  constructor(reason: KeystoreErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeystoreError';
    this.reason = reason;
  }
}

export function isKeystoreError(error: unknown, reason?: KeystoreErrorReason): error is KeystoreError {
  return error instanceof KeystoreError && (reason === undefined || error.reason === reason);
}
