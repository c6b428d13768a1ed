import { DeskFailure } from '../../../shared/errors.js';
import type { CallContext, Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { deskName, findOpenDesk, listOpenDesks, requireDeskOf } from '../queue/desk-sessions.js';
import { nextWaiting } from '../queue/queue-order.js';
import { assertStep, type TicketStep } from '../queue/ticket-steps.js';
import { getTicket, getVisitRow, type VisitRow } from '../queue/visit-records.js';
import { getService } from '../queue/site-records.js';
import { today } from './ticket-handlers.js';
import { errorText as t } from '../../../shared/i18n/errors.en-GB.js';

/** A ticket at a desk is acted on by that desk's advisor, or by a manager. */
function ownTicket(ctx: CallContext, visitId: number, step: TicketStep): VisitRow {
  const caller = requireCaller(ctx);
  const row = getVisitRow(ctx.db, visitId);
  assertStep(row, step);
  if (row.advisor_id !== null && row.advisor_id !== caller.staffId && caller.role !== 'manager') {
    throw new DeskFailure('forbidden', t.ticketWithOtherAdvisor(row.number));
  }
  return row;
}

function assertDeskFree(ctx: CallContext, deskId: number): void {
  const busy = findOpenDesk(ctx.db, deskId)?.current;
  if (busy) throw new DeskFailure('conflict', t.deskBusy(busy.number));
}

function callTo(ctx: CallContext, row: Pick<VisitRow, 'id' | 'number'>, deskId: number, recall: boolean) {
  const caller = requireCaller(ctx);
  ctx.db
    .prepare(
      `UPDATE visits SET status = 'called', desk_id = ?, last_desk_id = ?, advisor_id = ?, called_at = ?,
         first_called_at = coalesce(first_called_at, ?)
       WHERE id = ?`,
    )
    .run(deskId, deskId, caller.staffId, ctx.now, ctx.now, row.id);
  ctx.emit({ type: 'ticket-called', call: { number: row.number, deskName: deskName(ctx.db, deskId), calledAt: ctx.now, recall } });
  ctx.emit({ type: 'queue-changed', at: ctx.now });
  return getTicket(ctx.db, row.id);
}

function changed(ctx: CallContext, visitId: number) {
  ctx.emit({ type: 'queue-changed', at: ctx.now });
  return getTicket(ctx.db, visitId);
}

export const callingHandlers = {
  listDeskSessions(_input, ctx) {
    return listOpenDesks(ctx.db);
  },

  openDesk(input, ctx) {
    const caller = requireCaller(ctx);
    const desk = ctx.db.prepare('SELECT id, active FROM desks WHERE id = ?').get(input.deskId) as { id: number; active: number } | undefined;
    if (desk === undefined || desk.active !== 1) {
      throw new DeskFailure('not-found', t.noDeskInUse, [{ path: ['deskId'], message: t.unknownDeskField }]);
    }
    input.serviceIds.forEach((id) => getService(ctx, id));
    const open = findOpenDesk(ctx.db, desk.id);
    if (open !== null && open.advisorId !== caller.staffId) {
      throw new DeskFailure('conflict', t.deskTaken(open.deskName, open.advisorName));
    }
    const elsewhere = ctx.db.prepare('SELECT desk_id FROM desk_sessions WHERE advisor_id = ? AND desk_id <> ?').get(caller.staffId, desk.id);
    if (elsewhere !== undefined) throw new DeskFailure('conflict', t.otherDeskOpen);
    ctx.db
      .prepare(
        `INSERT INTO desk_sessions (desk_id, advisor_id, service_ids, opened_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (desk_id) DO UPDATE SET service_ids = excluded.service_ids`,
      )
      .run(desk.id, caller.staffId, JSON.stringify([...new Set(input.serviceIds)]), ctx.now);
    ctx.audit('desk.open', { type: 'desk', id: desk.id });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return findOpenDesk(ctx.db, desk.id)!;
  },

  closeDesk(input, ctx) {
    const desk = requireDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    if (desk.current?.status === 'serving') {
      throw new DeskFailure('conflict', t.deskBusyClosing(desk.current.number));
    }
    // A visitor called but not yet arrived keeps their place in line.
    ctx.db
      .prepare("UPDATE visits SET status = 'waiting', desk_id = NULL, advisor_id = NULL, called_at = NULL WHERE desk_id = ? AND status = 'called'")
      .run(desk.deskId);
    ctx.db.prepare('DELETE FROM desk_sessions WHERE desk_id = ?').run(desk.deskId);
    ctx.audit('desk.close', { type: 'desk', id: desk.deskId });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return { ok: true as const };
  },

  callNext(input, ctx) {
    const desk = requireDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    assertDeskFree(ctx, desk.deskId);
    const next = nextWaiting(ctx.db, today(ctx).day, desk.serviceIds, ctx.settings().priorityHeadStartMinutes * 60_000);
    if (next === undefined) return null;
    ctx.audit('visit.call', { type: 'visit', id: next.id });
    return callTo(ctx, next, desk.deskId, false);
  },

  callTicket(input, ctx) {
    const desk = requireDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    assertDeskFree(ctx, desk.deskId);
    const row = getVisitRow(ctx.db, input.visitId);
    assertStep(row, 'call');
    ctx.audit('visit.call', { type: 'visit', id: row.id });
    return callTo(ctx, row, desk.deskId, false);
  },

  recallTicket(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'recall');
    ctx.db.prepare('UPDATE visits SET recalls = recalls + 1 WHERE id = ?').run(row.id);
    ctx.audit('visit.recall', { type: 'visit', id: row.id });
    return callTo(ctx, row, row.desk_id!, true);
  },

  startService(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'start');
    ctx.db.prepare("UPDATE visits SET status = 'serving', started_at = ? WHERE id = ?").run(ctx.now, row.id);
    ctx.audit('visit.start', { type: 'visit', id: row.id });
    return changed(ctx, row.id);
  },

  finishService(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'finish');
    ctx.db
      .prepare("UPDATE visits SET status = 'finished', finished_at = ?, outcome = ?, note = coalesce(?, note) WHERE id = ?")
      .run(ctx.now, input.outcome, input.note === undefined || input.note.trim() === '' ? null : input.note, row.id);
    ctx.audit('visit.finish', { type: 'visit', id: row.id });
    return changed(ctx, row.id);
  },

  transferTicket(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'transfer');
    const service = getService(ctx, input.serviceId);
    if (service.id === row.service_id) {
      throw new DeskFailure('invalid-input', t.sameService, [{ path: ['serviceId'], message: t.sameServiceField }]);
    }
    if (!service.active) throw new DeskFailure('conflict', t.serviceOff(service.name));
    // The visitor keeps the number on their paper and their original place in line (queued_at).
    ctx.db
      .prepare(
        `UPDATE visits SET status = 'waiting', service_id = ?, desk_id = NULL, advisor_id = NULL, called_at = NULL, started_at = NULL,
           transfers = transfers + 1, note = coalesce(?, note) WHERE id = ?`,
      )
      .run(service.id, input.note === undefined || input.note.trim() === '' ? null : input.note, row.id);
    ctx.audit('visit.transfer', { type: 'visit', id: row.id });
    return changed(ctx, row.id);
  },

  parkTicket(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'park');
    ctx.db.prepare("UPDATE visits SET status = 'parked', desk_id = NULL WHERE id = ?").run(row.id);
    ctx.audit('visit.park', { type: 'visit', id: row.id });
    return changed(ctx, row.id);
  },

  resumeTicket(input, ctx) {
    const desk = requireDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    assertDeskFree(ctx, desk.deskId);
    const row = ownTicket(ctx, input.visitId, 'resume');
    ctx.audit('visit.resume', { type: 'visit', id: row.id });
    return callTo(ctx, row, desk.deskId, false);
  },

  markNoShow(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'no-show');
    ctx.db.prepare("UPDATE visits SET status = 'no-show', outcome = 'no-show', finished_at = ? WHERE id = ?").run(ctx.now, row.id);
    ctx.audit('visit.no-show', { type: 'visit', id: row.id });
    return changed(ctx, row.id);
  },

  reinstateTicket(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'reinstate');
    if (row.day !== today(ctx).day) throw new DeskFailure('conflict', t.earlierDay(row.number));
    ctx.db
      .prepare(
        "UPDATE visits SET status = 'waiting', outcome = NULL, finished_at = NULL, desk_id = NULL, advisor_id = NULL, called_at = NULL WHERE id = ?",
      )
      .run(row.id);
    ctx.audit('visit.reinstate', { type: 'visit', id: row.id });
    return changed(ctx, row.id);
  },
} satisfies Partial<Handlers>;
