import { describe, expect, it } from 'vitest';
import { daysOf, quickRange, siteToday } from '../../../renderer/reports/report-range.js';

const london = 'Europe/London';

describe('report date ranges in the site’s calendar', () => {
  it('takes today from the site’s zone, not the PC’s: 23:30 GMT on 31 Dec is already 1 Jan in Auckland', () => {
    const at = Date.UTC(2026, 11, 31, 23, 30);
    expect(siteToday(at, london)).toBe('2026-12-31');
    expect(siteToday(at, 'Pacific/Auckland')).toBe('2027-01-01');
  });

  it('gives each quick choice whole local days, both ends included', () => {
    const at = Date.UTC(2026, 2, 10, 12, 0);
    expect(quickRange('today', at, london)).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(quickRange('last7', at, london)).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(quickRange('last30', at, london)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(quickRange('thisMonth', at, london)).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(quickRange('lastMonth', at, london)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('counts days across the spring clock change without skipping or doubling one', () => {
    const at = Date.UTC(2026, 2, 30, 0, 30); // 01:30 BST on Monday 30 March
    expect(quickRange('last7', at, london)).toEqual({ from: '2026-03-24', to: '2026-03-30' });
    expect(daysOf({ from: '2026-03-28', to: '2026-03-30' })).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('takes last month across a year end, and a leap February whole', () => {
    expect(quickRange('lastMonth', Date.UTC(2027, 0, 15, 12), london)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(quickRange('lastMonth', Date.UTC(2028, 2, 1, 12), london)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
