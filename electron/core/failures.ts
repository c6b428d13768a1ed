import { DeskFailure } from '../../shared/errors.js';

/**
 * Anything that is not already a DeskFailure becomes `internal` with a fixed message: a SQLite
 * error can quote the values it choked on, and those may be a visitor's name.
 */
export function toDeskFailure(error: unknown): DeskFailure {
  if (error instanceof DeskFailure) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new DeskFailure('unavailable', 'The database is busy. Try again in a moment; nothing was saved.');
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR') {
    return new DeskFailure('unavailable', 'The database could not be written (disk full or failing). Nothing was saved; tell IT.');
  }
  return new DeskFailure('internal', 'Something went wrong and nothing was saved. Try again; if it happens again, tell IT.');
}
