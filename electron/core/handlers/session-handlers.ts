import type { Session } from '../../../shared/domain/staff.js';
import { DeskFailure } from '../../../shared/errors.js';
import type { CallContext, Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { hashPin } from '../pins.js';
import { checkPinAttempt, clearPinAttempts, spendPinCheck } from '../pin-attempts.js';
import { isSetUp, writeSettings } from '../settings.js';
import { getStaff, type StaffRow } from '../staff-records.js';
import { seedServices } from '../seed.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

function startSession(ctx: CallContext, staff: { id: number; name: string; role: Session['staff']['role'] }): Session {
  const { token, expiresAt } = ctx.sessions.create(staff.id, ctx.now, ctx.settings().sessionIdleMinutes * 60_000, ctx.deviceId);
  return { token, expiresAt, staff: { id: staff.id, name: staff.name, role: staff.role } };
}

export const sessionHandlers = {
  getSetupState(_input, ctx) {
    const setUp = isSetUp(ctx.db);
    return { needsSetup: !setUp, siteName: setUp ? ctx.settings().siteName : null };
  },

  setupSite(input, ctx) {
    if (isSetUp(ctx.db)) throw new DeskFailure('conflict', t.alreadySetUp);
    writeSettings(ctx.db, { siteName: input.siteName, timeZone: input.timeZone });
    seedServices(ctx.db);
    const info = ctx.db
      .prepare("INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, 'manager', ?, ?)")
      .run(input.manager.name, hashPin(input.manager.pin), ctx.now);
    const id = Number(info.lastInsertRowid);
    ctx.audit('site.setup', { type: 'staff', id });
    return startSession(ctx, { id, name: input.manager.name, role: 'manager' });
  },

  listSignInStaff(_input, ctx) {
    // Names only: who the managers are is worth knowing to someone guessing PINs.
    return ctx.db.prepare('SELECT id, name FROM staff WHERE active = 1 ORDER BY name COLLATE NOCASE').all() as Array<{ id: number; name: string }>;
  },

  signIn(input, ctx) {
    const row = ctx.db.prepare('SELECT * FROM staff WHERE id = ? AND active = 1').get(input.staffId) as StaffRow | undefined;
    if (row === undefined) {
      spendPinCheck(input.pin);
      throw new DeskFailure('not-found', t.chooseYourName);
    }
    checkPinAttempt(ctx, {
      staff: row,
      pin: input.pin,
      auditAction: 'sign-in',
      wrong: (left) => new DeskFailure('unauthenticated', t.wrongPin(left), [{ path: ['pin'], message: t.wrongPinField }]),
    });
    clearPinAttempts(ctx, row.id);
    ctx.audit('sign-in', { type: 'staff', id: row.id });
    return startSession(ctx, { id: row.id, name: row.name, role: row.role });
  },

  signOut(_input, ctx) {
    const caller = requireCaller(ctx);
    ctx.sessions.revoke(caller.token);
    ctx.audit('sign-out', { type: 'staff', id: caller.staffId });
    return { ok: true as const };
  },

  getSession(_input, ctx) {
    const caller = requireCaller(ctx);
    return { token: caller.token, expiresAt: caller.expiresAt, staff: { id: caller.staffId, name: caller.name, role: caller.role } };
  },

  changeOwnPin(input, ctx) {
    const caller = requireCaller(ctx);
    checkPinAttempt(ctx, {
      staff: getStaff(ctx.db, caller.staffId),
      pin: input.currentPin,
      auditAction: 'pin.change',
      wrong: (left) => new DeskFailure('invalid-input', t.wrongConfirmPin(left), [{ path: ['currentPin'], message: t.wrongPinField }]),
    });
    ctx.db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(hashPin(input.newPin), caller.staffId);
    // Whoever knew the old PIN and signed in elsewhere is signed out; this desk stays signed in.
    ctx.sessions.revokeStaff(caller.staffId, caller.token);
    ctx.audit('pin.change', { type: 'staff', id: caller.staffId });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
