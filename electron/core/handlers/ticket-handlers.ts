import { DeskFailure } from '../../../shared/errors.js';
import { formatTicketNumber } from '../../../shared/ticket-number.js';
import { estimateWaitMinutes } from '../../../shared/wait-math.js';
import type { CallContext, Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { today, type SiteDay } from '../queue/site-day.js';
import { localHour } from '../local-time.js';
import { inProgress, placeInLine, waitingInOrder } from '../queue/queue-order.js';
import { getTicket, getVisitRow, toTicketView, toVisitDetails } from '../queue/visit-records.js';
import { getService } from '../queue/site-records.js';
import { takeStep } from '../queue/ticket-steps.js';
import { readableVisit } from '../queue/visit-access.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';


function assertIssuingAllowed(ctx: CallContext, day: SiteDay, override: boolean): void {
  const late = day.lastTicketAt === null || ctx.now >= day.lastTicketAt;
  if (!late) return;
  if (override && requireCaller(ctx).role === 'manager') return;
  const message =
    day.hours === null
      ? t.closedToday
      : t.ticketsStopAt(day.hours.lastTicket);
  throw new DeskFailure(override ? 'forbidden' : 'conflict', message);
}

/**
 * Today's average service time over the last finished visits, for the estimate. Walks the
 * called_at index back from now (`+status` keeps SQLite off the status index), so it reads about
 * 20 rows rather than the whole day's visits on every ticket issued.
 */
function averageServiceMs(ctx: CallContext, dayStartsAt: number): number | null {
  const row = ctx.db
    .prepare(
      `SELECT avg(finished_at - started_at) AS ms FROM (
         SELECT finished_at, started_at FROM visits
         WHERE called_at >= ? AND +status = 'finished' AND started_at IS NOT NULL
         ORDER BY called_at DESC LIMIT 20)`,
    )
    .get(dayStartsAt) as { ms: number | null };
  return row.ms;
}

function desksServing(ctx: CallContext, serviceId: number): number {
  return (
    ctx.db
      .prepare('SELECT count(*) AS n FROM desk_sessions WHERE ? IN (SELECT value FROM json_each(service_ids))')
      .get(serviceId) as { n: number }
  ).n;
}

export const ticketHandlers = {
  issueTicket(input, ctx) {
    const caller = requireCaller(ctx);
    const settings = ctx.settings();
    const day = today(ctx);
    assertIssuingAllowed(ctx, day, input.afterHoursOverride === true);
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
    const position = placeInLine(ctx.db, day.day, service.id, visitId, settings.priorityHeadStartMinutes * 60_000);
    ctx.audit('visit.issue', { type: 'visit', id: visitId });
    ctx.emit({ type: 'queue-changed', at: ctx.now });
    return {
      ticket: getTicket(ctx.db, visitId),
      position,
      estimatedWaitMinutes: estimateWaitMinutes(position - 1, averageServiceMs(ctx, day.startsAt), desksServing(ctx, service.id)),
    };
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
