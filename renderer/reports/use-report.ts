import { useCallback, useEffect, useRef, useState } from 'react';
import type { Service } from '../../shared/domain/site.js';
import type { Report } from '../../shared/domain/stats.js';
import { useApi } from '../api/api-context.js';
import type { DateRange } from './report-range.js';

export type ReportState =
  | { status: 'idle' }
  | { status: 'loading'; previous: Report | null }
  | { status: 'ready'; report: Report; services: Service[] }
  | { status: 'failed'; error: unknown; previous: Report | null };

/**
 * The report for a range, with the services' targets beside it. Only the answer to the latest
 * request is shown: a slow answer for dates the manager has since changed is dropped.
 */
export function useReport() {
  const api = useApi();
  const [state, setState] = useState<ReportState>({ status: 'idle' });
  const latest = useRef(0);
  const shown = useRef<Report | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  /** Loads `range`; rejects with the core's refusal, so the form can put it on its fields. */
  const load = useCallback(
    async (range: DateRange): Promise<void> => {
      const request = ++latest.current;
      setState({ status: 'loading', previous: shown.current });
      try {
        const [report, services] = await Promise.all([api.getReport(range), api.listServices({})]);
        if (!live.current || request !== latest.current) return;
        shown.current = report;
        setState({ status: 'ready', report, services });
      } catch (error) {
        if (!live.current || request !== latest.current) return;
        setState({ status: 'failed', error, previous: shown.current });
        throw error;
      }
    },
    [api],
  );

  return { state, load };
}
