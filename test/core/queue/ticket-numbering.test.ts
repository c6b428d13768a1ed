import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import {
  day,
  issue,
  lateManager,
  london,
  managerToken,
  minute,
  openAllHours,
  oracleLocalDay,
  ukClockChanges,
} from '../../fixtures/queue-fixtures.js';

const zone = 'Europe/London';
const letters = ['C', 'B', 'H', 'W'] as const;

describe('ticket numbers', () => {
  let t: TestSite;
  // Each property run starts a year after the last, so its days are new and the site is reused.
  let year = 2026;

  beforeAll(async () => {
    t = await openTestSite({ now: london(2026, 1, 5, 9) });
    await openAllHours(t);
  });
  afterAll(() => t.close());

  it('never repeat within a local day and restart at 001 the next, across the Europe/London clock changes', async () => {
    const step = fc.record({
      // Mostly minutes apart, sometimes hours, now and then a day or two: midnights and clock changes get crossed.
      advance: fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 0, max: 90 }) },
        { weight: 3, arbitrary: fc.integer({ min: 60, max: 12 * 60 }) },
        { weight: 1, arbitrary: fc.integer({ min: 20 * 60, max: 50 * 60 }) },
      ),
      letter: fc.constantFrom(...letters),
      tick: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('spring' as const, 'autumn' as const),
        fc.integer({ min: -3 * 24 * 60, max: 24 * 60 }),
        fc.array(step, { minLength: 1, maxLength: 40 }),
        async (season, startMinutes, steps) => {
          year += 1;
          t.clock.set(ukClockChanges(year)[season] + startMinutes * minute);
          const counts = new Map<string, number>();
          const seen = new Set<string>();
          for (const s of steps) {
            t.clock.advance(s.advance * minute);
            if (s.tick) t.site.tick();
            const localDay = oracleLocalDay(t.clock.now(), zone);
            const key = `${localDay}/${s.letter}`;
            const n = (counts.get(key) ?? 0) + 1;
            counts.set(key, n);
            const issued = await issue(t, managerToken(t), s.letter, { afterHours: lateManager(t) });
            expect(issued.ticket.number).toBe(`${s.letter}${String(n).padStart(3, '0')}`);
            expect(seen.has(`${localDay}/${issued.ticket.number}`)).toBe(false);
            seen.add(`${localDay}/${issued.ticket.number}`);
          }
          const repeats = t.site.database
            .prepare('SELECT day, number, count(*) AS n FROM visits GROUP BY day, number HAVING n > 1')
            .all();
          expect(repeats).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('starts at 001 on the first ticket of each service every day, and each service counts on its own', async () => {
    year += 1;
    t.clock.set(london(year, 6, 10, 9));
    const token = managerToken(t);
    expect((await issue(t, token, 'C')).ticket.number).toBe('C001');
    expect((await issue(t, token, 'B')).ticket.number).toBe('B001');
    expect((await issue(t, token, 'C')).ticket.number).toBe('C002');
    // 23:57 BST is still the same local day although it is 22:57 UTC...
    t.clock.set(london(year, 6, 10, 23, 57));
    expect((await issue(t, managerToken(t), 'C')).ticket.number).toBe('C003');
    // ...and 00:01 BST is the next day although it is still the previous day in UTC.
    t.clock.set(london(year, 6, 11, 0, 1));
    expect((await issue(t, managerToken(t), 'C')).ticket.number).toBe('C001');
  });

  it('goes on past 999 to G1000', async () => {
    year += 1;
    t.clock.set(london(year, 6, 10, 9));
    managerToken(t);
    const rec = await staffSession(t, `Rita ${year}`, 'receptionist');
    expect((await issue(t, rec.token, 'G')).ticket.number).toBe('G001');
    // 997 more of the day's tickets, served already, written straight to the store to keep the test quick.
    const first = t.site.database.prepare("SELECT * FROM visits WHERE number = 'G001' AND day = ?").get(oracleLocalDay(t.clock.now(), zone)) as Record<string, unknown>;
    const copy = t.site.database.prepare(
      `INSERT INTO visits (day, hour, letter, seq, number, service_id, first_service_id, status, visitor_name, address_lines, postcode,
         no_fixed_abode, reason, interpreter, hearing, mobility, call_by_number_only, issued_at, queued_at, outcome)
       VALUES (@day, @hour, @letter, @seq, @number, @service_id, @first_service_id, 'cancelled', @visitor_name, @address_lines, @postcode,
         @no_fixed_abode, @reason, 0, 0, 0, 0, @issued_at, @queued_at, 'cancelled')`,
    );
    t.site.database.transaction(() => {
      for (let seq = 2; seq <= 998; seq += 1) copy.run({ ...first, seq, number: `G${String(seq).padStart(3, '0')}` });
    })();
    expect((await issue(t, rec.token, 'G')).ticket.number).toBe('G999');
    expect((await issue(t, rec.token, 'G')).ticket.number).toBe('G1000');
    expect((await issue(t, rec.token, 'G')).ticket.number).toBe('G1001');
    t.clock.advance(day);
    expect((await issue(t, managerToken(t), 'G')).ticket.number).toBe('G001');
  });
});
