import { DeskFailure } from '../../shared/errors.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';

/**
 * Anything that is not already a DeskFailure becomes `internal` with a fixed message: a SQLite
 * error can quote the values it choked on, and those may be a visitor's name.
 */
export function toDeskFailure(error: unknown): DeskFailure {
  if (error instanceof DeskFailure) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new DeskFailure('unavailable', t.databaseBusy);
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR') {
    return new DeskFailure('unavailable', t.databaseUnwritable);
  }
  return new DeskFailure('internal', t.internal);
}
