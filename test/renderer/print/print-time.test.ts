import { describe, expect, it } from 'vitest';
import { printedLongDate, printedStamp } from '../../../renderer/print/print-time.js';

const london = 'Europe/London';

describe('times printed in the site’s time zone', () => {
  it('prints the site’s wall clock, whatever zone the counter PC is in', () => {
    expect(printedStamp(Date.UTC(2026, 10, 24, 10, 42), london)).toEqual({ time: '10:42', day: 'Tue 24 Nov 2026' });
    expect(printedStamp(Date.UTC(2026, 10, 24, 10, 42), 'America/New_York')).toEqual({ time: '05:42', day: 'Tue 24 Nov 2026' });
  });

  it('moves the clock on at the spring change: 00:59 GMT is followed by 02:00 BST', () => {
    expect(printedStamp(Date.UTC(2026, 2, 29, 0, 59), london)).toEqual({ time: '00:59', day: 'Sun 29 Mar 2026' });
    expect(printedStamp(Date.UTC(2026, 2, 29, 1, 0), london)).toEqual({ time: '02:00', day: 'Sun 29 Mar 2026' });
    expect(printedStamp(Date.UTC(2026, 2, 30, 9, 0), london).time).toBe('10:00');
  });

  it('prints 01:30 twice at the autumn change, an hour apart', () => {
    expect(printedStamp(Date.UTC(2026, 9, 25, 0, 30), london)).toEqual({ time: '01:30', day: 'Sun 25 Oct 2026' });
    expect(printedStamp(Date.UTC(2026, 9, 25, 1, 30), london)).toEqual({ time: '01:30', day: 'Sun 25 Oct 2026' });
    expect(printedStamp(Date.UTC(2026, 9, 26, 10, 0), london).time).toBe('10:00');
  });

  it('puts a late evening in summer on the site’s day, not UTC’s', () => {
    expect(printedStamp(Date.UTC(2026, 5, 30, 23, 30), london)).toEqual({ time: '00:30', day: 'Wed 1 Jul 2026' });
  });

  it('writes a receipt’s delete-after date out in full, the same day in any zone', () => {
    expect(printedLongDate('2026-12-22')).toBe('22 December 2026');
    expect(printedLongDate('2026-03-29')).toBe('29 March 2026');
    expect(printedLongDate('2027-01-01')).toBe('1 January 2027');
  });
});
