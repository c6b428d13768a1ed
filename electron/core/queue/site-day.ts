import type { DayHours, OpeningHours } from '../../../shared/domain/site.js';
import type { CallContext } from '../call-context.js';
import type { Db } from '../store/open-database.js';
import { atLocalTime, localDay, startOfLocalDay, weekdayOf } from '../local-time.js';
import { closeEarlierDays, closeTodaysQueue } from './ticket-steps.js';

export interface SiteDay {
  day: string;
  /** UTC ms of local midnight starting `day`. */
  startsAt: number;
  hours: DayHours | null;
  /** UTC ms of today's last-ticket and closing times, when open today. */
  lastTicketAt: number | null;
  closesAt: number | null;
}

export function siteDay(now: number, timeZone: string, openingHours: OpeningHours): SiteDay {
  const day = localDay(now, timeZone);
  const hours = openingHours[weekdayOf(day)];
  const last = lastSiteDay;
  // The same day, zone and hours give the same instants: worked out once a day, not on every call.
  if (last !== null && last.day === day && last.timeZone === timeZone && sameHours(last.hours, hours)) {
    return { day, startsAt: last.startsAt, hours, lastTicketAt: last.lastTicketAt, closesAt: last.closesAt };
  }
  const worked: SiteDay = {
    day,
    startsAt: startOfLocalDay(day, timeZone),
    hours,
    lastTicketAt: hours === null ? null : atLocalTime(day, hours.lastTicket, timeZone),
    closesAt: hours === null ? null : atLocalTime(day, hours.close, timeZone),
  };
  lastSiteDay = { ...worked, timeZone, hours: hours === null ? null : { ...hours } };
  return worked;
}

/** The last site day worked out, with the zone and the day's hours (a copy) it was worked out for. */
let lastSiteDay: (SiteDay & { timeZone: string }) | null = null;

function sameHours(a: DayHours | null, b: DayHours | null): boolean {
  if (a === null || b === null) return a === b;
  return a.open === b.open && a.lastTicket === b.lastTicket && a.close === b.close;
}

/** The site's day at the call's instant, in its time zone and opening hours. */
export function today(ctx: Pick<CallContext, 'now' | 'settings'>): SiteDay {
  const settings = ctx.settings();
  return siteDay(ctx.now, settings.timeZone, settings.openingHours);
}

/**
 * Closes what the day left open so tomorrow starts empty (docs/design.md, "The day"): anything from
 * an earlier day, and today's waiting or parked tickets once the site has closed. A ticket being
 * served at closing time is left to its advisor. Returns how many were closed.
 */
export function closeFinishedDays(db: Db, now: number, day: SiteDay): number {
  const earlier = closeEarlierDays(db, now, day.day);
  const todays = day.closesAt === null || now >= day.closesAt ? closeTodaysQueue(db, now, day.day) : 0;
  // Desks opened on an earlier day close with that day; today's stay open.
  db.prepare('DELETE FROM desk_sessions WHERE opened_at < ?').run(day.startsAt);
  return earlier + todays;
}
