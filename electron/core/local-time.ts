import { TZDate } from '@date-fns/tz';
import { format, subDays, addDays } from 'date-fns';
import type { Weekday } from '../../shared/domain/site.js';

/**
 * Local wall-clock arithmetic in the site's time zone. Days are calendar days, so a spring or
 * autumn clock change neither skips nor doubles one (DESIGN.md, "The data").
 */
export function localDay(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
}

export function localHour(ms: number, timeZone: string): number {
  return new TZDate(ms, timeZone).getHours();
}

export function localClock(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), 'HH:mm');
}

export function localWeekday(ms: number, timeZone: string): Weekday {
  return format(new TZDate(ms, timeZone), 'EEEE').toLowerCase() as Weekday;
}

/** UTC ms of `HH:mm` on a local day (`yyyy-MM-dd`). */
export function atLocalTime(day: string, clock: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = clock.split(':').map(Number) as [number, number];
  return new TZDate(y, m - 1, d, hh, mm, 0, 0, timeZone).getTime();
}

export function startOfLocalDay(day: string, timeZone: string): number {
  return atLocalTime(day, '00:00', timeZone);
}

export function nextLocalDay(day: string, timeZone: string): string {
  return localDay(addDays(new TZDate(startOfLocalDay(day, timeZone), timeZone), 1).getTime(), timeZone);
}

/**
 * The retention rule, once: a visit is deleted when its issue time is before the same
 * wall-clock time `days` calendar days ago in the site's zone (DESIGN.md, "Retention").
 */
export function retentionCutoff(now: number, timeZone: string, days: number): number {
  return subDays(new TZDate(now, timeZone), days).getTime();
}

/** The same rule seen from the visit: the instant it goes, `days` calendar days after it was issued. */
export function retentionExpiry(issuedAt: number, timeZone: string, days: number): number {
  return addDays(new TZDate(issuedAt, timeZone), days).getTime();
}
