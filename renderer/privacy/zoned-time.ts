import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { text } from '../i18n/text.js';

type Pattern = keyof typeof text.privacy.formats;

/**
 * An instant in the site's zone (`settings.timeZone`), not the manager's PC's: what the visitor
 * and the waiting-area clock saw. https://github.com/date-fns/tz#tzdate
 */
export function zoned(utcMs: number, timeZone: string, pattern: Pattern = 'dateTime'): string {
  return format(new TZDate(utcMs, timeZone), text.privacy.formats[pattern]);
}

/** A local date (`yyyy-MM-dd`, already the site's) written out, read and written in UTC so no zone moves the day. */
export function longLocalDate(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return localDate;
  return format(new TZDate(year, month - 1, day, 'UTC'), text.privacy.formats.date);
}

/** The site's date of an instant, `yyyy-MM-dd`: for a file name. */
export function siteDay(utcMs: number, timeZone: string): string {
  return format(new TZDate(utcMs, timeZone), 'yyyy-MM-dd');
}
