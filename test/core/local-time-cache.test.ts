import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay, localHour, localWeekday } from '../../electron/core/local-time.js';

/*
 * localDay, localHour and localWeekday answer from the last day's span on a day without a clock
 * change (local-time.ts). They must answer exactly as date-fns does for every instant, whatever
 * the order the instants come in and whichever zone asked last.
 */

const hour = 60 * 60_000;

function expected(ms: number, timeZone: string) {
  const local = new TZDate(ms, timeZone);
  return { day: format(local, 'yyyy-MM-dd'), hour: local.getHours(), weekday: format(local, 'EEEE').toLowerCase() };
}

function actual(ms: number, timeZone: string) {
  return { day: localDay(ms, timeZone), hour: localHour(ms, timeZone), weekday: localWeekday(ms, timeZone) };
}

// London and New York, Lord Howe (a 30-minute change), Kathmandu (+5:45), Santiago and Havana
// (changes at midnight, so some days have no 00:00), Casablanca (Ramadan), Apia (gave up a day).
const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'America/Havana', 'Africa/Casablanca', 'Pacific/Apia'];

describe('the local day, hour and weekday of an instant', () => {
  it('are what date-fns says for every minute around both London clock changes and midnight, walked forwards and back', () => {
    const around = [Date.UTC(2026, 2, 28, 20), Date.UTC(2026, 9, 24, 20), Date.UTC(2026, 11, 31, 20)];
    for (const start of around) {
      const minutes = Array.from({ length: 12 * 60 }, (_, i) => start + i * 60_000);
      for (const ms of [...minutes, ...minutes.reverse()]) expect(actual(ms, 'Europe/London'), new Date(ms).toISOString()).toEqual(expected(ms, 'Europe/London'));
    }
  });

  it('are what date-fns says for any instants in any zones, in any order', () => {
    const instant = fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2032, 0, 1) });
    // A run of instants close together, as a day's calls are, with a jump now and then.
    const walk = fc.tuple(instant, fc.array(fc.tuple(fc.integer({ min: -3 * hour, max: 6 * hour }), fc.constantFrom(...zones)), { minLength: 1, maxLength: 60 }));
    fc.assert(
      fc.property(walk, ([start, steps]) => {
        let ms = start;
        for (const [step, zone] of steps) {
          ms += step;
          expect(actual(ms, zone)).toEqual(expected(ms, zone));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('are what date-fns says on each side of every clock change of these zones from 2018 to 2031', () => {
    for (const zone of zones) {
      let offset = new TZDate(Date.UTC(2018, 0, 1), zone).getTimezoneOffset();
      for (let ms = Date.UTC(2018, 0, 1); ms < Date.UTC(2032, 0, 1); ms += 6 * hour) {
        const now = new TZDate(ms, zone).getTimezoneOffset();
        if (now === offset) continue;
        offset = now;
        for (let at = ms - 32 * hour; at <= ms + 32 * hour; at += 20 * 60_000) expect(actual(at, zone), `${zone} ${new Date(at).toISOString()}`).toEqual(expected(at, zone));
      }
    }
  });
});
