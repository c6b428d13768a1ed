import { DeskFailure } from '../../../shared/errors.js';
import type { CallContext, Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { assertNotPaused, findOpenDesk, listOpenDesks, requireDeskOf, requireOpenDeskOf } from '../queue/desk-sessions.js';
import { nextWaiting } from '../queue/queue-order.js';
import { today } from '../queue/site-day.js';
import { getService } from '../queue/site-records.js';
import { assertStep, returnCalledToQueue, takeStep, type TicketStep } from '../queue/ticket-steps.js';
import { getVisitRow, type VisitRow } from '../queue/visit-records.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

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

/** The desk and the advisor a ticket is called to: whoever calls takes the ticket on. */
function atDesk(ctx: CallContext, deskId: number) {
  return { deskId, advisorId: requireCaller(ctx).staffId };
}

/** A blank note leaves the visit's note as it was. */
function noteOf(note: string | undefined): string | null {
  return note === undefined || note.trim() === '' ? null : note;
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

  /**
   * Pausing again with another reason changes the reason and starts the pause's time again; with
   * the same reason it changes nothing (a double click is not audited twice).
   */
  pauseDesk(input, ctx) {
    const desk = requireOpenDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    if (desk.current !== null) throw new DeskFailure('conflict', t.deskBusyPausing(desk.current.number));
    if (desk.paused?.reason === input.reason) return desk;
    ctx.db.prepare('UPDATE desk_sessions SET paused_reason = ?, paused_at = ? WHERE desk_id = ?').run(input.reason, ctx.now, desk.deskId);
    ctx.audit('desk.pause', { type: 'desk', id: desk.deskId });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return findOpenDesk(ctx.db, desk.deskId)!;
  },

  /** Resuming a desk that is not paused changes nothing. */
  resumeDesk(input, ctx) {
    const desk = requireOpenDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    if (desk.paused === null) return desk;
    ctx.db.prepare('UPDATE desk_sessions SET paused_reason = NULL, paused_at = NULL WHERE desk_id = ?').run(desk.deskId);
    ctx.audit('desk.resume', { type: 'desk', id: desk.deskId });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return findOpenDesk(ctx.db, desk.deskId)!;
  },

  closeDesk(input, ctx) {
    const desk = requireDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    if (desk.current?.status === 'serving') {
      throw new DeskFailure('conflict', t.deskBusyClosing(desk.current.number));
    }
    returnCalledToQueue(ctx.db, desk.deskId, ctx.now);
    ctx.db.prepare('DELETE FROM desk_sessions WHERE desk_id = ?').run(desk.deskId);
    ctx.audit('desk.close', { type: 'desk', id: desk.deskId });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return { ok: true as const };
  },

  callNext(input, ctx) {
    const desk = requireDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    assertNotPaused(desk);
    assertDeskFree(ctx, desk.deskId);
    const next = nextWaiting(ctx.db, today(ctx).day, desk.serviceIds, ctx.settings().priorityHeadStartMinutes * 60_000);
    if (next === undefined) return null;
    return takeStep(ctx, next, 'call', atDesk(ctx, desk.deskId));
  },

  callTicket(input, ctx) {
    const desk = requireDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    assertNotPaused(desk);
    assertDeskFree(ctx, desk.deskId);
    return takeStep(ctx, getVisitRow(ctx.db, input.visitId), 'call-out-of-order', atDesk(ctx, desk.deskId));
  },

  recallTicket(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'recall');
    return takeStep(ctx, row, 'recall', atDesk(ctx, row.desk_id!));
  },

  startService(input, ctx) {
    return takeStep(ctx, ownTicket(ctx, input.visitId, 'start'), 'start', {});
  },

  finishService(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'finish');
    return takeStep(ctx, row, 'finish', { outcome: input.outcome, note: noteOf(input.note) });
  },

  transferTicket(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'transfer');
    const service = getService(ctx, input.serviceId);
    if (service.id === row.service_id) {
      throw new DeskFailure('invalid-input', t.sameService, [{ path: ['serviceId'], message: t.sameServiceField }]);
    }
    if (!service.active) throw new DeskFailure('conflict', t.serviceOff(service.name));
    return takeStep(ctx, row, 'transfer', { serviceId: service.id, note: noteOf(input.note) });
  },

  parkTicket(input, ctx) {
    return takeStep(ctx, ownTicket(ctx, input.visitId, 'park'), 'park', {});
  },

  resumeTicket(input, ctx) {
    const desk = requireDeskOf(ctx.db, input.deskId, requireCaller(ctx));
    assertNotPaused(desk);
    assertDeskFree(ctx, desk.deskId);
    return takeStep(ctx, ownTicket(ctx, input.visitId, 'resume'), 'resume', atDesk(ctx, desk.deskId));
  },

  markNoShow(input, ctx) {
    return takeStep(ctx, ownTicket(ctx, input.visitId, 'no-show'), 'no-show', {});
  },

  reinstateTicket(input, ctx) {
    const row = ownTicket(ctx, input.visitId, 'reinstate');
    if (row.day !== today(ctx).day) throw new DeskFailure('conflict', t.earlierDay(row.number));
    return takeStep(ctx, row, 'reinstate', {});
  },
} satisfies Partial<Handlers>;
