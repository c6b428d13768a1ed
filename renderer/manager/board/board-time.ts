import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { text } from '../../i18n/text.js';

/**
 * A time of day on the site's wall clock, not this PC's (it may be set to another zone); the PC's
 * until the site's zone is known. https://github.com/date-fns/tz#tzdate
 */
export function timeOfDay(utcMs: number, timeZone: string | null): string {
  return format(timeZone === null ? new Date(utcMs) : new TZDate(utcMs, timeZone), text.board.timeFormat);
}
