import { DeskFailure } from '../../../shared/errors.js';
import type { CallContext, Handlers } from '../call-context.js';
import { readSettings, writeSettings } from '../settings.js';
import { confirmCallerPin } from '../pin-attempts.js';
import { previewRetention } from '../retention.js';
import { getDesk, getService, toService, type ServiceRow } from '../queue/site-records.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

function letterTaken(ctx: CallContext, letter: string, exceptId: number | null): boolean {
  return ctx.db.prepare('SELECT 1 FROM services WHERE letter = ? AND id IS NOT ?').get(letter, exceptId) !== undefined;
}

const letterInUse = () =>
  new DeskFailure('conflict', t.letterTaken, [{ path: ['letter'], message: t.letterTakenField }]);

const deskNameInUse = () =>
  new DeskFailure('conflict', t.deskNameTaken, [{ path: ['name'], message: t.nameTakenField }]);

export const siteHandlers = {
  listServices(_input, ctx) {
    return (ctx.db.prepare('SELECT * FROM services ORDER BY sort_order, id').all() as ServiceRow[]).map(toService);
  },

  createService(input, ctx) {
    if (letterTaken(ctx, input.letter, null)) throw letterInUse();
    const order = input.order ?? ((ctx.db.prepare('SELECT coalesce(max(sort_order), 0) + 10 AS o FROM services').get() as { o: number }).o);
    const info = ctx.db
      .prepare('INSERT INTO services (name, letter, target_wait_minutes, sort_order) VALUES (?, ?, ?, ?)')
      .run(input.name, input.letter, input.targetWaitMinutes, order);
    const id = Number(info.lastInsertRowid);
    ctx.audit('service.create', { type: 'service', id });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return getService(ctx, id);
  },

  updateService(input, ctx) {
    const current = getService(ctx, input.serviceId);
    if (input.letter !== undefined && letterTaken(ctx, input.letter, current.id)) throw letterInUse();
    ctx.db
      .prepare('UPDATE services SET name = @name, letter = @letter, target_wait_minutes = @target, sort_order = @order, active = @active WHERE id = @id')
      .run({
        name: input.name ?? current.name,
        letter: input.letter ?? current.letter,
        target: input.targetWaitMinutes ?? current.targetWaitMinutes,
        order: input.order ?? current.order,
        active: Number(input.active ?? current.active),
        id: current.id,
      });
    ctx.audit('service.update', { type: 'service', id: current.id });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return getService(ctx, current.id);
  },

  listDesks(_input, ctx) {
    return (ctx.db.prepare('SELECT id, name, active FROM desks ORDER BY id').all() as Array<{ id: number; name: string; active: number }>).map((d) => ({
      id: d.id,
      name: d.name,
      active: d.active === 1,
    }));
  },

  createDesk(input, ctx) {
    if (ctx.db.prepare('SELECT 1 FROM desks WHERE name = ?').get(input.name) !== undefined) throw deskNameInUse();
    const id = Number(ctx.db.prepare('INSERT INTO desks (name) VALUES (?)').run(input.name).lastInsertRowid);
    ctx.audit('desk.create', { type: 'desk', id });
    // The manager's board lists the active desks.
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return getDesk(ctx, id);
  },

  updateDesk(input, ctx) {
    const desk = getDesk(ctx, input.deskId);
    if (input.name !== undefined && ctx.db.prepare('SELECT 1 FROM desks WHERE name = ? AND id <> ?').get(input.name, desk.id) !== undefined) {
      throw deskNameInUse();
    }
    if (input.active === false && ctx.db.prepare('SELECT 1 FROM desk_sessions WHERE desk_id = ?').get(desk.id) !== undefined) {
      throw new DeskFailure('conflict', t.deskOpenCannotDeactivate);
    }
    ctx.db.prepare('UPDATE desks SET name = ?, active = ? WHERE id = ?').run(input.name ?? desk.name, Number(input.active ?? desk.active), desk.id);
    ctx.audit('desk.update', { type: 'desk', id: desk.id });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return getDesk(ctx, desk.id);
  },

  getSettings(_input, ctx) {
    return { ...ctx.settings(), recoveryPassphraseSet: ctx.keystore.hasRecoveryPassphrase() };
  },

  updateSettings(input, ctx) {
    const { managerPin, ...changes } = input;
    // Shortening retention deletes visits at the next purge: that asks for the PIN again.
    if (changes.retentionDays !== undefined && changes.retentionDays < ctx.settings().retentionDays) confirmCallerPin(ctx, managerPin);
    writeSettings(ctx.db, changes);
    ctx.audit('settings.update', { type: 'setting', id: null });
    ctx.emit({ type: 'settings-changed', at: ctx.now });
    return { ...readSettings(ctx.db), recoveryPassphraseSet: ctx.keystore.hasRecoveryPassphrase() };
  },

  previewRetention(input, ctx) {
    return previewRetention(ctx.db, ctx.now, ctx.settings().timeZone, input.retentionDays);
  },

  setRecoveryPassphrase(input, ctx) {
    confirmCallerPin(ctx, input.managerPin);
    // The old passphrase stops working: that must be what the manager asked for, not a slip.
    if (ctx.keystore.hasRecoveryPassphrase() && input.replace !== true) {
      throw new DeskFailure('conflict', t.recoveryPassphraseSet, [{ path: ['replace'], message: t.recoveryPassphraseSet }]);
    }
    ctx.audit('keystore.recovery-passphrase', { type: 'setting', id: null });
    return ctx.keystore.setRecoveryPassphrase(input.passphrase).then(() => ({ ok: true as const }));
  },
} satisfies Partial<Handlers>;
