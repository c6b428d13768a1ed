import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { text } from '../i18n/text.js';

/** An instant as printed on a ticket or receipt: the clock time and the day, in the site's zone. */
export interface PrintedStamp {
  time: string;
  day: string;
}

/**
 * Printed times are the site's wall clock, not the counter PC's: a TZDate in the site's zone, so
 * that a PC set to another zone, or the hour a clock change skips or repeats, prints what the
 * waiting-area clock showed. https://github.com/date-fns/tz#tzdate
 */
export function printedStamp(utcMs: number, timeZone: string): PrintedStamp {
  const local = new TZDate(utcMs, timeZone);
  return { time: format(local, text.print.formats.time), day: format(local, text.print.formats.day) };
}

/**
 * A receipt's `deleteAfter` (`yyyy-MM-dd`, already a date in the site's zone) written out in full.
 * Read as a date in UTC and written in UTC, so no zone, the PC's or the site's, can move the day.
 */
export function printedLongDate(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return localDate;
  return format(new TZDate(year, month - 1, day, 'UTC'), text.print.formats.longDate);
}
