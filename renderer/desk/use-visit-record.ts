import { useCallback, useEffect, useState } from 'react';
import type { Receipt } from '../../shared/domain/receipt.js';
import type { VisitDetails } from '../../shared/domain/visit.js';
import { useApi } from '../api/api-context.js';
import { useConnectionStore } from '../state/connection-store.js';
import { refusalMessage } from './use-desk-steps.js';

export interface VisitRecord {
  details: VisitDetails | null;
  receipts: Receipt[] | null;
  /** Why the record could not be opened, in the core's words. */
  problem: string | null;
  reloadReceipts(): void;
}

/**
 * The called visitor's record (getVisit: audited, so opened once per visit, not on every queue
 * event) and its receipts (again after evidence is recorded). Tried again when a lost
 * connection comes back, if it had not arrived.
 */
export function useVisitRecord(visitId: number): VisitRecord {
  const api = useApi();
  const reachable = useConnectionStore((state) => state.reachable);
  const [details, setDetails] = useState<VisitDetails | null>(null);
  const [receipts, setReceipts] = useState<Receipt[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [receiptsAsked, setReceiptsAsked] = useState(0);
  const haveDetails = details !== null && details.visitId === visitId;

  useEffect(() => {
    if (!reachable || haveDetails) return;
    let live = true;
    api.getVisit({ visitId }).then(
      (found) => {
        if (!live) return;
        setDetails(found);
        setProblem(null);
      },
      (error: unknown) => {
        if (live) setProblem(refusalMessage(error));
      },
    );
    return () => {
      live = false;
    };
  }, [api, visitId, reachable, haveDetails]);

  useEffect(() => {
    if (!reachable) return;
    let live = true;
    api.listReceipts({ visitId }).then(
      (list) => {
        if (live) setReceipts(list);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, visitId, reachable, receiptsAsked]);

  const reloadReceipts = useCallback(() => setReceiptsAsked((n) => n + 1), []);
  return { details: haveDetails ? details : null, receipts, problem, reloadReceipts };
}
