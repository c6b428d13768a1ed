import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Text, Tooltip, XAxis, YAxis } from 'recharts';
import type { Report } from '../../shared/domain/stats.js';
import type { Service } from '../../shared/domain/site.js';
import { text } from '../i18n/text.js';
import { ChartPanel } from './chart-panel.js';
import { ChartBox } from './printing.js';
import { chartHeight, colours, still, tick } from './chart-style.js';
import { formatCount, formatMinutes, formatPercent } from './format-figures.js';
import {
  advisorRows,
  averageServiceMinutes,
  busiest,
  oneDecimal,
  openHours,
  outcomesOf,
  percentOf,
  serviceTimes,
  type Outcomes,
  type ServiceTimes,
} from './report-figures.js';

const t = text.reports;
const f = t.figures;
const grid = <CartesianGrid stroke={colours.grid} vertical={false} />;
const margin = { top: 8, right: 16, bottom: 0, left: 0 };

/** When in the day tickets are issued. */
export function VisitorsByHour({ report }: { report: Report }) {
  const hours = openHours(report);
  const top = busiest(hours, (row) => row.issued);
  const next = top === null ? '' : `${String(Number(top.key) + 1).padStart(2, '0')}:00`;
  return (
    <ChartPanel
      id="by-hour"
      heading={t.charts.byHour.heading}
      summary={
        top === null
          ? t.empty
          : t.charts.byHour.summary(t.charts.byHour.range(top.label, next), top.issued, formatPercent(percentOf(top.issued, report.totals.issued)))
      }
      legend={[
        { label: f.issued, colour: colours.issued, kind: 'bar' },
        { label: f.served, colour: colours.served, kind: 'bar' },
      ]}
      chart={
        <ChartBox height={chartHeight}>
          <BarChart data={hours} accessibilityLayer={false} margin={margin}>
            {grid}
            <XAxis dataKey="label" tick={tick} />
            <YAxis tick={tick} allowDecimals={false} width={48} />
            <Tooltip />
            <Bar dataKey="issued" name={f.issued} fill={colours.issued} {...still} />
            <Bar dataKey="served" name={f.served} fill={colours.served} {...still} />
          </BarChart>
        </ChartBox>
      }
      table={{
        columns: [f.hour, f.issued, f.served],
        rows: hours.map((row) => ({ key: row.key, cells: [row.label, formatCount(row.issued), formatCount(row.served)] })),
      }}
    />
  );
}

/** The wait bar, with the service's target drawn across it at the same scale. */
function WaitWithTarget(props: unknown) {
  const { x, y, width, height, value, payload, fill } = props as {
    x: number;
    y: number;
    width: number;
    height: number;
    value: number | null;
    payload: ServiceTimes;
    fill: string;
  };
  const target = payload.target;
  // Pixels per minute from the bar itself, so the tick needs no access to the axis.
  const targetY = target !== null && value !== null && value > 0 ? y + height - (target * height) / value : null;
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill={fill} />
      {targetY !== null && <rect x={x - 6} y={targetY - 2} width={width + 12} height={4} fill={colours.target} />}
    </g>
  );
}

/** Wraps a long category name (a service) onto two lines under its bars. */
function WrappedTick(props: unknown) {
  const { x, y, payload } = props as { x: number; y: number; payload: { value: string } };
  return (
    <Text x={x} y={y + 4} width={96} textAnchor="middle" verticalAnchor="start" fontSize={tick.fontSize} fill={tick.fill}>
      {payload.value}
    </Text>
  );
}

/** Each service's average wait, beside its target, and average time at the desk. */
export function TimesByService({ report, services }: { report: Report; services: readonly Service[] }) {
  const rows = serviceTimes(report, services);
  const over = rows.filter((row) => row.averageWait !== null && row.target !== null && row.averageWait > row.target).length;
  let longest = rows[0];
  for (const row of rows) if ((row.averageWait ?? -1) > (longest?.averageWait ?? -1)) longest = row;
  return (
    <ChartPanel
      id="by-service"
      wide
      heading={t.charts.byService.heading}
      summary={t.charts.byService.summary(over, rows.length, longest?.label ?? t.units.none, formatMinutes(longest?.averageWait ?? null))}
      legend={[
        { label: f.averageWait, colour: colours.wait, kind: 'bar' },
        { label: f.averageService, colour: colours.service, kind: 'bar' },
        { label: t.charts.byService.targetMarker, colour: colours.target, kind: 'marker' },
      ]}
      chart={
        <ChartBox height={chartHeight}>
          <ComposedChart data={rows} accessibilityLayer={false} margin={margin}>
            {grid}
            <XAxis dataKey="label" tick={WrappedTick} interval={0} height={48} />
            <YAxis tick={tick} width={48} />
            <Tooltip />
            <Bar dataKey="averageWait" name={f.averageWait} fill={colours.wait} maxBarSize={56} shape={WaitWithTarget} {...still} />
            <Bar dataKey="averageService" name={f.averageService} fill={colours.service} maxBarSize={56} {...still} />
          </ComposedChart>
        </ChartBox>
      }
      table={{
        columns: [f.service, f.averageWait, f.target, f.averageService],
        rows: rows.map((row) => ({
          key: row.key,
          cells: [row.label, formatMinutes(row.averageWait), row.target === null ? t.units.none : formatCount(row.target), formatMinutes(row.averageService)],
        })),
      }}
    />
  );
}

