import type { HistoryRow } from '../../shared/domain/stats.js';
import { text } from '../i18n/text.js';
import { formatCount, minutesWithUnit, percentWithUnit } from './format-figures.js';
import { averageServiceMinutes, averageWaitMinutes, withinTargetPercent } from './report-figures.js';

const t = text.reports.headline;

/** The range's totals, first and large: what a manager wants to know before any chart. */
export function HeadlineTotals({ totals }: { totals: HistoryRow }) {
  const figures: Array<[string, string, string]> = [
    ['issued', t.issued, formatCount(totals.issued)],
    ['served', t.served, formatCount(totals.served)],
    ['average-wait', t.averageWait, minutesWithUnit(averageWaitMinutes(totals))],
    ['within-target', t.withinTarget, percentWithUnit(withinTargetPercent(totals))],
    ['average-service', t.averageService, minutesWithUnit(averageServiceMinutes(totals))],
    ['no-shows', t.noShows, formatCount(totals.noShow)],
  ];
  return (
    <section className="report-headline" aria-labelledby="report-headline-title">
      <h2 className="visually-hidden" id="report-headline-title">
        {t.heading}
      </h2>
      <dl className="report-headline__list">
        {figures.map(([key, label, value]) => (
          <div key={key} className="report-headline__figure" data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
