import { lazy, Suspense } from 'react';
import type { Session } from '../../shared/domain/staff.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { useDocumentTitle } from '../routing/use-document-title.js';

// Loaded when a manager first opens Reports: the charts library stays out of every other screen's start.
const ReportsPage = lazy(() => import('../reports/reports-page.js').then((module) => ({ default: module.ReportsPage })));

interface ReportsHomeProps {
  session: Session;
  siteName: string | null;
  timeZone: string | null;
}

/** The manager's reports: a date range, charts and the figures' CSV (renderer/reports/). */
export function ReportsHome({ session, siteName, timeZone }: ReportsHomeProps) {
  const t = text.reports;
  useDocumentTitle(t.title, siteName);
  return (
    <StaffFrame route="reports" title={t.title} session={session} siteName={siteName}>
      {/* Dates mean the site's calendar: nothing is asked for until the site's time zone is known. */}
      {timeZone === null ? (
        <p role="status">{t.loading}</p>
      ) : (
        <Suspense fallback={<p role="status">{t.loading}</p>}>
          <ReportsPage timeZone={timeZone} />
        </Suspense>
      )}
    </StaffFrame>
  );
}
