import type { Db } from '../store/open-database.js';
import { ticketColumnList, type TicketRow } from './visit-records.js';

/**
 * The call order of DESIGN.md in SQL, matching `compareCallOrder` in shared/wait-math.ts:
 * oldest place in line first, a priority ticket counted `headStartMs` earlier, ties by id.
 * The order follows from the tickets alone; there is no hidden state.
 */
const effectiveTime = '(queued_at - CASE WHEN priority IS NULL THEN 0 ELSE @headStartMs END)';
const orderBy = `ORDER BY ${effectiveTime}, id`;

export function nextWaiting(db: Db, day: string, serviceIds: readonly number[], headStartMs: number): TicketRow | undefined {
  return db
    .prepare(
      `SELECT ${ticketColumnList} FROM visits
       WHERE status = 'waiting' AND day = @day AND service_id IN (SELECT value FROM json_each(@services))
       ${orderBy} LIMIT 1`,
    )
    .get({ day, services: JSON.stringify(serviceIds), headStartMs }) as TicketRow | undefined;
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

/**
 * A waiting ticket's place among its service's waiting tickets (1 = next), counted in the index
 * rather than by listing the whole queue on every ticket issued.
 */
export function placeInLine(db: Db, day: string, serviceId: number, visitId: number, headStartMs: number): number {
  const row = db
    .prepare(
      `WITH me AS (SELECT id, ${effectiveTime} AS at FROM visits WHERE id = @visitId)
       SELECT count(*) + 1 AS place FROM visits, me
       WHERE status = 'waiting' AND service_id = @serviceId AND day = @day
         AND (${effectiveTime} < me.at OR (${effectiveTime} = me.at AND visits.id < me.id))`,
    )
    .get({ day, serviceId, visitId, headStartMs }) as { place: number };
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