const outcomeKeys = ['served', 'noShow', 'cancelled', 'notCalled'] as const satisfies ReadonlyArray<keyof Outcomes>;

/** What became of every ticket issued. */
export function OutcomesChart({ report }: { report: Report }) {
  const outcomes = outcomesOf(report.totals);
  const share = (key: keyof Outcomes) => formatPercent(percentOf(outcomes[key], report.totals.issued));
  const data = outcomeKeys.map((key) => ({ key, label: t.outcomes[key], count: outcomes[key] }));
  return (
    <ChartPanel
      id="outcomes"
      heading={t.charts.outcomes.heading}
      summary={t.charts.outcomes.summary(share('served'), share('noShow'), share('cancelled'), share('notCalled'))}
      legend={[]}
      chart={
        <ChartBox height={chartHeight}>
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ ...margin, right: 24 }}>
            <CartesianGrid stroke={colours.grid} horizontal={false} />
            <XAxis type="number" tick={tick} allowDecimals={false} />
            <YAxis type="category" dataKey="label" tick={tick} width={110} />
            <Tooltip />
            <Bar dataKey="count" name={f.count} {...still}>
              {data.map((entry) => (
                <Cell key={entry.key} fill={colours[entry.key]} />
              ))}
            </Bar>
          </BarChart>
        </ChartBox>
      }
      table={{
        columns: [f.outcome, f.count, f.share],
        rows: data.map((entry) => ({ key: entry.key, cells: [entry.label, formatCount(entry.count), share(entry.key)] })),
        foot: [f.total, formatCount(report.totals.issued), formatPercent(report.totals.issued === 0 ? null : 100)],
      }}
    />
  );
}

/** How many each advisor served, and their average time at the desk: names staff. */
export function AdvisorThroughput({ report }: { report: Report }) {
  const rows = advisorRows(report);
  const most = busiest(rows, (row) => row.served);
  const data = rows.map((row) => ({ label: row.label, served: row.served, averageService: oneDecimal(averageServiceMinutes(row)) }));
  return (
    <ChartPanel
      id="by-advisor"
      wide
      heading={t.charts.byAdvisor.heading}
      note={t.charts.byAdvisor.staffNote}
      summary={most === null ? t.charts.byAdvisor.none : t.charts.byAdvisor.summary(rows.length, most.label, most.served)}
      legend={[
        { label: f.served, colour: colours.served, kind: 'bar' },
        { label: f.averageService, colour: colours.service, kind: 'bar' },
      ]}
      chart={
        <ChartBox height={Math.max(160, data.length * 44 + 70)} shrinkWhenPrinted={false}>
          <ComposedChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={colours.grid} horizontal={false} />
            <YAxis type="category" dataKey="label" tick={tick} width={170} interval={0} />
            {/* Each axis's numbers in its series' colour: served along the foot, minutes along the top. */}
            <XAxis xAxisId="served" type="number" tick={{ ...tick, fill: colours.served }} allowDecimals={false} />
            <XAxis xAxisId="minutes" type="number" orientation="top" tick={{ ...tick, fill: colours.service }} />
            <Tooltip />
            <Bar xAxisId="served" dataKey="served" name={f.served} fill={colours.served} maxBarSize={18} {...still} />
            <Bar xAxisId="minutes" dataKey="averageService" name={f.averageService} fill={colours.service} maxBarSize={18} {...still} />
          </ComposedChart>
        </ChartBox>
      }
      table={{
        columns: [f.advisor, f.served, f.averageService],
        rows: rows.map((row) => ({ key: row.key, cells: [row.label, formatCount(row.served), formatMinutes(averageServiceMinutes(row))] })),
      }}
    />
  );
}
