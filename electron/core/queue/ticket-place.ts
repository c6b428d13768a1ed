import type { IssuedTicket } from '../../../shared/domain/visit.js';
import { estimateWaitMinutes } from '../../../shared/wait-math.js';
import type { CallContext } from '../call-context.js';
import type { SiteDay } from './site-day.js';
import { placeInLine } from './queue-order.js';
import { toTicketView, type VisitRow } from './visit-records.js';

/**
 * How long a desk is taken per visitor of the service today — from calling them (the walk up
 * included) to finishing — over its last finished visits, for the estimate: a benefits claim
 * and a council tax question take very different times, so one average for all services
 * misleads both. Falls back to every service's, then to none. Walks
 * the called_at index back from now (`+status` keeps SQLite off the status index), so it reads
 * a few dozen rows rather than the whole day's visits on every ticket issued.
 */
function averageServiceMs(ctx: CallContext, dayStartsAt: number, serviceId: number): number | null {
  const recent = (alsoService: string, ...params: number[]) =>
    (
      ctx.db
        .prepare(
          `SELECT avg(finished_at - called_at) AS ms FROM (
             SELECT finished_at, called_at FROM visits
             WHERE called_at >= ? AND +status = 'finished' ${alsoService}
             ORDER BY called_at DESC LIMIT 20)`,
        )
        .get(dayStartsAt, ...params) as { ms: number | null }
    ).ms;
  return recent('AND +service_id = ?', serviceId) ?? recent('');
}

/**
 * Open desks serving the service now, a desk that also serves others counting for the share of
 * its waiting tickets that are this service's: it calls the oldest of all of them, so it works
 * on this queue only that part of the time (a desk for everything gives a quiet service little).
 * A paused desk calls nobody and does not count. The new ticket is waiting, so no share is 0/0.
 */
function desksServing(ctx: CallContext, day: string, serviceId: number): number {
  return (
    ctx.db
      .prepare(
        `WITH waiting AS (SELECT service_id, count(*) AS n FROM visits WHERE status = 'waiting' AND +day = @day GROUP BY service_id)
         SELECT coalesce(sum(
           (SELECT n FROM waiting WHERE service_id = @serviceId) * 1.0
             / (SELECT sum(w.n) FROM json_each(d.service_ids) AS j JOIN waiting AS w ON w.service_id = j.value)
         ), 0) AS n
         FROM desk_sessions AS d WHERE d.paused_at IS NULL AND @serviceId IN (SELECT value FROM json_each(d.service_ids))`,
      )
      .get({ day, serviceId }) as { n: number }
  ).n;
}

/**
 * Every open desk for the service is with a visitor (called or serving): a new ticket then waits
 * for one of them to finish as well as for the tickets ahead. False when no desk is open.
 */
function everyDeskBusy(ctx: CallContext, serviceId: number): boolean {
  const row = ctx.db
    .prepare(
      `SELECT count(*) AS open, coalesce(sum(EXISTS (SELECT 1 FROM visits AS v WHERE v.status IN ('called', 'serving') AND v.desk_id = d.desk_id)), 0) AS busy
       FROM desk_sessions AS d WHERE d.paused_at IS NULL AND ? IN (SELECT value FROM json_each(d.service_ids))`,
    )
    .get(serviceId) as { open: number; busy: number };
  return row.open > 0 && row.busy === row.open;
}

/**
 * A waiting ticket as printed: the ticket, its place among its service's waiting tickets now and
 * the estimated wait from that place. One computation for the first print (issueTicket) and every
 * reprint (reprintTicket), so the two slips can never disagree on how they count.
 */
export function ticketInQueue(ctx: CallContext, day: SiteDay, visit: VisitRow): IssuedTicket {
  const position = placeInLine(ctx.db, visit, ctx.settings().priorityHeadStartMinutes * 60_000);
  return {
    ticket: toTicketView(visit),
    position,
    estimatedWaitMinutes: estimateWaitMinutes(
      position - 1,
      averageServiceMs(ctx, day.startsAt, visit.service_id),
      desksServing(ctx, visit.day, visit.service_id),
      everyDeskBusy(ctx, visit.service_id),
    ),
  };
}
