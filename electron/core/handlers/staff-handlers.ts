import { DeskFailure } from '../../../shared/errors.js';
import type { Handlers } from '../call-context.js';
import { hashPin } from '../pins.js';
import { clearPinAttempts, confirmCallerPin } from '../pin-attempts.js';
import { activeManagerCount, getStaff, nameTaken, toStaffMember, type StaffRow } from '../staff-records.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

const nameInUse = () =>
  new DeskFailure('conflict', t.staffNameTaken, [
    { path: ['name'], message: t.nameTakenField },
  ]);

export const staffHandlers = {
  listStaff(_input, ctx) {
    const rows = ctx.db.prepare('SELECT * FROM staff ORDER BY active DESC, name COLLATE NOCASE').all() as StaffRow[];
    return rows.map((row) => toStaffMember(row, ctx.now));
  },

  listManagers(_input, ctx) {
    return ctx.db
      .prepare("SELECT id, name FROM staff WHERE role = 'manager' AND active = 1 ORDER BY name COLLATE NOCASE, id")
      .all() as Array<{ id: number; name: string }>;
  },

  createStaff(input, ctx) {
    confirmCallerPin(ctx, input.managerPin);
    if (nameTaken(ctx.db, input.name, null)) throw nameInUse();
    const info = ctx.db
      .prepare('INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(input.name, input.role, hashPin(input.pin), ctx.now);
    const id = Number(info.lastInsertRowid);
    ctx.audit('staff.create', { type: 'staff', id });
    return toStaffMember(getStaff(ctx.db, id), ctx.now);
  },

  updateStaff(input, ctx) {
    const row = getStaff(ctx.db, input.staffId);
    const grantsManager =
      (input.role === 'manager' && row.role !== 'manager') || (input.active === true && row.active !== 1 && (input.role ?? row.role) === 'manager');
    if (grantsManager) confirmCallerPin(ctx, input.managerPin);
    if (input.name !== undefined && nameTaken(ctx.db, input.name, row.id)) throw nameInUse();
    const demoting = row.role === 'manager' && row.active === 1 && (input.active === false || (input.role !== undefined && input.role !== 'manager'));
    if (demoting && activeManagerCount(ctx.db) <= 1) {
      throw new DeskFailure('conflict', t.lastManager);
    }
    ctx.db
      .prepare('UPDATE staff SET name = ?, role = ?, active = ? WHERE id = ?')
      .run(input.name ?? row.name, input.role ?? row.role, input.active === undefined ? row.active : Number(input.active), row.id);
    if (input.active === false || input.role !== undefined) ctx.sessions.revokeStaff(row.id);
    ctx.audit('staff.update', { type: 'staff', id: row.id });
    return toStaffMember(getStaff(ctx.db, row.id), ctx.now);
  },

  setStaffPin(input, ctx) {
    confirmCallerPin(ctx, input.managerPin);
    const row = getStaff(ctx.db, input.staffId);
    ctx.db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(hashPin(input.pin), row.id);
    clearPinAttempts(ctx, row.id);
    ctx.sessions.revokeStaff(row.id);
    ctx.audit('staff.set-pin', { type: 'staff', id: row.id });
    return toStaffMember(getStaff(ctx.db, row.id), ctx.now);
  },

  unlockStaff(input, ctx) {
    confirmCallerPin(ctx, input.managerPin);
    const row = getStaff(ctx.db, input.staffId);
    clearPinAttempts(ctx, row.id);
    ctx.audit('staff.unlock', { type: 'staff', id: row.id });
    return toStaffMember(getStaff(ctx.db, row.id), ctx.now);
  },
} satisfies Partial<Handlers>;
