import type { HistoryGrouping, HistoryRow } from '../../../shared/domain/stats.js';
import type { Db } from '../store/open-database.js';
import { visitFiguresSql } from './visit-figures.js';

const groupColumn: Record<HistoryGrouping, string> = {
  day: 'day',
  hour: 'hour',
  service: 'service_id',
  desk: 'desk_id',
  advisor: 'advisor_id',
};

const labelSql: Record<HistoryGrouping, string> = {
  day: 'f.k',
  hour: "printf('%02d:00', f.k)",
  service: "coalesce((SELECT name FROM services WHERE id = f.k), 'Service ' || f.k)",
  desk: "CASE f.k WHEN 0 THEN 'No desk' ELSE coalesce((SELECT name FROM desks WHERE id = f.k), 'Desk ' || f.k) END",
  advisor: "CASE f.k WHEN 0 THEN 'Not called' ELSE coalesce((SELECT name FROM staff WHERE id = f.k), 'Staff ' || f.k) END",
};

const sums = `sum(issued) AS issued, sum(served) AS served, sum(no_show) AS no_show, sum(cancelled) AS cancelled,
  sum(transferred) AS transferred, sum(within_target) AS within_target, sum(wait_ms_sum) AS wait_ms_sum, max(wait_ms_max) AS wait_ms_max,
  sum(service_ms_sum) AS service_ms_sum, max(service_ms_max) AS service_ms_max`;

/**
 * A report is `daily_stats` plus the visits not yet rolled in (DESIGN.md, "The data"): purged
 * visits live on only as their figures, so the two sources never count a visit twice. Each
 * source is grouped on its own before they are added up, so a year of `daily_stats` is read
 * once and never copied into a temporary union.
 */
export function history(db: Db, from: string, to: string, groupBy: HistoryGrouping): HistoryRow[] {
  const column = groupColumn[groupBy];
  const sql = `
    WITH figures AS (
      SELECT ${column} AS k, ${sums} FROM daily_stats WHERE day BETWEEN @from AND @to GROUP BY ${column}
      UNION ALL
      SELECT ${column} AS k, ${sums} FROM (${visitFiguresSql('v.day BETWEEN @from AND @to')}) GROUP BY ${column}
    ), f AS (
      SELECT k, sum(issued) AS issued, sum(served) AS served, sum(no_show) AS noShow, sum(cancelled) AS cancelled,
        sum(transferred) AS transferred, sum(within_target) AS withinTarget, sum(wait_ms_sum) AS waitMsSum, max(wait_ms_max) AS waitMsMax,
        sum(service_ms_sum) AS serviceMsSum, max(service_ms_max) AS serviceMsMax
      FROM figures GROUP BY k
    )
    SELECT CAST(f.k AS TEXT) AS key, ${labelSql[groupBy]} AS label, issued, served, noShow, cancelled, transferred, withinTarget,
      waitMsSum, waitMsMax, serviceMsSum, serviceMsMax
    FROM f ORDER BY f.k`;
  return db.prepare(sql).all({ from, to }) as HistoryRow[];
}
