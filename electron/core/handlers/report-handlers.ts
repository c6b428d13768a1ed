import type { Handlers } from '../call-context.js';
import { listAudit } from '../audit.js';
import { listPurgeLog, purge } from '../retention.js';
import { logPurge } from '../site-log.js';
import { history } from '../stats/history.js';
import { liveSnapshot } from '../stats/live-snapshot.js';
import { report } from '../stats/report.js';
import { reportCsv } from '../stats/report-csv.js';
import { displayState } from '../queue/display-state.js';
import { today } from '../queue/site-day.js';
import { nextLocalDay, startOfLocalDay } from '../local-time.js';

export const reportHandlers = {
  getDisplayState(_input, ctx) {
    return displayState(ctx.db, today(ctx), ctx.settings());
  },
  getLiveSnapshot(_input, ctx) {
    return liveSnapshot(ctx.db, ctx.now, today(ctx).day);
  },
  getHistory(input, ctx) {
    return history(ctx.db, input.from, input.to, input.groupBy);
  },
  getReport(input, ctx) {
    return report(ctx.db, input.from, input.to);
  },
  exportReportCsv(input, ctx) {
    ctx.audit('report.export');
    return reportCsv(report(ctx.db, input.from, input.to));
  },
  listAudit(input, ctx) {
    const { from, to, ...filter } = input;
    const { timeZone } = ctx.settings();
    return listAudit(ctx.db, {
      ...filter,
      fromMs: from === undefined ? undefined : startOfLocalDay(from, timeZone),
      toMs: to === undefined ? undefined : startOfLocalDay(nextLocalDay(to, timeZone), timeZone),
    });
  },
  listPurgeLog(input, ctx) {
    return listPurgeLog(ctx.db, input);
  },
  runPurge(_input, ctx) {
    ctx.audit('purge.run');
    // A WAL checkpoint cannot run inside the call's transaction, so the purge runs just after it.
    const settings = ctx.settings();
    return Promise.resolve().then(() => {
      const entry = purge(ctx.db, ctx.now, settings, 'manual');
      logPurge(ctx.log, entry);
      return entry;
    });
  },
} satisfies Partial<Handlers>;
