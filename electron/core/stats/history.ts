import type { HistoryGrouping, HistoryRow } from '../../../shared/domain/stats.js';
import { siteText } from '../../../shared/i18n/catalogue.js';
import type { Db } from '../store/open-database.js';
import { liveDays } from './closed-day-totals.js';
import { totalsKey } from './daily-totals.js';
import { aggregate, figureColumns, visitFiguresSql } from './visit-figures.js';

/** A row's own label, or NULL when it has no name of its own (key 0, or a record no longer there). */
const labelSql: Record<HistoryGrouping, string> = {
  day: 'f.k',
  hour: "printf('%02d:00', f.k)",
  service: '(SELECT name FROM services WHERE id = f.k)',
  desk: 'CASE f.k WHEN 0 THEN NULL ELSE (SELECT name FROM desks WHERE id = f.k) END',
  advisor: 'CASE f.k WHEN 0 THEN NULL ELSE (SELECT name FROM staff WHERE id = f.k) END',
};

/** What a row with no name of its own is called, in the site's words. */
const words = siteText.history;
const unnamed: Record<HistoryGrouping, (key: string) => string> = {
  day: (key) => key,
  hour: (key) => key,
  service: (key) => words.service(key),
  desk: (key) => (key === '0' ? words.noDesk : words.desk(key)),
  advisor: (key) => (key === '0' ? words.notCalled : words.staff(key)),
};

const sums = figureColumns.map((c) => `${aggregate(c)} AS ${c}`).join(', ');

/**
 * A report is the rolled-in figures plus the visits not yet rolled in (docs/design.md, "The data"):
 * purged visits live on only as figures, so the two never count a visit twice. Rolled-in figures
 * come from `daily_totals` (a few dozen rows a day); visits still here come from
 * `closed_day_totals` for whole past days and are added up live for the rest (today, and the day
 * the purge reached into).
 */
export function history(db: Db, from: string, to: string, groupBy: HistoryGrouping): HistoryRow[] {
  const key = totalsKey[groupBy];
  const sql = `
    WITH figures AS (
      SELECT ${key === null ? 'day' : 'k'} AS k, ${sums} FROM daily_totals
      WHERE grouping = @groupBy AND day BETWEEN @from AND @to GROUP BY 1
      UNION ALL
      SELECT ${key === null ? 'day' : 'k'} AS k, ${sums} FROM closed_day_totals
      WHERE grouping = @groupBy AND day BETWEEN @from AND @to GROUP BY 1
      UNION ALL
      SELECT ${key ?? 'day'} AS k, ${figureColumns.join(', ')}
      FROM (${visitFiguresSql('v.day IN (SELECT value FROM json_each(@liveDays))', [key ?? 'day'])})
    ), f AS (SELECT k, ${sums} FROM figures GROUP BY k)
    SELECT CAST(f.k AS TEXT) AS key, ${labelSql[groupBy]} AS label, issued, served, no_show AS noShow, cancelled, transferred, called,
      within_target AS withinTarget, wait_ms_sum AS waitMsSum, wait_ms_max AS waitMsMax, service_ms_sum AS serviceMsSum,
      service_ms_max AS serviceMsMax
    FROM f ORDER BY f.k`;
  const rows = db.prepare(sql).all({ from, to, groupBy, liveDays: JSON.stringify(liveDays(db, from, to)) }) as Array<Omit<HistoryRow, 'label'> & { label: string | null }>;
  return rows.map((row) => ({ ...row, label: row.label ?? unnamed[groupBy](row.key) }));
}
