import { TZDate } from '@date-fns/tz';
// The functions alone, not the package's index: importing all of date-fns cost a quarter of a
// second of every `serve` start (measured), for three functions.
import { addDays } from 'date-fns/addDays';
import { subDays } from 'date-fns/subDays';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
import type { Weekday } from '../../shared/domain/site.js';

/**
 * Local wall-clock arithmetic in the site's time zone. Days are calendar days, so a spring or
 * autumn clock change neither skips nor doubles one (docs/design.md, "The data").
 */
export function localDay(ms: number, timeZone: string): string {
  const span = lastDay;
  if (span !== null && within(span, ms, timeZone)) return span.day;
  const day = formatDay(ms, timeZone);
  // A clock-change day's span cannot answer, but is kept so that it is not worked out again.
  if (span === null || span.day !== day || span.timeZone !== timeZone) lastDay = daySpan(day, timeZone);
  return day;
}

export function localHour(ms: number, timeZone: string): number {
  // On a day without a clock change the hour is plain arithmetic from local midnight.
  const span = lastDay;
  if (span !== null && within(span, ms, timeZone)) return Math.floor((ms - span.startsAt) / hourMs);
  return new TZDate(ms, timeZone).getHours();
}

function formatDay(ms: number, timeZone: string): string {
  const local = new TZDate(ms, timeZone);
  // TZDate's getters read the wall clock in its zone: the same as format(…, 'yyyy-MM-dd').
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

const hourMs = 60 * 60_000;
const dayMs = 24 * hourMs;

/**
 * The last local day asked for, as the instants it spans, so that the calls of one day skip
 * date-fns' formatting (a fifth of a millisecond a call for the site's day, the bench). Kept only
 * for a day of exactly 24 hours whose first and last instants are on that day at one UTC offset —
 * a day without a clock change — where local time is UTC plus that offset throughout, so the day
 * and the hour follow from the span alone. A clock-change day is computed every time, as before.
 */
interface DaySpan {
  timeZone: string;
  day: string;
  /** Whether the span below may answer for the day: false on a clock-change day. */
  steady: boolean;
  startsAt: number;
  /** Exclusive: the next day's local midnight. */
  endsAt: number;
}

let lastDay: DaySpan | null = null;

function within(span: DaySpan, ms: number, timeZone: string): boolean {
  return span.steady && span.timeZone === timeZone && ms >= span.startsAt && ms < span.endsAt;
}

function daySpan(day: string, timeZone: string): DaySpan {
  const startsAt = startOfLocalDay(day, timeZone);
  const endsAt = startsAt + dayMs;
  const first = new TZDate(startsAt, timeZone);
  const last = new TZDate(endsAt - 1, timeZone);
  const steady =
    first.getTimezoneOffset() === last.getTimezoneOffset() &&
    first.getHours() === 0 &&
    first.getMinutes() === 0 &&
    first.getSeconds() === 0 &&
    first.getMilliseconds() === 0 &&
    formatDay(startsAt, timeZone) === day &&
    formatDay(endsAt - 1, timeZone) === day &&
    formatDay(endsAt, timeZone) !== day;
  return { timeZone, day, steady, startsAt, endsAt };
}

const weekdays: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function localWeekday(ms: number, timeZone: string): Weekday {
  return weekdayOf(localDay(ms, timeZone));
}

/** The weekday of a calendar day (`yyyy-MM-dd`), which is the same in every time zone. */
export function weekdayOf(day: string): Weekday {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

export function localClock(ms: number, timeZone: string): string {
  const local = new TZDate(ms, timeZone);
  return `${pad(local.getHours())}:${pad(local.getMinutes())}`;
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
 * wall-clock time `days` calendar days ago in the site's zone (docs/design.md, "Retention").
 */
export function retentionCutoff(now: number, timeZone: string, days: number): number {
  return subDays(new TZDate(now, timeZone), days).getTime();
}

/** The same rule seen from the visit: the instant it goes, `days` calendar days after it was issued. */
export function retentionExpiry(issuedAt: number, timeZone: string, days: number): number {
  return addDays(new TZDate(issuedAt, timeZone), days).getTime();
}
