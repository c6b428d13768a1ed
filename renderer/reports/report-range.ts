import { TZDate } from '@date-fns/tz';
import { addDays, endOfMonth, format, startOfMonth, subMonths } from 'date-fns';

/** Local dates, `yyyy-MM-dd`, both included: what `getReport` takes. */
export interface DateRange {
  from: string;
  to: string;
}

export const quickRanges = ['today', 'last7', 'last30', 'thisMonth', 'lastMonth'] as const;
export type QuickRange = (typeof quickRanges)[number];

const isoDay = 'yyyy-MM-dd';

/**
 * A local date as midnight UTC, so that stepping a day never meets a clock change: the
 * calendar arithmetic happens on dates, not on instants.
 */
export function dayAsUtc(day: string): TZDate {
  const [year, month, date] = day.split('-').map(Number);
  return new TZDate(year ?? 1970, (month ?? 1) - 1, date ?? 1, 'UTC');
}

export function shiftDay(day: string, days: number): string {
  return format(addDays(dayAsUtc(day), days), isoDay);
}

/** Today in the site's time zone (the manager's PC may be set to another). */
export function siteToday(nowMs: number, timeZone: string): string {
  return format(new TZDate(nowMs, timeZone), isoDay);
}

/** A quick choice's dates, as the site's calendar has them at `nowMs`. */
export function quickRange(choice: QuickRange, nowMs: number, timeZone: string): DateRange {
  const today = siteToday(nowMs, timeZone);
  const utcToday = dayAsUtc(today);
  switch (choice) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: shiftDay(today, -6), to: today };
    case 'last30':
      return { from: shiftDay(today, -29), to: today };
    case 'thisMonth':
      return { from: format(startOfMonth(utcToday), isoDay), to: today };
    case 'lastMonth': {
      const last = subMonths(startOfMonth(utcToday), 1);
      return { from: format(last, isoDay), to: format(endOfMonth(last), isoDay) };
    }
  }
}

/** Every date from..to, in order (a chart by day shows the quiet days too). */
export function daysOf(range: DateRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to && days.length < 3700; day = shiftDay(day, 1)) days.push(day);
  return days;
}

/** A local date in words, read in UTC so no zone can move the day. */
export function formatDay(day: string, pattern: string): string {
  return format(dayAsUtc(day), pattern);
}
