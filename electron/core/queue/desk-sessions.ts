import type { OpenDesk, PauseReason } from '../../../shared/domain/desk-session.js';
import { DeskFailure } from '../../../shared/errors.js';
import type { Caller } from '../call-context.js';
import type { Db } from '../store/open-database.js';
import { ticketColumnList, toTicketView, type TicketRow } from './visit-records.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

interface DeskSessionRow {
  desk_id: number;
  desk_name: string;
  advisor_id: number;
  advisor_name: string;
  service_ids: string;
  opened_at: number;
  paused_reason: PauseReason | null;
  paused_at: number | null;
}

const select = `SELECT s.desk_id, d.name AS desk_name, s.advisor_id, st.name AS advisor_name, s.service_ids, s.opened_at, s.paused_reason, s.paused_at
  FROM desk_sessions s JOIN desks d ON d.id = s.desk_id JOIN staff st ON st.id = s.advisor_id`;

function currentAt(db: Db, deskId: number): TicketRow | undefined {
  return db
    .prepare(`SELECT ${ticketColumnList} FROM visits WHERE desk_id = ? AND status IN ('called', 'serving') ORDER BY called_at DESC LIMIT 1`)
    .get(deskId) as TicketRow | undefined;
}

function toOpenDesk(db: Db, row: DeskSessionRow): OpenDesk {
  const current = currentAt(db, row.desk_id);
  return {
    deskId: row.desk_id,
    deskName: row.desk_name,
    advisorId: row.advisor_id,
    advisorName: row.advisor_name,
    serviceIds: JSON.parse(row.service_ids) as number[],
    openedAt: row.opened_at,
    current: current === undefined ? null : toTicketView(current),
    paused: row.paused_reason === null || row.paused_at === null ? null : { reason: row.paused_reason, since: row.paused_at },
  };
}

export function listOpenDesks(db: Db): OpenDesk[] {
  return (db.prepare(`${select} ORDER BY s.desk_id`).all() as DeskSessionRow[]).map((row) => toOpenDesk(db, row));
}

export function findOpenDesk(db: Db, deskId: number): OpenDesk | null {
  const row = db.prepare(`${select} WHERE s.desk_id = ?`).get(deskId) as DeskSessionRow | undefined;
  return row === undefined ? null : toOpenDesk(db, row);
}

/** The desk must be open, and open by the caller unless the caller is a manager covering it. */
export function requireDeskOf(db: Db, deskId: number, caller: Caller): OpenDesk {
  const desk = findOpenDesk(db, deskId);
  if (desk === null) throw new DeskFailure('conflict', t.deskNotOpen, [{ path: ['deskId'], message: t.deskNotOpenField }]);
  if (desk.advisorId !== caller.staffId && caller.role !== 'manager') {
    throw new DeskFailure('forbidden', t.deskOpenForOther(desk.deskName));
  }
  return desk;
}

/**
 * The desk the caller acts on must be open (else `not-found`), and open by the caller unless the
 * caller is a manager covering it, as for calling and closing (requireDeskOf).
 */
export function requireOpenDeskOf(db: Db, deskId: number, caller: Caller): OpenDesk {
  if (findOpenDesk(db, deskId) === null) {
    throw new DeskFailure('not-found', t.deskNotOpen, [{ path: ['deskId'], message: t.deskNotOpenField }]);
  }
  return requireDeskOf(db, deskId, caller);
}

/** A paused desk calls nobody: the advisor resumes it first. */
export function assertNotPaused(desk: OpenDesk): void {
  if (desk.paused !== null) throw new DeskFailure('conflict', t.deskPaused(desk.deskName));
}

export function deskName(db: Db, deskId: number): string {
  return (db.prepare('SELECT name FROM desks WHERE id = ?').get(deskId) as { name: string } | undefined)?.name ?? '';
}
