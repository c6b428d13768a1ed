import type { HistoryRow, Report } from '../../shared/domain/stats.js';
import type { Service } from '../../shared/domain/site.js';
import { daysOf, type DateRange } from './report-range.js';

const minute = 60_000;

/**
 * The report's derived figures, each from its own base (shared/domain/stats.ts): the average
 * wait over tickets called, the average desk time over tickets served, the share within target
 * over tickets called. Null where there is nothing to divide by, never a misleading 0.
 */
export function averageWaitMinutes(row: HistoryRow): number | null {
  return row.called === 0 ? null : row.waitMsSum / row.called / minute;
}

export function averageServiceMinutes(row: HistoryRow): number | null {
  return row.served === 0 ? null : row.serviceMsSum / row.served / minute;
}

/** 0–100. */
export function withinTargetPercent(row: HistoryRow): number | null {
  return row.called === 0 ? null : (row.withinTarget / row.called) * 100;
}

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/** One decimal place for minutes, as the CSV gives them. */
export function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

export function wholeNumber(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

export function emptyRow(key: string, label: string): HistoryRow {
  return {
    key,
    label,
    issued: 0,
    called: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    transferred: 0,
    withinTarget: 0,
    waitMsSum: 0,
    waitMsMax: 0,
    serviceMsSum: 0,
    serviceMsMax: 0,
  };
}

/** Every day of the range, a quiet day as a row of noughts, so a chart's gaps are real gaps. */
export function everyDay(report: Report, range: DateRange = report): HistoryRow[] {
  const byKey = new Map(report.byDay.map((row) => [row.key, row]));
  return daysOf(range).map((day) => byKey.get(day) ?? emptyRow(day, day));
}

/** The hours from the first to the last with any ticket, the quiet ones between as noughts. */
export function openHours(report: Report): HistoryRow[] {
  const hours = report.byHour.map((row) => Number(row.key));
  if (hours.length === 0) return [];
  const byKey = new Map(report.byHour.map((row) => [Number(row.key), row]));
  const rows: HistoryRow[] = [];
  for (let hour = Math.min(...hours); hour <= Math.max(...hours); hour += 1) {
    rows.push(byKey.get(hour) ?? emptyRow(String(hour), `${String(hour).padStart(2, '0')}:00`));
  }
  return rows;
}

export interface Outcomes {
  served: number;
  noShow: number;
  cancelled: number;
  /** Issued and none of the above: closed at the end of the day, or still open. */
  notCalled: number;
}

export function outcomesOf(row: HistoryRow): Outcomes {
  return {
    served: row.served,
    noShow: row.noShow,
    cancelled: row.cancelled,
    notCalled: Math.max(0, row.issued - row.served - row.noShow - row.cancelled),
  };
}

export interface ServiceTimes {
  key: string;
  label: string;
  averageWait: number | null;
  averageService: number | null;
  target: number | null;
}

/** Each service's average wait and desk time, beside its target wait (from `listServices`). */
export function serviceTimes(report: Report, services: readonly Service[]): ServiceTimes[] {
  const targets = new Map(services.map((service) => [String(service.id), service.targetWaitMinutes]));
  return report.byService.map((row) => ({
    key: row.key,
    label: row.label,
    averageWait: oneDecimal(averageWaitMinutes(row)),
    averageService: oneDecimal(averageServiceMinutes(row)),
    target: targets.get(row.key) ?? null,
  }));
}

/** Advisors who served anyone: the "not called" row (key 0) is tickets no advisor took. */
export function advisorRows(report: Report): HistoryRow[] {
  return report.byAdvisor.filter((row) => row.key !== '0' && row.served > 0);
}

/** The row with the most of `pick`, the first of equals; null when every row has none. */
export function busiest(rows: readonly HistoryRow[], pick: (row: HistoryRow) => number): HistoryRow | null {
  let best: HistoryRow | null = null;
  for (const row of rows) if (pick(row) > 0 && (best === null || pick(row) > pick(best))) best = row;
  return best;
}
