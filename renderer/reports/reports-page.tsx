import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { downloadCsv as saveCsv } from '../components/download-file.js';
import { RangeForm, type RangeSubmit } from './range-form.js';
import { ReportCovers } from './report-covers.js';
import { quickRange, type DateRange } from './report-range.js';
import { ReportView } from './report-view.js';
import { PrintingProvider, usePrinting } from './printing.js';
import { useReport } from './use-report.js';
import './reports.css';

const t = text.reports;

/** The manager's reports for the site's calendar (`timeZone`): dates, totals, charts, CSV and print. */
export function ReportsPage({ timeZone }: { timeZone: string }) {
  const api = useApi();
  const [range, setRange] = useState<DateRange>(() => quickRange('last30', Date.now(), timeZone));
  const { state, load } = useReport();
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();
  const [download, setDownload] = useState<'idle' | 'busy' | 'failed'>('idle');
  const first = useRef(true);
  const printing = usePrinting();

  const onSubmit: RangeSubmit = (event: FormEvent, checked, next) => {
    setDownload('idle');
    void submit(event, checked, async () => {
      await load(next);
      clearErrors();
    });
  };

  // The last 30 days on arrival, as if the manager had asked for them.
  useEffect(() => {
    if (!first.current) return;
    first.current = false;
    load(range).catch(() => undefined);
  }, [load, range]);

  const report = state.status === 'ready' ? state.report : state.status === 'idle' ? null : state.previous;
  const shownRange = report === null ? null : { from: report.from, to: report.to };

  async function downloadCsv() {
    if (shownRange === null || download === 'busy') return;
    setDownload('busy');
    try {
      const csv = await api.exportReportCsv(shownRange);
      saveCsv(csv.fileName, csv.csv);
      setDownload('idle');
    } catch {
      setDownload('failed');
    }
  }

  return (
    <div className="reports" aria-busy={state.status === 'loading' || undefined}>
      <p className="lead reports__intro">{t.intro}</p>
      <RangeForm range={range} onRange={setRange} onSubmit={onSubmit} errors={errors} attempt={attempt} busy={busy} timeZone={timeZone} />
      <div className="reports__bar">
        <ReportCovers state={state} />
        {state.status === 'ready' && state.report.totals.issued > 0 && (
          <div className="reports__actions">
            <button type="button" className="button button--secondary" aria-disabled={download === 'busy' || undefined} onClick={() => void downloadCsv()}>
              {download === 'busy' ? t.actions.downloading : t.actions.download}
            </button>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t.actions.print}
            </button>
          </div>
        )}
      </div>
      {download === 'failed' && (
        <p className="notice notice--problem" role="alert">
          {t.actions.downloadFailed}
        </p>
      )}
      {state.status === 'failed' && errors.summary === null && Object.keys(errors.fields).length === 0 && (
        <div className="notice notice--problem" role="alert">
          <p>{t.failed}</p>
          <button type="button" className="button button--secondary" onClick={() => load(range).catch(() => undefined)}>
            {t.tryAgain}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <PrintingProvider value={printing}>
          <ReportView report={state.report} services={state.services} />
        </PrintingProvider>
      )}
    </div>
  );
}
