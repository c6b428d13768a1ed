import { DeskFailure } from '../../shared/errors.js';
import { requireCaller, type CallContext } from './call-context.js';
import { hashPin, verifyPin } from './pins.js';
import { getStaff, isLocked, untilUnlocked, type StaffRow } from './staff-records.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';

/**
 * Every PIN typed anywhere — signing in, changing one's own PIN, a manager confirming a power
 * call — is one attempt at one account, counted here (docs/access.md, "PINs"). Five wrong PINs
 * lock the account; each lockout without a good sign-in in between lasts longer, and the third
 * waits for a manager, so an attacker gets at most 15 guesses at an account before a person acts.
 */
export const maxWrongPins = 5;

/** How long the 1st and 2nd lockouts last; the 3rd (and any after) lasts until a manager unlocks. */
export const lockoutSteps = [5 * 60_000, 30 * 60_000] as const;

/** Makes the answer to an unknown name take as long as a wrong PIN, so timing tells no names apart. */
let dummyHash: string | undefined;
export function spendPinCheck(pin: string): void {
  verifyPin(pin, (dummyHash ??= hashPin('00000000')));
}

function lockedFailure(lockedUntil: number, now: number): DeskFailure {
  if (lockedUntil === untilUnlocked) return new DeskFailure('locked', t.lockedUntilUnlocked);
  return new DeskFailure('locked', t.lockedFor(Math.ceil((lockedUntil - now) / 60_000)));
}

export interface PinAttempt {
  /** The account whose PIN was typed. */
  staff: StaffRow;
  pin: string;
  /** The refusal for a wrong PIN that does not yet lock, given the tries left. */
  wrong: (left: number) => DeskFailure;
  /** What the audit calls a wrong attempt here (`sign-in`, `pin.confirm`…). */
  auditAction: 'sign-in' | 'pin.change' | 'pin.confirm';
}

/**
 * Checks one PIN attempt, or throws. A locked account never checks the PIN. A wrong PIN is
 * counted after the call's transaction has rolled back, so the count survives the refusal.
 */
export function checkPinAttempt(ctx: CallContext, attempt: PinAttempt): void {
  const { staff } = attempt;
  const target = { type: 'staff' as const, id: staff.id };
  if (isLocked(staff, ctx.now)) {
    ctx.afterFailure(() => ctx.audit('sign-in.locked', target, 'denied'));
    throw lockedFailure(staff.locked_until!, ctx.now);
  }
  if (staff.pin_hash === '') {
    // No PIN on this hub yet (a site brought from another hub PC): no PIN can be right, and
    // none is counted against them. Same time as a check, so it tells nothing apart.
    spendPinCheck(attempt.pin);
    throw new DeskFailure('locked', t.noPinYet);
  }
  if (verifyPin(attempt.pin, staff.pin_hash)) return;
  const failed = staff.failed_pins + 1;
  if (failed < maxWrongPins) {
    ctx.afterFailure(() => {
      ctx.db.prepare('UPDATE staff SET failed_pins = ? WHERE id = ?').run(failed, staff.id);
      ctx.audit(attempt.auditAction, target, 'failed');
    });
    throw attempt.wrong(maxWrongPins - failed);
  }
  const lockouts = staff.lockouts + 1;
  const step = lockoutSteps[lockouts - 1];
  const lockedUntil = step === undefined ? untilUnlocked : ctx.now + step;
  ctx.afterFailure(() => {
    ctx.db.prepare('UPDATE staff SET failed_pins = 0, lockouts = ?, locked_until = ? WHERE id = ?').run(lockouts, lockedUntil, staff.id);
    ctx.audit('sign-in.locked', target, 'failed');
  });
  throw step === undefined ? new DeskFailure('locked', t.nowLockedUntilUnlocked) : new DeskFailure('locked', t.nowLockedFor(step / 60_000));
}

/** A good sign-in, a manager's unlock or a PIN reset: the account starts again from nothing. */
export function clearPinAttempts(ctx: Pick<CallContext, 'db'>, staffId: number): void {
  ctx.db.prepare('UPDATE staff SET failed_pins = 0, lockouts = 0, locked_until = NULL WHERE id = ?').run(staffId);
}

/**
 * Power over keys, PINs, lockouts, retention and personal-data export or erasure asks for the
 * acting manager's PIN again (docs/design.md, "Need to know"): a session left open on an unlocked PC
 * is not enough. A wrong PIN here counts toward the same lockout as sign-in.
 */
export function confirmCallerPin(ctx: CallContext, pin: string | undefined, field = 'managerPin'): void {
  const caller = requireCaller(ctx);
  if (pin === undefined) throw new DeskFailure('invalid-input', t.confirmPin, [{ path: [field], message: t.confirmPinField }]);
  checkPinAttempt(ctx, {
    staff: getStaff(ctx.db, caller.staffId),
    pin,
    auditAction: 'pin.confirm',
    wrong: (left) => new DeskFailure('invalid-input', t.wrongConfirmPin(left), [{ path: [field], message: t.wrongPinField }]),
  });
}
