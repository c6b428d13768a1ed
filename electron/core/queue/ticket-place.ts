import type { IssuedTicket } from '../../../shared/domain/visit.js';
import { estimateWaitMinutes } from '../../../shared/wait-math.js';
import type { CallContext } from '../call-context.js';
import type { SiteDay } from './site-day.js';
import { placeInLine } from './queue-order.js';
import { toTicketView, type VisitRow } from './visit-records.js';

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

/** Open desks serving the service now: a paused desk calls nobody, so it does not shorten the wait. */
function desksServing(ctx: CallContext, serviceId: number): number {
  return (
    ctx.db
      .prepare('SELECT count(*) AS n FROM desk_sessions WHERE paused_at IS NULL AND ? IN (SELECT value FROM json_each(service_ids))')
      .get(serviceId) as { n: number }
  ).n;
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
    estimatedWaitMinutes: estimateWaitMinutes(position - 1, averageServiceMs(ctx, day.startsAt), desksServing(ctx, visit.service_id)),
  };
}
