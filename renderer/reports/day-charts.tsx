import { Bar, BarChart, CartesianGrid, ComposedChart, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistoryRow, Report } from '../../shared/domain/stats.js';
import { text } from '../i18n/text.js';
import { ChartPanel } from './chart-panel.js';
import { ChartBox } from './printing.js';
import { chartHeight, colours, still, tick } from './chart-style.js';
import { formatCount, formatPercent } from './format-figures.js';
import { busiest, everyDay, percentOf, wholeNumber, withinTargetPercent } from './report-figures.js';
import { formatDay } from './report-range.js';

const t = text.reports;
const f = t.figures;
const axisDay = (key: string) => formatDay(key, t.formats.axisDay);
const tableDay = (key: string) => formatDay(key, t.formats.tableDay);

function points(days: readonly HistoryRow[]) {
  return days.map((row) => ({
    day: axisDay(row.key),
    issued: row.issued,
    served: row.served,
    noShow: row.noShow,
    withinTarget: wholeNumber(withinTargetPercent(row)),
  }));
}

const axes = (
  <>
    <CartesianGrid stroke={colours.grid} vertical={false} />
    <XAxis dataKey="day" tick={tick} minTickGap={12} />
  </>
);

/** Issued and served each day, no-shows as a line over them. */
export function VisitorsByDay({ report }: { report: Report }) {
  const days = everyDay(report);
  const top = busiest(days, (row) => row.issued);
  return (
    <ChartPanel
      id="by-day"
      wide
      heading={t.charts.byDay.heading}
      summary={t.charts.byDay.summary(report.totals.issued, report.totals.served, days.length, top && tableDay(top.key), top?.issued ?? 0)}
      legend={[
        { label: f.issued, colour: colours.issued, kind: 'bar' },
        { label: f.served, colour: colours.served, kind: 'bar' },
        { label: f.noShows, colour: colours.noShow, kind: 'line' },
      ]}
      chart={
        <ChartBox height={chartHeight + 40}>
          <ComposedChart data={points(days)} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            {axes}
            <YAxis tick={tick} allowDecimals={false} width={48} />
            <Tooltip />
            <Bar dataKey="issued" name={f.issued} fill={colours.issued} {...still} />
            <Bar dataKey="served" name={f.served} fill={colours.served} {...still} />
            <Line dataKey="noShow" name={f.noShows} stroke={colours.noShow} strokeWidth={3} dot={false} {...still} />
          </ComposedChart>
        </ChartBox>
      }
      table={{
        columns: [f.day, f.issued, f.served, f.noShows],
        rows: days.map((row) => ({ key: row.key, cells: [tableDay(row.key), formatCount(row.issued), formatCount(row.served), formatCount(row.noShow)] })),
        foot: [f.total, formatCount(report.totals.issued), formatCount(report.totals.served), formatCount(report.totals.noShow)],
      }}
    />
  );
}

/** The share of tickets called within their service's target, day by day. */
export function WithinTargetByDay({ report }: { report: Report }) {
  const days = everyDay(report);
  const called = days.filter((row) => row.called > 0);
  let lowest: HistoryRow | null = null;
  for (const row of called) if (lowest === null || withinTargetPercent(row)! < withinTargetPercent(lowest)!) lowest = row;
  return (
    <ChartPanel
      id="within-target"
      heading={t.charts.withinTarget.heading}
      summary={t.charts.withinTarget.summary(
        formatPercent(withinTargetPercent(report.totals)),
        lowest && tableDay(lowest.key),
        formatPercent(lowest && withinTargetPercent(lowest)),
      )}
      legend={[{ label: f.withinTargetShare, colour: colours.issued, kind: 'line' }]}
      chart={
        <ChartBox height={chartHeight}>
          <LineChart data={points(days)} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            {axes}
            <YAxis tick={tick} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" width={56} />
            <Tooltip />
            <Line dataKey="withinTarget" name={f.withinTargetShare} stroke={colours.issued} strokeWidth={3} dot={{ r: 3 }} {...still} />
          </LineChart>
        </ChartBox>
      }
      table={{
        columns: [f.day, f.called, f.withinTarget, f.withinTargetShare],
        rows: called.map((row) => ({
          key: row.key,
          cells: [tableDay(row.key), formatCount(row.called), formatCount(row.withinTarget), formatPercent(withinTargetPercent(row))],
        })),
        foot: [f.total, formatCount(report.totals.called), formatCount(report.totals.withinTarget), formatPercent(withinTargetPercent(report.totals))],
      }}
    />
  );
}

/** Tickets called and not answered, day by day. */
export function NoShowsByDay({ report }: { report: Report }) {
  const days = everyDay(report);
  const worst = busiest(days, (row) => row.noShow);
  return (
    <ChartPanel
      id="no-shows"
      heading={t.charts.noShows.heading}
      summary={t.charts.noShows.summary(
        report.totals.noShow,
        formatPercent(percentOf(report.totals.noShow, report.totals.issued)),
        worst && tableDay(worst.key),
        worst?.noShow ?? 0,
      )}
      legend={[{ label: f.noShows, colour: colours.noShow, kind: 'bar' }]}
      chart={
        <ChartBox height={chartHeight}>
          <BarChart data={points(days)} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            {axes}
            <YAxis tick={tick} allowDecimals={false} width={48} />
            <Tooltip />
            <Bar dataKey="noShow" name={f.noShows} fill={colours.noShow} {...still} />
          </BarChart>
        </ChartBox>
      }
      table={{
        columns: [f.day, f.issued, f.noShows],
        rows: days.filter((row) => row.issued > 0).map((row) => ({ key: row.key, cells: [tableDay(row.key), formatCount(row.issued), formatCount(row.noShow)] })),
        foot: [f.total, formatCount(report.totals.issued), formatCount(report.totals.noShow)],
      }}
    />
  );
}
