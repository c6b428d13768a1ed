import type { HistoryGrouping } from '../../../shared/domain/stats.js';
import { aggregate, combine, figureColumns, type FigureKey } from './visit-figures.js';

/**
 * `daily_totals` holds, per day, the figures of each report grouping (by day, hour, service, desk,
 * advisor): a few dozen rows a day instead of the ~1,400 `daily_stats` rows a busy day makes, so
 * a year's report reads thousands of rows, not half a million. Both are written by the same purge.
 */
export const totalsKey: Record<HistoryGrouping, FigureKey | null> = {
  day: null,
  hour: 'hour',
  service: 'service_id',
  desk: 'desk_id',
  advisor: 'advisor_id',
};

const sums = figureColumns.map((c) => `${aggregate(c)} AS ${c}`).join(', ');

/**
 * Adds the rows of `source` (in `daily_stats` columns, with a `day` column and the grouping
 * keys) into `daily_totals` (the purge) or `closed_day_totals` (closed-day-totals.ts).
 */
export function addToDailyTotalsSql(source: string, table: 'daily_totals' | 'closed_day_totals' = 'daily_totals'): string {
  const selects = (Object.entries(totalsKey) as Array<[HistoryGrouping, FigureKey | null]>).map(
    ([grouping, key]) => `SELECT '${grouping}' AS grouping, day, ${key ?? 0} AS k, ${sums} FROM ${source} GROUP BY day, k`,
  );
  return `
    INSERT INTO ${table} (grouping, day, k, ${figureColumns.join(', ')})
    SELECT * FROM (${selects.join(' UNION ALL ')}) WHERE true
    ON CONFLICT (grouping, day, k) DO UPDATE SET
      ${figureColumns.map((c) => `${c} = ${combine(c, c, `excluded.${c}`)}`).join(',\n      ')}`;
}
