/** Why a store could not be opened; raised before the contract exists, so not a DeskFailure. */
export type StoreErrorReason =
  | 'missing-database'
  | 'corrupt-database'
  | 'newer-version'
  | 'already-open'
  | 'migration-failed';

export class StoreError extends Error {
  readonly reason: StoreErrorReason;
  constructor(reason: StoreErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.reason = reason;
  }
}
