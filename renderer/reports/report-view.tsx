import type { Service } from '../../shared/domain/site.js';
import type { Report } from '../../shared/domain/stats.js';
import { text } from '../i18n/text.js';
import { NoShowsByDay, VisitorsByDay, WithinTargetByDay } from './day-charts.js';
import { AdvisorThroughput, OutcomesChart, TimesByService, VisitorsByHour } from './group-charts.js';
import { HeadlineTotals } from './headline-totals.js';

/** A loaded report: the totals, then the charts, or a plain word when the dates hold nothing. */
export function ReportView({ report, services }: { report: Report; services: readonly Service[] }) {
  if (report.totals.issued === 0) {
    return (
      <div className="notice report-empty">
        <p>{text.reports.empty}</p>
        <p className="hint">{text.reports.emptyHint}</p>
      </div>
    );
  }
  return (
    <>
      <HeadlineTotals totals={report.totals} />
      <div className="report-grid">
        <VisitorsByDay report={report} />
        <WithinTargetByDay report={report} />
        <NoShowsByDay report={report} />
        <VisitorsByHour report={report} />
        <OutcomesChart report={report} />
        <TimesByService report={report} services={services} />
        <AdvisorThroughput report={report} />
      </div>
    </>
  );
}
