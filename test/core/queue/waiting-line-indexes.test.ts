import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextWaiting, nextWaitingSql, placeInLine, placeInLineSql } from '../../../electron/core/queue/queue-order.js';
import { getVisitRow } from '../../../electron/core/queue/visit-records.js';
import { openDatabase, type Db } from '../../../electron/core/store/open-database.js';
import { tempDir } from '../../fixtures/temp-site.js';

/*
 * The next ticket and a ticket's place in line read the waiting-line indexes of migration 8
 * (queue-order.ts). They must give what the call order over all of the day's waiting tickets
 * gives — the SQL they replaced, kept here as the reference — and read only index ranges.
 */

const effective = '(queued_at - CASE WHEN priority IS NULL THEN 0 ELSE @headStartMs END)';
const referenceNext = `SELECT id FROM visits WHERE status = 'waiting' AND day = @day AND service_id IN (SELECT value FROM json_each(@services))
  ORDER BY ${effective}, id LIMIT 1`;
const referencePlace = `WITH me AS (SELECT id, ${effective} AS at FROM visits WHERE id = @visitId)
  SELECT count(*) + 1 AS place FROM visits, me WHERE status = 'waiting' AND service_id = @serviceId AND day = @day
    AND (${effective} < me.at OR (${effective} = me.at AND visits.id < me.id))`;

const statuses = ['waiting', 'waiting', 'waiting', 'called', 'serving', 'parked', 'finished', 'no-show', 'cancelled', 'closed'] as const;

let db: Db;
let remove: () => void;
beforeAll(() => {
  const t = tempDir();
  remove = t.remove;
  db = openDatabase({ file: path.join(t.dir, 'store.db'), key: { kind: 'key', key: Buffer.alloc(32, 8) }, create: true });
  db.prepare("INSERT INTO services (name, letter, target_wait_minutes, sort_order) VALUES ('Extra', 'X', 15, 99) ON CONFLICT (letter) DO NOTHING").run();
});
afterAll(() => {
  db.close();
  remove();
});

describe('the waiting-line indexes', () => {
  it('give the same next ticket and places as the call order over every waiting ticket, with ties, priorities, other days and other statuses', () => {
    const serviceIds = (db.prepare('SELECT id FROM services ORDER BY id LIMIT 3').all() as Array<{ id: number }>).map((r) => r.id);
    const visit = fc.record({
      service: fc.constantFrom(...serviceIds),
      // Few distinct minutes, so that equal places in line (ties by id) are common.
      minute: fc.integer({ min: 0, max: 40 }),
      priority: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant('vulnerable') }),
      status: fc.constantFrom(...statuses),
      yesterday: fc.boolean(),
    });
    const insert = db.prepare(
      `INSERT INTO visits (day, hour, letter, seq, number, service_id, first_service_id, status, visitor_name, address_lines, postcode, no_fixed_abode,
         reason, interpreter, hearing, mobility, priority, call_by_number_only, issued_at, queued_at)
       VALUES (@day, 10, 'T', @seq, 'T' || @seq, @service, @service, @status, 'Test Visitor', '[]', NULL, 1, 'test', 0, 0, 0, @priority, 0, @at, @at)`,
    );
    let seq = 0;
    fc.assert(
      fc.property(
        fc.array(visit, { maxLength: 60 }),
        fc.subarray(serviceIds, { minLength: 1 }),
        fc.constantFrom(0, 5, 15, 40),
        (visits, deskServices, headStartMinutes) => {
          db.prepare('DELETE FROM visits').run();
          const headStartMs = headStartMinutes * 60_000;
          const day = '2026-11-24';
          for (const v of visits) {
            seq += 1;
            insert.run({ day: v.yesterday ? '2026-11-23' : day, seq, service: v.service, status: v.status, priority: v.priority, at: Date.UTC(2026, 10, 24, 10, v.minute) });
          }
          const expectedNext = db.prepare(referenceNext).get({ day, services: JSON.stringify(deskServices), headStartMs }) as { id: number } | undefined;
          expect(nextWaiting(db, day, deskServices, headStartMs)?.id).toBe(expectedNext?.id);
          const waiting = db.prepare("SELECT id, service_id FROM visits WHERE status = 'waiting' AND day = ?").all(day) as Array<{ id: number; service_id: number }>;
          for (const w of waiting) {
            const expectedPlace = (db.prepare(referencePlace).get({ day, serviceId: w.service_id, visitId: w.id, headStartMs }) as { place: number }).place;
            expect(placeInLine(db, getVisitRow(db, w.id), headStartMs)).toBe(expectedPlace);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('are all the two queries read: index ranges, never the visits table or the day index', () => {
    const plan = (sql: string, params: Record<string, unknown>) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail);
    const place = plan(placeInLineSql, { day: 'd', serviceId: 1, id: 1, at: 0, priorityAt: 0 });
    expect(place.filter((d) => d.startsWith('SEARCH') || d.startsWith('SCAN visits'))).toEqual([
      expect.stringMatching(/^SEARCH visits USING COVERING INDEX visits_waiting_in_turn \(service_id=\? AND day=\? AND priority=\? AND queued_at<\?\)$/),
      expect.stringMatching(/^SEARCH visits USING COVERING INDEX visits_waiting_priority \(service_id=\? AND day=\? AND queued_at<\?\)$/),
    ]);
    const next = plan(nextWaitingSql(3), { day: 'd', headStartMs: 0, s0: 1, s1: 2, s2: 3 });
    const reads = next.filter((d) => d.startsWith('SEARCH') || d.startsWith('SCAN visits'));
    // Each service's two line heads from its indexes, then the one ticket chosen, by its id.
    expect(reads).toHaveLength(7);
    expect(reads.filter((d) => /^SEARCH visits USING COVERING INDEX visits_waiting_(in_turn|priority) \(service_id=\? AND day=\?/.test(d))).toHaveLength(6);
    expect(reads).toContain('SEARCH visits USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('hold only waiting tickets, one index for those in turn and one for priority tickets', () => {
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'visits_waiting_%' ORDER BY name").all();
    expect(indexes).toEqual([
      { name: 'visits_waiting_in_turn', sql: expect.stringMatching(/WHERE status = 'waiting' AND priority IS NULL$/) },
      { name: 'visits_waiting_priority', sql: expect.stringMatching(/WHERE status = 'waiting' AND priority IS NOT NULL$/) },
    ]);
  });
});
