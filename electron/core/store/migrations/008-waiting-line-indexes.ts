import type { Migration } from './migration.js';

/**
 * The waiting line as two small indexes, one for tickets in turn and one for priority tickets,
 * each in the order they joined the line (queued_at, then id). The call order (docs/design.md, "The
 * day") moves every priority ticket by the same head start, so within each index the order is
 * the call order: the next ticket for a desk is the first entry of one of them, per service, and
 * a ticket's place in line is two counts over index ranges — never a scan of the day's visits,
 * nor of the visits table at all (both indexes cover those queries; queue-order.ts).
 * Partial, so a ticket leaves them when it stops waiting: they hold only the queue. `priority`
 * is a column of each only so that they cover those queries (SQLite 3.53 does not count a
 * partial index's `IS NULL` condition as covering the column; checked with EXPLAIN QUERY PLAN).
 * https://sqlite.org/partialindex.html
 */
export const waitingLineIndexes: Migration = {
  version: 8,
  name: 'indexes of the waiting line',
  up: `
    CREATE INDEX visits_waiting_in_turn ON visits (service_id, day, priority, queued_at) WHERE status = 'waiting' AND priority IS NULL;
    CREATE INDEX visits_waiting_priority ON visits (service_id, day, queued_at, priority) WHERE status = 'waiting' AND priority IS NOT NULL;
  `,
};
