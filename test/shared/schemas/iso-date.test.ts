import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/schemas/fields.js';

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isoDate', () => {
  it('refuses days that are not on the calendar, once each', () => {
    for (const value of ['2026-02-31', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32']) {
      const parsed = isoDate.safeParse(value);
      expect(parsed.success, value).toBe(false);
      expect(parsed.error?.issues, value).toHaveLength(1);
    }
  });

  it('accepts leap days in leap years only, and the old years of yyyy', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2000-02-29').success).toBe(true);
    expect(isoDate.safeParse('1900-02-29').success).toBe(false);
    expect(isoDate.safeParse('0099-12-31').success).toBe(true);
  });

  it('accepts exactly the days of the Gregorian calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (year, month, day) => {
        const onCalendar = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
        expect(isoDate.safeParse(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`).success).toBe(onCalendar);
      }),
      { numRuns: 2000 },
    );
  });

  it('still refuses anything not shaped yyyy-MM-dd, with one message', () => {
    for (const value of ['2026-1-01', '26-01-01', '2026/01/01', '2026-01-01T00:00', '']) {
      const parsed = isoDate.safeParse(value);
      expect(parsed.success, value).toBe(false);
      expect(parsed.error?.issues, value).toHaveLength(1);
    }
  });
});
