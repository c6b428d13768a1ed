import type { HistoryGrouping, HistoryRow, Report } from '../../../shared/domain/stats.js';
import { siteText } from '../../../shared/i18n/catalogue.js';
import type { Db } from '../store/open-database.js';
import { history } from './history.js';

type Counts = Omit<HistoryRow, 'key' | 'label'>;

const none: Counts = {
  issued: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  transferred: 0,
  called: 0,
  withinTarget: 0,
  waitMsSum: 0,
  waitMsMax: 0,
  serviceMsSum: 0,
  serviceMsMax: 0,
};

/** Adds rows up the way the store does (visit-figures.ts): counts and sums add, maxima take the larger. */
export function addRows(rows: readonly HistoryRow[]): Counts {
  return rows.reduce<Counts>(
    (total, row) => {
      const next = { ...total };
      for (const field of Object.keys(none) as Array<keyof Counts>) {
        next[field] = field.endsWith('Max') ? Math.max(total[field], row[field]) : total[field] + row[field];
      }
      return next;
    },
    { ...none },
  );
}

/**
 * Every grouping of a report at once. The call runs in one transaction, so the groupings agree
 * with each other and with their totals; each reads the same rolled-in figures and visits as
 * `getHistory` (history.ts), so a report is the same before and after a purge.
 */
export function report(db: Db, from: string, to: string): Report {
  const by = (grouping: HistoryGrouping) => history(db, from, to, grouping);
  const byDay = by('day');
  const { first } = db
    .prepare(
      `SELECT min(day) AS first FROM (
         SELECT min(day) AS day FROM daily_totals WHERE grouping = 'day'
         UNION ALL SELECT min(day) FROM visits)`,
    )
    .get() as { first: string | null };
  return {
    from,
    to,
    firstDay: first,
    totals: { key: 'total', label: siteText.history.total, ...addRows(byDay) },
    byDay,
    byHour: by('hour'),
    byService: by('service'),
    byDesk: by('desk'),
    byAdvisor: by('advisor'),
  };
}
