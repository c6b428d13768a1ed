import { describe, expect, it } from 'vitest';
import type { HistoryRow, Report } from '../../../shared/domain/stats.js';
import {
  advisorRows,
  averageServiceMinutes,
  averageWaitMinutes,
  emptyRow,
  everyDay,
  openHours,
  outcomesOf,
  serviceTimes,
  withinTargetPercent,
} from '../../../renderer/reports/report-figures.js';

const minute = 60_000;

function row(key: string, figures: Partial<HistoryRow>): HistoryRow {
  return { ...emptyRow(key, key), ...figures };
}

function report(parts: Partial<Report>): Report {
  return { from: '2026-03-01', to: '2026-03-04', firstDay: '2026-03-01', totals: emptyRow('total', 'Total'), byDay: [], byHour: [], byService: [], byDesk: [], byAdvisor: [], ...parts };
}

describe('the figures a report screen works out', () => {
  it('averages the wait over tickets called and the desk time over tickets served, each on its own base', () => {
    const r = row('x', { issued: 10, called: 8, served: 5, withinTarget: 6, waitMsSum: 8 * 12 * minute, serviceMsSum: 5 * 20 * minute });
    expect(averageWaitMinutes(r)).toBe(12);
    expect(averageServiceMinutes(r)).toBe(20);
    expect(withinTargetPercent(r)).toBe(75);
  });

  it('gives nothing, not a misleading nought, where nobody was called or served', () => {
    const r = row('x', { issued: 3 });
    expect(averageWaitMinutes(r)).toBeNull();
    expect(averageServiceMinutes(r)).toBeNull();
    expect(withinTargetPercent(r)).toBeNull();
  });

  it('shows every day of the range, a quiet day as noughts', () => {
    const days = everyDay(report({ byDay: [row('2026-03-02', { issued: 4 })] }));
    expect(days.map((d) => [d.key, d.issued])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 4],
      ['2026-03-03', 0],
      ['2026-03-04', 0],
    ]);
  });

  it('fills the quiet hours between the first and the last busy one', () => {
    const hours = openHours(report({ byHour: [row('9', { issued: 2 }), row('11', { issued: 1 })] }));
    expect(hours.map((h) => [h.key, h.label, h.issued])).toEqual([
      ['9', '9', 2],
      ['10', '10:00', 0],
      ['11', '11', 1],
    ]);
  });

  it('counts the tickets that were neither served, a no-show nor cancelled as not called', () => {
    expect(outcomesOf(row('t', { issued: 20, served: 12, noShow: 3, cancelled: 1 }))).toEqual({ served: 12, noShow: 3, cancelled: 1, notCalled: 4 });
  });

  it('puts each service’s target beside its average wait, by the service’s id', () => {
    const r = report({ byService: [row('2', { label: 'Housing', called: 2, waitMsSum: 2 * 25 * minute, served: 1, serviceMsSum: 10 * minute })] });
    const services = [{ id: 2, name: 'Housing', letter: 'H', targetWaitMinutes: 20, order: 0, active: true }];
    expect(serviceTimes(r, services)).toEqual([{ key: '2', label: 'Housing', averageWait: 25, averageService: 10, target: 20 }]);
  });

  it('leaves out of the advisors the tickets no advisor took', () => {
    const rows = advisorRows(report({ byAdvisor: [row('0', { issued: 5 }), row('7', { served: 3 }), row('8', { served: 0 })] }));
    expect(rows.map((r) => r.key)).toEqual(['7']);
  });
});
