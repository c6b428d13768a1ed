import type { Db } from '../store/open-database.js';
import { addToDailyTotalsSql } from './daily-totals.js';
import { visitFiguresSql } from './visit-figures.js';

/**
 * A report adds the visits not yet rolled in to the rolled-in figures; with 28 days of a busy
 * site that is ~80,000 visits to add up on every report (0.2–0.3 s measured). A past day's visits
 * no longer change once the day is closed, so each whole past day is added up once, here, into
 * `closed_day_totals`. Only days after the purge's cut-off day qualify — every one of their visits
 * is still present — and `dropPurgedDays` removes a day as soon as a purge reaches into it, so a
 * visit is counted either in `daily_totals` or here, never both. Anything that changes a past
 * day's visits (erasure) must drop that day's rows too.
 */
export function fillClosedDays(db: Db, today: string, cutoffDay: string): number {
  const days = db
    .prepare(
      `SELECT DISTINCT day FROM visits WHERE day > @cutoffDay AND day < @today
       EXCEPT SELECT day FROM closed_day_totals WHERE grouping = 'day'`,
    )
    .all({ today, cutoffDay }) as Array<{ day: string }>;
  if (days.length === 0) return 0;
  const add = db.prepare(addToDailyTotalsSql(`(${visitFiguresSql('v.day = @day')})`, 'closed_day_totals'));
  db.transaction(() => {
    for (const { day } of days) add.run({ day });
  }).immediate();
  return days.length;
}

export function dropPurgedDays(db: Db, cutoffDay: string): void {
  db.prepare('DELETE FROM closed_day_totals WHERE day <= ?').run(cutoffDay);
}

/** Days in the range with visits not yet added up anywhere: today, and the day the purge reached into. */
export function liveDays(db: Db, from: string, to: string): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT day FROM visits WHERE day BETWEEN @from AND @to
       EXCEPT SELECT day FROM closed_day_totals WHERE grouping = 'day' AND day BETWEEN @from AND @to`,
    )
    .all({ from, to }) as Array<{ day: string }>;
  return rows.map((r) => r.day);
}
