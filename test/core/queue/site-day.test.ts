import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { DayHours, OpeningHours } from '../../../shared/domain/site.js';
import { atLocalTime, localDay, localWeekday, startOfLocalDay } from '../../../electron/core/local-time.js';
import { siteDay, type SiteDay } from '../../../electron/core/queue/site-day.js';
import { defaultOpeningHours } from '../../../electron/core/settings.js';
import { openTestSite, type TestSite } from '../../fixtures/temp-site.js';
import { issue, london, managerToken, openAllHours, refusal } from '../../fixtures/queue-fixtures.js';

/*
 * siteDay keeps the last day it worked out (site-day.ts). It must answer exactly as working it
 * out afresh would, after any change of day, time zone or opening hours.
 */

/** The site's day worked out afresh, as siteDay did before it kept one. */
function afresh(now: number, timeZone: string, openingHours: OpeningHours): SiteDay {
  const day = localDay(now, timeZone);
  const hours = openingHours[localWeekday(now, timeZone)];
  return {
    day,
    startsAt: startOfLocalDay(day, timeZone),
    hours,
    lastTicketAt: hours === null ? null : atLocalTime(day, hours.lastTicket, timeZone),
    closesAt: hours === null ? null : atLocalTime(day, hours.close, timeZone),
  };
}

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('the site’s day', () => {
  it('follows a change of opening hours, time zone and day, and the clock going back', () => {
    const at = london(2026, 3, 31, 10); // Tuesday, BST
    const early: OpeningHours = { ...defaultOpeningHours, tuesday: { open: '09:00', lastTicket: '12:00', close: '12:30' } };
    const cases: Array<[number, string, OpeningHours]> = [
      [at, 'Europe/London', defaultOpeningHours],
      [at + 60_000, 'Europe/London', early],
      [at + 120_000, 'Europe/London', { ...defaultOpeningHours, tuesday: null }],
      [at + 180_000, 'America/New_York', defaultOpeningHours],
      [at + 24 * 3_600_000, 'Europe/London', defaultOpeningHours],
      [at - 24 * 3_600_000, 'Europe/London', defaultOpeningHours],
      [london(2026, 3, 29, 12), 'Europe/London', defaultOpeningHours], // the spring clock change, a Sunday
    ];
    for (const [now, zone, hours] of cases) expect(siteDay(now, zone, hours)).toEqual(afresh(now, zone, hours));
  });

  it('sees the same hours object changed in place between two calls', () => {
    const hours: OpeningHours = { ...defaultOpeningHours, tuesday: { open: '09:00', lastTicket: '16:30', close: '17:00' } };
    const at = london(2026, 11, 24, 10);
    expect(siteDay(at, 'Europe/London', hours).lastTicketAt).toBe(london(2026, 11, 24, 16, 30));
    hours.tuesday = { open: '09:00', lastTicket: '15:00', close: '17:00' };
    expect(siteDay(at, 'Europe/London', hours).lastTicketAt).toBe(london(2026, 11, 24, 15));
  });

  it('is what working it out afresh gives, for any instants, zones and hours in any order', () => {
    const clock = fc.constantFrom('08:00', '12:00', '16:30', '17:00', '23:59');
    const dayHours: fc.Arbitrary<DayHours | null> = fc.option(fc.record({ open: fc.constant('07:00'), lastTicket: clock, close: clock }), { nil: null });
    const step = fc.tuple(
      fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }),
      fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Lord_Howe'),
      dayHours,
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }), fc.array(step, { minLength: 1, maxLength: 30 }), (start, steps) => {
        let now = start;
        for (const [move, zone, hours] of steps) {
          now += move;
          const openingHours: OpeningHours = { ...defaultOpeningHours, [localWeekday(now, zone)]: hours };
          expect(siteDay(now, zone, openingHours)).toEqual(afresh(now, zone, openingHours));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stops tickets at a last-ticket time a manager brought forward a minute ago', async () => {
    t = await openTestSite({ now: london(2026, 11, 24, 14) });
    await openAllHours(t);
    await issue(t, managerToken(t), 'C');
    const hours = (await t.site.call('getSettings', {}, managerToken(t))).openingHours;
    await t.site.call('updateSettings', { openingHours: { ...hours, tuesday: { open: '09:00', lastTicket: '14:00', close: '17:00' } } }, managerToken(t));
    t.clock.set(london(2026, 11, 24, 14, 1));
    expect(await refusal(issue(t, managerToken(t), 'C'))).toMatchObject({ code: 'conflict' });
  });

  it('numbers the first ticket after midnight 001 of the new day', async () => {
    t = await openTestSite({ now: london(2026, 11, 24, 23, 50) });
    await openAllHours(t);
    expect((await issue(t, managerToken(t), 'C')).ticket.number).toBe('C001');
    expect((await issue(t, managerToken(t), 'C')).ticket.number).toBe('C002');
    t.clock.set(london(2026, 11, 25, 0, 1));
    expect((await issue(t, managerToken(t), 'C')).ticket.number).toBe('C001');
  });
});
