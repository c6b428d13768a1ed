import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from '../fixtures/temp-site.js';
import {
  day,
  issue,
  lateManager,
  london,
  managerToken,
  minute,
  openAllHours,
  oracleCutoff,
  oracleLocalDay,
  reopen,
  ukClockChanges,
  wallClockToUtc,
} from '../fixtures/queue-fixtures.js';

const zone = 'Europe/London';

/** Visits still in the store, by id. */
function storedIds(t: TestSite): Set<number> {
  return new Set((t.site.database.prepare('SELECT id FROM visits').all() as Array<{ id: number }>).map((r) => r.id));
}

function lastPurge(t: TestSite): { cutoff: number; trigger: string } {
  return t.site.database.prepare('SELECT cutoff, trigger FROM purge_log ORDER BY id DESC LIMIT 1').get() as { cutoff: number; trigger: string };
}

/** Midnight London time 28 days after the year's clock change, plus up to three hours: a cut-off in the changed hour. */
function nearChangedHour(changeAt: number, minutes: number): number {
  const [y, m, d] = oracleLocalDay(changeAt + 28 * day, zone).split('-').map(Number) as [number, number, number];
  return wallClockToUtc(zone, y, m, d) + minutes * minute;
}

describe('retention properties', () => {
  let t: TestSite;
  // Each run lives in a later year than the last, so time only goes forward on the reused site.
  let year = 2026;

  beforeAll(async () => {
    t = await openTestSite({ now: london(2026, 1, 5, 9) });
    await openAllHours(t);
  });
  afterAll(() => t.close());

  const season = fc.constantFrom('spring' as const, 'autumn' as const, 'summer' as const);
  const anchorOf = (s: 'spring' | 'autumn' | 'summer', y: number) => (s === 'summer' ? london(y, 7, 1, 12) : ukClockChanges(y)[s]);

  it('keeps exactly the visits issued since the same wall-clock time 28 days ago, for random clocks around both clock changes', async () => {
    const visitAt = fc.oneof(
      fc.integer({ min: -180, max: 180 }).map((m) => ({ fromCutoff: m * minute })),
      fc.integer({ min: -2, max: 2 }).map((ms) => ({ fromCutoff: ms })),
      fc.integer({ min: 0, max: 60 * 24 * 60 }).map((m) => ({ ago: m * minute })),
    );
    const clock = fc.oneof(
      fc.record({ within: fc.integer({ min: -40 * 24 * 60, max: 40 * 24 * 60 }), ms: fc.integer({ min: 0, max: 59_999 }) }),
      fc.record({ changedHour: fc.integer({ min: 0, max: 180 }) }),
    );
    await fc.assert(
      fc.asyncProperty(season, clock, fc.array(visitAt, { minLength: 1, maxLength: 12 }), fc.constantFrom('tick', 'startup', 'manual'), async (s, c, visits, trigger) => {
        year += 1;
        const anchor = anchorOf(s, year);
        const now = 'within' in c ? anchor + c.within * minute + c.ms : nearChangedHour(anchor, c.changedHour);
        const cutoff = oracleCutoff(now, zone, 28);
        const times = visits
          .map((v) => ('fromCutoff' in v ? cutoff + v.fromCutoff : now - v.ago))
          .filter((at) => at <= now)
          .sort((a, b) => a - b);
        const issued: Array<{ id: number; at: number }> = [];
        for (const at of times) {
          t.clock.set(at);
          issued.push({ id: (await issue(t, managerToken(t), 'C', { afterHours: lateManager(t) })).ticket.visitId, at });
        }
        t.clock.set(now);
        if (trigger === 'tick') t.site.tick();
        else if (trigger === 'startup') t.site.purge('startup');
        else await t.site.call('runPurge', {}, managerToken(t));
        expect(lastPurge(t)).toEqual({ cutoff, trigger: trigger === 'tick' ? 'hourly' : trigger });
        const kept = storedIds(t);
        for (const v of issued) expect(kept.has(v.id), `issued ${new Date(v.at).toISOString()}, now ${new Date(now).toISOString()}`).toBe(v.at >= cutoff);
        expect(t.site.database.prepare('SELECT count(*) AS n FROM visits WHERE issued_at < ?').get(cutoff)).toEqual({ n: 0 });
      }),
      { numRuns: 40 },
    );
  });

  it('purges at startup exactly what expired while the store was closed, up to 60 days and across the clock changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        season,
        fc.integer({ min: -30 * 24 * 60, max: 30 * 24 * 60 }),
        fc.array(fc.integer({ min: 0, max: 40 * 24 * 60 }), { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.constant(60 * 24 * 60), fc.integer({ min: 0, max: 60 * 24 * 60 })),
        async (s, closeOffset, agos, downtimeMinutes) => {
          year += 2; // the store may stay closed into the next year
          const closedAt = anchorOf(s, year) + closeOffset * minute;
          const issued: Array<{ id: number; at: number }> = [];
          for (const at of agos.map((m) => closedAt - m * minute).sort((a, b) => a - b)) {
            t.clock.set(at);
            issued.push({ id: (await issue(t, managerToken(t), 'H', { afterHours: lateManager(t) })).ticket.visitId, at });
          }
          t.clock.set(closedAt);
          t.site.tick();
          const reopenedAt = closedAt + downtimeMinutes * minute;
          t.clock.set(reopenedAt);
          await reopen(t);
          const cutoff = oracleCutoff(reopenedAt, zone, 28);
          expect(lastPurge(t)).toEqual({ cutoff, trigger: 'startup' });
          const kept = storedIds(t);
          for (const v of issued) expect(kept.has(v.id)).toBe(v.at >= cutoff);
        },
      ),
      { numRuns: 15 },
    );
  });
});
