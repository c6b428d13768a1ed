import { text } from '../i18n/text.js';
import { formatDay } from './report-range.js';
import type { ReportState } from './use-report.js';

const t = text.reports;
const long = (day: string) => formatDay(day, t.formats.longDay);

/** Which dates are on screen, and from when the site holds any figures at all; spoken when it changes. */
export function ReportCovers({ state }: { state: ReportState }) {
  let words: string[] = [];
  if (state.status === 'loading' || state.status === 'idle') words = [t.loading];
  else if (state.status === 'ready') {
    const { from, to, firstDay } = state.report;
    words = [from === to ? t.coversOneDay(long(from)) : t.covers(long(from), long(to))];
    if (firstDay === null) words.push(t.heldNone);
    else words.push(firstDay > from ? t.heldFromLater(long(firstDay)) : t.heldFrom(long(firstDay)));
  }
  return (
    <p className="reports__covers" role="status">
      {words.join(' ')}
    </p>
  );
}
