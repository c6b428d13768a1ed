import type { SafetyAlert } from '../../../shared/domain/safety.js';
import { DeskFailure } from '../../../shared/errors.js';
import { errorText as t, siteText } from '../../../shared/i18n/catalogue.js';
import type { Caller, CallContext, Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { findOpenDesk } from '../queue/desk-sessions.js';

interface AlertRow {
  id: number;
  raised_by: number;
  raised_by_name: string;
  desk_id: number | null;
  place: string;
  raised_at: number;
  acknowledged_by: number | null;
  acknowledged_by_name: string | null;
  acknowledged_at: number | null;
}

const select = `SELECT a.id, a.raised_by, r.name AS raised_by_name, a.desk_id, a.place, a.raised_at, a.acknowledged_by,
  k.name AS acknowledged_by_name, a.acknowledged_at
  FROM safety_alerts a JOIN staff r ON r.id = a.raised_by LEFT JOIN staff k ON k.id = a.acknowledged_by`;

function toAlert(row: AlertRow): SafetyAlert {
  return {
    id: row.id,
    raisedBy: { id: row.raised_by, name: row.raised_by_name },
    place: row.place,
    deskId: row.desk_id,
    raisedAt: row.raised_at,
    acknowledgedBy: row.acknowledged_by === null ? null : { id: row.acknowledged_by, name: row.acknowledged_by_name ?? '' },
    acknowledgedAt: row.acknowledged_at,
  };
}

function getAlert(ctx: CallContext, id: number): SafetyAlert {
  const row = ctx.db.prepare(`${select} WHERE a.id = ?`).get(id) as AlertRow | undefined;
  if (row === undefined) throw new DeskFailure('not-found', t.noSuchAlert, [{ path: ['alertId'], message: t.unknownAlertField }]);
  return toAlert(row);
}

/**
 * Where help is needed, kept with the alert in the words every screen shows: the desk's name when
 * it was raised, or reception. The desk must be one the caller has open; a manager, who may cover any desk, may
 * name any active desk, open or not.
 */
function placeOf(ctx: CallContext, caller: Caller, deskId: number | null): { deskId: number | null; place: string } {
  if (deskId === null) return { deskId, place: siteText.safety.reception };
  if (caller.role === 'manager') {
    const desk = ctx.db.prepare('SELECT name FROM desks WHERE id = ? AND active = 1').get(deskId) as { name: string } | undefined;
    if (desk !== undefined) return { deskId, place: desk.name };
  } else {
    const open = findOpenDesk(ctx.db, deskId);
    if (open !== null && open.advisorId === caller.staffId) return { deskId, place: open.deskName };
  }
  throw new DeskFailure('not-found', t.alertDeskNotOpen, [{ path: ['deskId'], message: t.deskNotOpenField }]);
}

/**
 * Staff-safety alerts (docs/access.md): staff names and a place, never a visitor's; each raise and
 * acknowledgement is audited by the alert's id and tells staff screens only
 * (`safety-alerts-changed` is a staff event: the waiting-area display never hears of one).
 */
export const safetyHandlers = {
  raiseSafetyAlert(input, ctx) {
    const caller = requireCaller(ctx);
    const where = placeOf(ctx, caller, input.deskId);
    // Pressing again while one's own call for help is open adds nothing: it is already on every screen.
    const open = ctx.db.prepare('SELECT id FROM safety_alerts WHERE raised_by = ? AND acknowledged_at IS NULL ORDER BY id LIMIT 1').get(caller.staffId) as
      | { id: number }
      | undefined;
    if (open !== undefined) return getAlert(ctx, open.id);
    const id = Number(
      ctx.db
        .prepare('INSERT INTO safety_alerts (raised_by, desk_id, place, raised_at) VALUES (?, ?, ?, ?)')
        .run(caller.staffId, where.deskId, where.place, ctx.now).lastInsertRowid,
    );
    ctx.audit('safety.raise', { type: 'alert', id });
    ctx.emit({ type: 'safety-alerts-changed', at: ctx.now });
    return getAlert(ctx, id);
  },

  acknowledgeSafetyAlert(input, ctx) {
    const caller = requireCaller(ctx);
    const alert = getAlert(ctx, input.alertId);
    // Someone already answered: that answer stands, and nothing more is audited.
    if (alert.acknowledgedAt !== null) return alert;
    ctx.db.prepare('UPDATE safety_alerts SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ?').run(caller.staffId, ctx.now, alert.id);
    ctx.audit('safety.acknowledge', { type: 'alert', id: alert.id });
    ctx.emit({ type: 'safety-alerts-changed', at: ctx.now });
    return getAlert(ctx, alert.id);
  },

  listSafetyAlerts(_input, ctx) {
    const rows = ctx.db.prepare(`${select} WHERE a.acknowledged_at IS NULL ORDER BY a.raised_at, a.id`).all() as AlertRow[];
    return rows.map(toAlert);
  },
} satisfies Partial<Handlers>;
