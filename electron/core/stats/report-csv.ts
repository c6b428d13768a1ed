import { stringify } from 'csv-stringify/sync';
import type { HistoryRow, Report, ReportCsv } from '../../../shared/domain/stats.js';

const minute = 60_000;

/**
 * The columns are for scripts as much as for people, so they are fixed machine names, not the
 * screen's words. Every figure is anonymous; the advisor rows name staff.
 */
const columns = [
  'grouping',
  'key',
  'label',
  'issued',
  'called',
  'served',
  'no_show',
  'cancelled',
  'transferred',
  'within_target',
  'within_target_percent',
  'average_wait_minutes',
  'longest_wait_minutes',
  'average_service_minutes',
  'longest_service_minutes',
] as const;

const groupings = [
  ['total', (r: Report) => [r.totals]],
  ['day', (r: Report) => r.byDay],
  ['hour', (r: Report) => r.byHour],
  ['service', (r: Report) => r.byService],
  ['desk', (r: Report) => r.byDesk],
  ['advisor', (r: Report) => r.byAdvisor],
] as const;

/** One decimal place, or empty when there is nothing to divide by. */
function ratio(part: number, whole: number, scale = 1): string {
  return whole === 0 ? '' : String(Math.round((part / whole) * scale * 10) / 10);
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or return before one) as a
 * formula; names come from staff typing, so such a label is written with a leading apostrophe
 * (OWASP, "CSV Injection").
 */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function line(grouping: string, row: HistoryRow): string[] {
  return [
    grouping,
    row.key,
    inert(row.label),
    String(row.issued),
    String(row.called),
    String(row.served),
    String(row.noShow),
    String(row.cancelled),
    String(row.transferred),
    String(row.withinTarget),
    ratio(row.withinTarget, row.called, 100),
    ratio(row.waitMsSum, row.called * minute),
    ratio(row.waitMsMax, minute),
    ratio(row.serviceMsSum, row.served * minute),
    ratio(row.serviceMsMax, minute),
  ];
}

export function reportCsv(report: Report): ReportCsv {
  const rows = groupings.flatMap(([grouping, rowsOf]) => rowsOf(report).map((row) => line(grouping, row)));
  return {
    fileName: `one-stop-queue-report-${report.from}-to-${report.to}.csv`,
    csv: stringify(rows, { header: true, columns: [...columns], record_delimiter: 'windows' }),
  };
}
