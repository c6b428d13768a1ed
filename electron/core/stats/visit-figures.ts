/**
 * Visits' anonymous figures. The same SQL feeds the purge's roll-up and the reports' "visits not
 * yet rolled in", so a report reads the same before and after the personal data is gone.
 */
const keyExpressions = {
  day: 'v.day',
  hour: 'v.hour',
  service_id: 'v.service_id',
  desk_id: 'coalesce(v.desk_id, 0)',
  advisor_id: 'coalesce(v.advisor_id, 0)',
  priority: '(v.priority IS NOT NULL)',
  outcome: "coalesce(v.outcome, 'unfinished')",
} as const;

export type FigureKey = keyof typeof keyExpressions;

/** How `daily_stats` is keyed: every dimension a report might cut by. */
export const statsKeys = Object.keys(keyExpressions) as FigureKey[];
export const figureKeys = statsKeys.join(', ');

export const figureColumns = [
  'issued',
  'served',
  'no_show',
  'cancelled',
  'transferred',
  'called',
  'within_target',
  'wait_ms_sum',
  'wait_ms_max',
  'service_ms_sum',
  'service_ms_max',
] as const;
export const figureSums = figureColumns.join(', ');

/** Adding figures up: counts and sums add, maxima take the larger. */
export function combine(column: (typeof figureColumns)[number], left: string, right: string): string {
  return column.endsWith('_max') ? `max(${left}, ${right})` : `${left} + ${right}`;
}

export function aggregate(column: (typeof figureColumns)[number], source = column): string {
  return column.endsWith('_max') ? `max(${source})` : `sum(${source})`;
}

/** The visits matching `where` (a condition on `v`), grouped by `keys`, in `daily_stats` columns. */
export function visitFiguresSql(where: string, keys: readonly FigureKey[] = statsKeys): string {
  return `
    SELECT ${keys.map((key) => `${keyExpressions[key]} AS ${key}`).join(', ')},
      count(*) AS issued,
      sum(v.status = 'finished') AS served,
      sum(v.status = 'no-show') AS no_show,
      sum(v.status = 'cancelled') AS cancelled,
      sum(v.transfers > 0) AS transferred,
      sum(v.first_called_at IS NOT NULL) AS called,
      sum(v.first_called_at IS NOT NULL AND v.first_called_at - v.issued_at <= s.target_wait_minutes * 60000) AS within_target,
      coalesce(sum(v.first_called_at - v.issued_at), 0) AS wait_ms_sum,
      coalesce(max(v.first_called_at - v.issued_at), 0) AS wait_ms_max,
      coalesce(sum(CASE WHEN v.status = 'finished' THEN v.finished_at - v.started_at END), 0) AS service_ms_sum,
      coalesce(max(CASE WHEN v.status = 'finished' THEN v.finished_at - v.started_at END), 0) AS service_ms_max
    FROM visits v JOIN services s ON s.id = v.first_service_id
    WHERE ${where}
    GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`;
}
