import type { DisplayState } from '../../../shared/domain/display.js';
import type { Db } from '../store/open-database.js';

const recentCalls = 6;

/**
 * Ticket numbers and desk names only: the waiting-area screen never shows a name. Polled by every
 * screen, so both queries go through the status index (`+v.day` keeps SQLite off the day index,
 * which would read all of the day's visits).
 */
export function displayState(db: Db, day: string, siteName: string): DisplayState {
  const calls = db
    .prepare(
      `SELECT v.number, d.name AS deskName, v.called_at AS calledAt, v.recalls > 0 AS recall
       FROM visits v JOIN desks d ON d.id = v.desk_id
       WHERE +v.day = ? AND v.called_at IS NOT NULL AND v.status IN ('called', 'serving')
       ORDER BY v.called_at DESC LIMIT ${recentCalls}`,
    )
    .all(day) as Array<{ number: string; deskName: string; calledAt: number; recall: number }>;
  const waiting = db
    .prepare(
      `SELECT s.name AS serviceName, s.letter, count(v.id) AS count
       FROM services s LEFT JOIN visits v ON v.service_id = s.id AND v.status = 'waiting' AND +v.day = ?
       WHERE s.active = 1 GROUP BY s.id ORDER BY s.sort_order, s.id`,
    )
    .all(day) as DisplayState['waiting'];
  return { siteName, recentCalls: calls.map((c) => ({ ...c, recall: c.recall === 1 })), waiting };
}
