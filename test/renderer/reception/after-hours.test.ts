import { describe, expect, it } from 'vitest';
import { issuingWindow } from '../../../renderer/reception/after-hours.js';
import type { DayHours, OpeningHours } from '../../../shared/domain/site.js';

const london = 'Europe/London';
const auckland = 'Pacific/Auckland';
const day: DayHours = { open: '09:00', lastTicket: '16:30', close: '17:00' };
/** Open Monday to Friday; Saturday mornings with an earlier last ticket; closed on Sunday. */
const hours: OpeningHours = {
  monday: day,
  tuesday: day,
  wednesday: day,
  thursday: day,
  friday: day,
  saturday: { open: '09:00', lastTicket: '12:30', close: '13:00' },
  sunday: null,
};
const everyDay: OpeningHours = { ...hours, saturday: day, sunday: day };
const utc = (month: number, date: number, hour: number, minute = 0, second = 0) => Date.UTC(2026, month - 1, date, hour, minute, second);

describe('issuingWindow on an open day', () => {
  // Monday 23 November 2026: GMT, so the site's wall clock is UTC.
  it('is not late before the last-ticket time', () => {
    expect(issuingWindow(utc(11, 23, 9), london, hours)).toEqual({ late: false });
    expect(issuingWindow(utc(11, 23, 16, 29, 59), london, hours)).toEqual({ late: false });
  });

  it('is late exactly at the last-ticket time', () => {
    expect(issuingWindow(utc(11, 23, 16, 30), london, hours)).toEqual({ late: true, lastTicket: '16:30' });
  });

  it('is late after it, until the end of the day', () => {
    expect(issuingWindow(utc(11, 23, 17, 45), london, hours)).toEqual({ late: true, lastTicket: '16:30' });
    expect(issuingWindow(utc(11, 23, 23, 59), london, hours)).toEqual({ late: true, lastTicket: '16:30' });
  });

  it('reads the day’s own last-ticket time', () => {
    // Saturday 28 November 2026.
    expect(issuingWindow(utc(11, 28, 12, 29), london, hours)).toEqual({ late: false });
    expect(issuingWindow(utc(11, 28, 12, 30), london, hours)).toEqual({ late: true, lastTicket: '12:30' });
  });
});

describe('issuingWindow on a closed day', () => {
  it('is late all day, with no last-ticket time', () => {
    // Sunday 29 November 2026.
    expect(issuingWindow(utc(11, 29, 0, 1), london, hours)).toEqual({ late: true, lastTicket: null });
    expect(issuingWindow(utc(11, 29, 10), london, hours)).toEqual({ late: true, lastTicket: null });
  });
});

describe('issuingWindow in the site’s time zone, not the machine’s', () => {
  // 11:00 UTC on Saturday 28 November 2026 is 11:00 Saturday in London and 00:00 Sunday in
  // Auckland (NZDT, +13). Whatever zone runs the tests, its weekday differs from one of the two.
  const instant = utc(11, 28, 11);

  it('takes the weekday from the site’s zone', () => {
    expect(issuingWindow(instant, london, hours)).toEqual({ late: false });
    expect(issuingWindow(instant, auckland, hours)).toEqual({ late: true, lastTicket: null });
  });

  it('takes the time of day from the site’s zone', () => {
    // 04:00 UTC on Monday 23 November is 04:00 in London and 17:00 Monday in Auckland.
    expect(issuingWindow(utc(11, 23, 4), london, hours)).toEqual({ late: false });
    expect(issuingWindow(utc(11, 23, 4), auckland, hours)).toEqual({ late: true, lastTicket: '16:30' });
  });

  it('moves to the next day at the site’s midnight', () => {
    // 23:30 UTC on Saturday 27 June 2026 is 00:30 on Sunday in London (BST).
    expect(issuingWindow(utc(6, 27, 23, 30), london, hours)).toEqual({ late: true, lastTicket: null });
    expect(issuingWindow(utc(6, 27, 23, 30), london, { ...hours, sunday: day })).toEqual({ late: false });
  });
});

describe('issuingWindow across the British clock change', () => {
  it('stops at 16:30 BST, 15:30 UTC, on the Friday before the October change', () => {
    expect(issuingWindow(utc(10, 23, 15, 29), london, hours)).toEqual({ late: false });
    expect(issuingWindow(utc(10, 23, 15, 30), london, hours)).toEqual({ late: true, lastTicket: '16:30' });
  });

  it('stops at 16:30 GMT, 16:30 UTC, on the day of the October change and the Monday after', () => {
    expect(issuingWindow(utc(10, 25, 16, 29), london, everyDay)).toEqual({ late: false });
    expect(issuingWindow(utc(10, 25, 16, 30), london, everyDay)).toEqual({ late: true, lastTicket: '16:30' });
    expect(issuingWindow(utc(10, 26, 15, 30), london, hours)).toEqual({ late: false });
    expect(issuingWindow(utc(10, 26, 16, 30), london, hours)).toEqual({ late: true, lastTicket: '16:30' });
  });

  it('stops at 16:30 GMT on the Friday before the March change and at 15:30 UTC after it', () => {
    expect(issuingWindow(utc(3, 27, 16, 29), london, hours)).toEqual({ late: false });
    expect(issuingWindow(utc(3, 27, 16, 30), london, hours)).toEqual({ late: true, lastTicket: '16:30' });
    expect(issuingWindow(utc(3, 29, 15, 29), london, everyDay)).toEqual({ late: false });
    expect(issuingWindow(utc(3, 29, 15, 30), london, everyDay)).toEqual({ late: true, lastTicket: '16:30' });
    expect(issuingWindow(utc(3, 30, 15, 30), london, hours)).toEqual({ late: true, lastTicket: '16:30' });
  });
});
