/**
 * One visit's anonymous figures, keyed as `daily_stats` is keyed. The same SQL feeds the purge's
 * roll-up and the reports' "visits not yet rolled in", so a report reads the same before and
 * after the personal data is gone.
 */
export const figureKeys = 'day, hour, service_id, desk_id, advisor_id, priority, outcome';

export const figureSums = `issued, served, no_show, cancelled, transferred, called, within_target,
  wait_ms_sum, wait_ms_max, service_ms_sum, service_ms_max`;

/** Grouped figures of the visits matching `where` (a condition on `v`), in `daily_stats` columns. */
export function visitFiguresSql(where: string): string {
  return `
    SELECT v.day AS day, v.hour AS hour, v.service_id AS service_id, coalesce(v.desk_id, 0) AS desk_id,
      coalesce(v.advisor_id, 0) AS advisor_id, (v.priority IS NOT NULL) AS priority, coalesce(v.outcome, 'unfinished') AS outcome,
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
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}
