import { TZDate } from '@date-fns/tz';
import { isSameDay } from 'date-fns';
import type { PurgeLogEntry } from '../../shared/domain/stats.js';
import { text } from '../i18n/text.js';
import { zoned } from './zoned-time.js';

const t = text.privacy.purgeLog;

/**
 * One purge in words: "10:00 — deleted 132 visits issued before 27 October, 10:00". The time
 * alone for a purge today (in the site's zone), the day too for an earlier one.
 */
export function purgeLine(entry: PurgeLogEntry, now: number, timeZone: string): string {
  const today = isSameDay(new TZDate(entry.at, timeZone), new TZDate(now, timeZone));
  const when = today ? zoned(entry.at, timeZone, 'time') : `${zoned(entry.at, timeZone, 'dayMonth')}, ${zoned(entry.at, timeZone, 'time')}`;
  const before = `${zoned(entry.cutoff, timeZone, 'dayMonth')}, ${zoned(entry.cutoff, timeZone, 'time')}`;
  return t.line(when, text.privacy.visits(entry.visitsDeleted), before);
}
