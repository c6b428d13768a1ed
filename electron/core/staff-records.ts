import type { Role, StaffMember } from '../../shared/domain/staff.js';
import { DeskFailure } from '../../shared/errors.js';
import type { Db } from './store/open-database.js';
import { staffNameKey } from './store/migrations/index.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';

export interface StaffRow {
  id: number;
  name: string;
  role: Role;
  pin_hash: string;
  active: number;
  failed_pins: number;
  locked_until: number | null;
  /** Lockouts since the last good sign-in: the next one lasts longer (pin-attempts.ts). */
  lockouts: number;
}

/** `locked_until` of a lockout only a manager ends: later than any clock, so `> now` holds. */
export const untilUnlocked = Number.MAX_SAFE_INTEGER;

export function isLocked(row: Pick<StaffRow, 'locked_until'>, now: number): boolean {
  return row.locked_until !== null && row.locked_until > now;
}

export function toStaffMember(row: StaffRow, now: number): StaffMember {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    lockedUntil: isLocked(row, now) && row.locked_until !== untilUnlocked ? row.locked_until : null,
    needsUnlock: row.locked_until === untilUnlocked,
    // Brought from another hub PC without it (site-transfer/): set by a manager, or with the site passphrase.
    needsPin: row.pin_hash === '',
  };
}

export function findStaff(db: Db, id: number): StaffRow | undefined {
  return db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
}

export function getStaff(db: Db, id: number): StaffRow {
  const row = findStaff(db, id);
  if (row === undefined) throw new DeskFailure('not-found', t.noSuchStaff);
  return row;
}

export function activeManagerCount(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'manager' AND active = 1").get() as { n: number }).n;
}

/**
 * Whether another member of staff has a name that would look the same on the sign-in list
 * ("Alice" and "alice", a full-width "Ａlice"): the same key under NFKC case-folding. The
 * unique index on `staff.name_key` backs this up for every other path that writes a name.
 */
export function nameTaken(db: Db, name: string, exceptId: number | null): boolean {
  return db.prepare('SELECT 1 FROM staff WHERE name_key = ? AND id IS NOT ?').get(staffNameKey(name), exceptId) !== undefined;
}
