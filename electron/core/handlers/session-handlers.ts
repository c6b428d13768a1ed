import type { Session } from '../../../shared/domain/staff.js';
import { DeskFailure } from '../../../shared/errors.js';
import type { CallContext, Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { hashPin, verifyPin } from '../pins.js';
import { isSetUp, writeSettings } from '../settings.js';
import { getStaff } from '../staff-records.js';
import { seedServices } from '../seed.js';
import { errorText as t } from '../../../shared/i18n/errors.en-GB.js';

export const maxWrongPins = 5;
export const lockoutMs = 5 * 60_000;

function startSession(ctx: CallContext, staff: { id: number; name: string; role: Session['staff']['role'] }): Session {
  const { token, expiresAt } = ctx.sessions.create(staff.id, ctx.now, ctx.settings().sessionIdleMinutes * 60_000);
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
    return ctx.db.prepare('SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name COLLATE NOCASE').all() as Array<{
      id: number;
      name: string;
      role: Session['staff']['role'];
    }>;
  },

  signIn(input, ctx) {
    const row = ctx.db.prepare('SELECT * FROM staff WHERE id = ? AND active = 1').get(input.staffId) as
      | ReturnType<typeof getStaff>
      | undefined;
    if (row === undefined) throw new DeskFailure('not-found', t.chooseYourName);
    const target = { type: 'staff' as const, id: row.id };
    if (row.locked_until !== null && row.locked_until > ctx.now) {
      ctx.afterFailure(() => ctx.audit('sign-in.locked', target, 'denied'));
      const minutes = Math.ceil((row.locked_until - ctx.now) / 60_000);
      throw new DeskFailure('locked', t.lockedFor(minutes));
    }
    if (!verifyPin(input.pin, row.pin_hash)) {
      const failed = row.failed_pins + 1;
      const lock = failed >= maxWrongPins;
      ctx.afterFailure(() => {
        ctx.db
          .prepare('UPDATE staff SET failed_pins = ?, locked_until = ? WHERE id = ?')
          .run(lock ? 0 : failed, lock ? ctx.now + lockoutMs : null, row.id);
        ctx.audit(lock ? 'sign-in.locked' : 'sign-in', target, 'failed');
      });
      if (lock) throw new DeskFailure('locked', t.nowLocked);
      const left = maxWrongPins - failed;
      throw new DeskFailure('unauthenticated', t.wrongPin(left), [
        { path: ['pin'], message: t.wrongPinField },
      ]);
    }
    ctx.db.prepare('UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(row.id);
    ctx.audit('sign-in', target);
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
    const row = getStaff(ctx.db, caller.staffId);
    if (!verifyPin(input.currentPin, row.pin_hash)) {
      throw new DeskFailure('invalid-input', t.wrongCurrentPin, [
        { path: ['currentPin'], message: t.wrongPinField },
      ]);
    }
    ctx.db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(hashPin(input.newPin), caller.staffId);
    ctx.audit('pin.change', { type: 'staff', id: caller.staffId });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
