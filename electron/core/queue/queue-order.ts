import type { Db } from '../store/open-database.js';
import { ticketColumnList, type TicketRow } from './visit-records.js';

/**
 * The call order of docs/design.md in SQL, matching `compareCallOrder` in shared/wait-math.ts:
 * oldest place in line first, a priority ticket counted `headStartMs` earlier, ties by id.
 * The order follows from the tickets alone; there is no hidden state.
 */
const effectiveTime = '(queued_at - CASE WHEN priority IS NULL THEN 0 ELSE @headStartMs END)';
const orderBy = `ORDER BY ${effectiveTime}, id`;

/**
 * The first waiting ticket in each of the two waiting-line indexes (migration 008), per service:
 * within an index the call order is (queued_at, id), because a priority ticket's head start is
 * the same for all of them. One SQL text per number of services, so the statement cache keeps it.
 * `INDEXED BY` because, without statistics, SQLite may prefer visits_open for a priority head and
 * walk every ticket in turn before it; here a plan that grows with the queue is an error instead.
 */
export function nextWaitingSql(services: number): string {
  const heads = Array.from({ length: services }, (_, i) =>
    [
      `SELECT * FROM (SELECT id, queued_at AS at FROM visits INDEXED BY visits_waiting_in_turn WHERE status = 'waiting' AND priority IS NULL AND service_id = @s${i} AND day = @day ORDER BY queued_at, id LIMIT 1)`,
      `SELECT * FROM (SELECT id, queued_at - @headStartMs AS at FROM visits INDEXED BY visits_waiting_priority WHERE status = 'waiting' AND priority IS NOT NULL AND service_id = @s${i} AND day = @day ORDER BY queued_at, id LIMIT 1)`,
    ].join(' UNION ALL '),
  );
  return `SELECT ${ticketColumnList} FROM visits WHERE id = (SELECT id FROM (${heads.join(' UNION ALL ')}) ORDER BY at, id LIMIT 1)`;
}

/** The ticket a desk serving these services calls next: the head of one of its services' lines. */
export function nextWaiting(db: Db, day: string, serviceIds: readonly number[], headStartMs: number): TicketRow | undefined {
  if (serviceIds.length === 0) return undefined;
  const params: Record<string, string | number> = { day, headStartMs };
  serviceIds.forEach((id, i) => (params[`s${i}`] = id));
  return db.prepare(nextWaitingSql(serviceIds.length)).get(params) as TicketRow | undefined;
}

export function waitingInOrder(db: Db, day: string, serviceIds: readonly number[] | null, headStartMs: number): TicketRow[] {
  return db
    .prepare(
      `SELECT ${ticketColumnList} FROM visits
       WHERE status = 'waiting' AND day = @day
         AND (@services IS NULL OR service_id IN (SELECT value FROM json_each(@services)))
       ${orderBy}`,
    )
    .all({ day, services: serviceIds === null ? null : JSON.stringify(serviceIds), headStartMs }) as TicketRow[];
}

/** The two counts of `placeInLine`; exported for the test that holds them to their index ranges. */
export const placeInLineSql = `SELECT 1
         + (SELECT count(*) FROM visits INDEXED BY visits_waiting_in_turn WHERE status = 'waiting' AND priority IS NULL AND service_id = @serviceId AND day = @day
              AND queued_at <= @at AND (queued_at < @at OR id < @id))
         + (SELECT count(*) FROM visits INDEXED BY visits_waiting_priority WHERE status = 'waiting' AND priority IS NOT NULL AND service_id = @serviceId AND day = @day
              AND queued_at <= @priorityAt AND (queued_at < @priorityAt OR id < @id)) AS place`;

/**
 * A waiting ticket's place among its service's waiting tickets (1 = next): one plus those ahead of
 * it in the call order, counted as a range of each waiting-line index (migration 008) — a ticket
 * in turn is ahead if it joined before this one's place in line, a priority ticket if it joined
 * before that place plus the head start (ties by id). Only the entries ahead are read, never the
 * visits table, so the count does not grow with the day's visits.
 */
export function placeInLine(db: Db, visit: Pick<TicketRow, 'id' | 'queued_at' | 'priority' | 'service_id'> & { day: string }, headStartMs: number): number {
  const at = visit.queued_at - (visit.priority === null ? 0 : headStartMs);
  const row = db
    .prepare(placeInLineSql)
    .get({ day: visit.day, serviceId: visit.service_id, id: visit.id, at, priorityAt: at + headStartMs }) as { place: number };
  return row.place;
}

/** Today's tickets at desks or set aside, after the waiting ones, for the queue screens. */
export function inProgress(db: Db, day: string, serviceIds: readonly number[] | null): TicketRow[] {
  return db
    .prepare(
      `SELECT ${ticketColumnList} FROM visits
       WHERE status IN ('called', 'serving', 'parked') AND day = @day
         AND (@services IS NULL OR service_id IN (SELECT value FROM json_each(@services)))
       ORDER BY called_at, id`,
    )
    .all({ day, services: serviceIds === null ? null : JSON.stringify(serviceIds) }) as TicketRow[];
}
