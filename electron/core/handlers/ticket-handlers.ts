import { DeskFailure } from '../../../shared/errors.js';
import { formatTicketNumber } from '../../../shared/ticket-number.js';
import type { Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { today } from '../queue/site-day.js';
import { localHour } from '../local-time.js';
import { checkIssuingHours } from '../queue/after-hours.js';
import { inProgress, waitingInOrder } from '../queue/queue-order.js';
import { ticketInQueue } from '../queue/ticket-place.js';
import { getVisitRow, toTicketView, toVisitDetails } from '../queue/visit-records.js';
import { getService } from '../queue/site-records.js';
import { takeStep } from '../queue/ticket-steps.js';
import { readableVisit } from '../queue/visit-access.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

export const ticketHandlers = {
  issueTicket(input, ctx) {
    const caller = requireCaller(ctx);
    const settings = ctx.settings();
    const day = today(ctx);
    const lateManagerId = checkIssuingHours(ctx, day, input.afterHours);
    const service = getService(ctx, input.serviceId);
    if (!service.active) {
      throw new DeskFailure('conflict', t.serviceOff(service.name), [
        { path: ['serviceId'], message: t.serviceOffField },
      ]);
    }
    const seq =
      (ctx.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS next FROM visits WHERE day = ? AND letter = ?').get(day.day, service.letter) as {
        next: number;
      }).next;
    const { visitor, needs } = input;
    const info = ctx.db
      .prepare(
        `INSERT INTO visits (day, hour, letter, seq, number, service_id, first_service_id, status, visitor_name, address_lines, postcode,
           no_fixed_abode, reason, interpreter, interpreter_language, hearing, mobility, priority, call_by_number_only, issued_by,
           issued_at, queued_at)
         VALUES (@day, @hour, @letter, @seq, @number, @serviceId, @serviceId, 'waiting', @name, @addressLines, @postcode,
           @noFixedAbode, @reason, @interpreter, @language, @hearing, @mobility, @priority, @callByNumberOnly, @issuedBy,
           @now, @now)`,
      )
      .run({
        day: day.day,
        hour: localHour(ctx.now, settings.timeZone),
        letter: service.letter,
        seq,
        number: formatTicketNumber(service.letter, seq),
        serviceId: service.id,
        name: visitor.name,
        addressLines: JSON.stringify(visitor.addressLines),
        postcode: visitor.noFixedAbode ? null : visitor.postcode,
        noFixedAbode: Number(visitor.noFixedAbode),
        reason: input.reason,
        interpreter: Number(needs.interpreter),
        language: needs.interpreter ? needs.language : null,
        hearing: Number(needs.hearing),
        mobility: Number(needs.mobility),
        priority: input.priority,
        callByNumberOnly: Number(input.callByNumberOnly),
        issuedBy: caller.staffId,
        now: ctx.now,
      });
    const visitId = Number(info.lastInsertRowid);
    ctx.audit('visit.issue', { type: 'visit', id: visitId });
    // Which manager let the visitor in late: their id, as the target; the visit is the line above.
    if (lateManagerId !== null) ctx.audit('visit.after-hours', { type: 'staff', id: lateManagerId });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return ticketInQueue(ctx, day, getVisitRow(ctx.db, visitId));
  },

  reprintTicket(input, ctx) {
    const row = readableVisit(ctx, input.visitId);
    const day = today(ctx);
    if (row.status !== 'waiting') throw new DeskFailure('conflict', t.reprintNotWaiting(row.number, row.status));
    // A ticket left waiting from an earlier day is closed at the next start; it has no place today.
    if (row.day !== day.day) throw new DeskFailure('conflict', t.earlierDay(row.number));
    ctx.audit('visit.reprint', { type: 'visit', id: row.id });
    return ticketInQueue(ctx, day, row);
  },

  cancelTicket(input, ctx) {
    return takeStep(ctx, getVisitRow(ctx.db, input.visitId), 'cancel', {});
  },

  getQueue(input, ctx) {
    const day = today(ctx);
    const services = input.serviceIds ?? null;
    const headStartMs = ctx.settings().priorityHeadStartMinutes * 60_000;
    const waiting = waitingInOrder(ctx.db, day.day, services, headStartMs).map(toTicketView);
    return [...waiting, ...inProgress(ctx.db, day.day, services).map(toTicketView)];
  },

  getVisit(input, ctx) {
    const row = readableVisit(ctx, input.visitId);
    ctx.audit('visit.view', { type: 'visit', id: row.id });
    return toVisitDetails(row);
  },
} satisfies Partial<Handlers>;
