import type { DayHours, OpeningHours } from '../../../shared/domain/site.js';
import type { Db } from '../store/open-database.js';
import { atLocalTime, localDay, localWeekday, startOfLocalDay } from '../local-time.js';

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
  const hours = openingHours[localWeekday(now, timeZone)];
  return {
    day,
    startsAt: startOfLocalDay(day, timeZone),
    hours,
    lastTicketAt: hours === null ? null : atLocalTime(day, hours.lastTicket, timeZone),
    closesAt: hours === null ? null : atLocalTime(day, hours.close, timeZone),
  };
}

/**
 * Closes what the day left open so tomorrow starts empty (DESIGN.md, "The day"): anything from
 * an earlier day, and today's waiting or parked tickets once the site has closed. A ticket being
 * served at closing time is left to its advisor. Returns how many were closed.
 */
export function closeFinishedDays(db: Db, now: number, today: SiteDay): number {
  const earlier = db
    .prepare(
      `UPDATE visits SET status = 'closed', outcome = 'closed-end-of-day', finished_at = ?
       WHERE status IN ('waiting', 'called', 'serving', 'parked') AND day < ?`,
    )
    .run(now, today.day).changes;
  let todays = 0;
  if (today.closesAt === null || now >= today.closesAt) {
    todays = db
      .prepare(
        `UPDATE visits SET status = 'closed', outcome = 'closed-end-of-day', finished_at = ?
         WHERE status IN ('waiting', 'parked') AND day = ?`,
      )
      .run(now, today.day).changes;
  }
  // Desks opened on an earlier day close with that day; today's stay open.
  db.prepare('DELETE FROM desk_sessions WHERE opened_at < ?').run(today.startsAt);
  return earlier + todays;
}
