import type { DisplayState } from '../../../shared/domain/display.js';
import type { Db } from '../store/open-database.js';
import type { SiteDay } from './site-day.js';

const recentCalls = 6;

/**
 * Ticket numbers and desk names only: the waiting-area screen never shows a name. Polled by every
 * screen, so both queries stay on indexes:
 * - the latest calls walk the called_at index back from the newest and stop at the sixth of
 *   today's (`called_at >= startsAt` bounds the walk on a quiet morning; `+v.day` keeps SQLite off
 *   the day index, which would read all of the day's visits). A call stays listed once the
 *   visitor is served, finished or gone: `called_at` and `last_desk_id` are kept by those steps
 *   (ticket-steps.ts), and `current` says whether it is still calling. A transfer, a reinstated
 *   no-show or a desk closing clears `called_at`: that ticket is waiting again, not called.
 * - the waiting counts go through the status index.
 */
export function displayState(db: Db, day: SiteDay, site: { siteName: string; timeZone: string }): DisplayState {
  const calls = db
    .prepare(
      `SELECT v.number, d.name AS deskName, v.called_at AS calledAt, v.recalls > 0 AS recall, v.status = 'called' AS current
       FROM visits v JOIN desks d ON d.id = v.last_desk_id
       WHERE v.called_at >= @startsAt AND +v.day = @day
       ORDER BY v.called_at DESC, v.id DESC LIMIT ${recentCalls}`,
    )
    .all({ day: day.day, startsAt: day.startsAt }) as Array<{ number: string; deskName: string; calledAt: number; recall: number; current: number }>;
  // A service is shown while someone waits for it or an open desk that is not paused serves it:
  // one nobody can be called for yet, or nobody is waiting for, is noise on the screen.
  const waiting = db
    .prepare(
      `SELECT s.name AS serviceName, s.letter, count(v.id) AS count
       FROM services s LEFT JOIN visits v ON v.service_id = s.id AND v.status = 'waiting' AND +v.day = @day
       GROUP BY s.id
       HAVING count(v.id) > 0
         OR (s.active = 1 AND s.id IN (SELECT j.value FROM desk_sessions ds, json_each(ds.service_ids) j WHERE ds.paused_at IS NULL))
       ORDER BY s.sort_order, s.id`,
    )
    .all({ day: day.day }) as DisplayState['waiting'];
  return { siteName: site.siteName, timeZone: site.timeZone, recentCalls: calls.map((c) => ({ ...c, recall: c.recall === 1, current: c.current === 1 })), waiting };
}
