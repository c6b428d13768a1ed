import { describe, expect, it } from 'vitest';
import {
  atLocalTime,
  localClock,
  localDay,
  localHour,
  localWeekday,
  nextLocalDay,
  retentionCutoff,
  retentionExpiry,
  startOfLocalDay,
} from '../../electron/core/local-time.js';

const london = 'Europe/London';
const newYork = 'America/New_York';
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('local wall-clock time in the site’s zone', () => {
  it('reads the day, hour, clock and weekday of an instant as the front desk sees them', () => {
    // 23:30 UTC on Monday 30 March 2026 is 00:30 BST on Tuesday the 31st in London, 19:30 EDT on the 30th in New York.
    const at = Date.UTC(2026, 2, 30, 23, 30);
    expect(localDay(at, london)).toBe('2026-03-31');
    expect(localHour(at, london)).toBe(0);
    expect(localClock(at, london)).toBe('00:30');
    expect(localWeekday(at, london)).toBe('tuesday');
    expect(localDay(at, newYork)).toBe('2026-03-30');
    expect(localHour(at, newYork)).toBe(19);
    expect(localClock(at, newYork)).toBe('19:30');
    expect(localWeekday(at, newYork)).toBe('monday');
  });

  it('writes days with zero-padded months and days, and clocks on the 24-hour dial', () => {
    const at = Date.UTC(2026, 0, 5, 14, 7);
    expect(localDay(at, london)).toBe('2026-01-05');
    expect(localClock(at, london)).toBe('14:07');
    expect(localHour(at, london)).toBe(14);
    expect(localWeekday(at, london)).toBe('monday');
  });

  it('turns a local day and clock into the instant, in winter and in summer', () => {
    expect(atLocalTime('2026-01-05', '09:15', london)).toBe(Date.UTC(2026, 0, 5, 9, 15));
    expect(atLocalTime('2026-07-05', '09:15', london)).toBe(Date.UTC(2026, 6, 5, 8, 15));
    expect(atLocalTime('2026-12-31', '23:59', newYork)).toBe(Date.UTC(2027, 0, 1, 4, 59));
    expect(startOfLocalDay('2026-07-05', london)).toBe(Date.UTC(2026, 6, 4, 23, 0));
    expect(startOfLocalDay('2026-02-01', newYork)).toBe(Date.UTC(2026, 1, 1, 5, 0));
  });

  it('steps to the next calendar day across month ends, year ends and both clock changes', () => {
    expect(nextLocalDay('2026-01-31', london)).toBe('2026-02-01');
    expect(nextLocalDay('2026-12-31', london)).toBe('2027-01-01');
    // The spring day is 23 hours long and the autumn one 25: still one day each.
    expect(nextLocalDay('2026-03-29', london)).toBe('2026-03-30');
    expect(nextLocalDay('2026-10-25', london)).toBe('2026-10-26');
    expect(nextLocalDay('2026-03-08', newYork)).toBe('2026-03-09');
  });

  it('puts the retention cut-off at the same wall-clock time the given number of calendar days before', () => {
    const now = Date.UTC(2026, 10, 24, 12, 0);
    expect(retentionCutoff(now, london, 28)).toBe(now - 28 * day);
    expect(retentionCutoff(now, london, 1)).toBe(now - day);
    expect(retentionCutoff(now, london, 0)).toBe(now);
    // 10:00 BST on 29 March is 23 hours short of 28 × 24 hours after 10:00 GMT on 1 March.
    expect(retentionCutoff(Date.UTC(2026, 2, 29, 9, 0), london, 28)).toBe(Date.UTC(2026, 2, 1, 10, 0));
  });

  it('puts a visit’s expiry the same number of calendar days after it was issued, the rule seen from the other side', () => {
    expect(retentionExpiry(Date.UTC(2026, 2, 1, 10, 0), london, 28)).toBe(Date.UTC(2026, 2, 29, 9, 0));
    expect(retentionExpiry(Date.UTC(2026, 9, 1, 9, 0), london, 28)).toBe(Date.UTC(2026, 9, 29, 10, 0));
    const issued = Date.UTC(2026, 5, 10, 15, 45);
    expect(retentionCutoff(retentionExpiry(issued, london, 28), london, 28)).toBe(issued);
  });
});
