import type { Receipt } from '../../shared/domain/receipt.js';
import { useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { itemLine } from './evidence-items.js';
import { clockTime } from './visits-rules.js';

const t = text.evidence;

export type ReceiptCopy = 'visitor' | 'back-office';

interface EvidenceReceiptsProps {
  /** Null while they load. */
  receipts: readonly Receipt[] | null;
  timeZone: string | null;
  /** The receipt whose reprint is out: its buttons wait. */
  pending: number | null;
  /** A refusal or a failed print, shown under that receipt's buttons. */
  problem: { receiptId: number; message: string } | null;
  onPrint(receipt: Receipt, copy: ReceiptCopy): void;
}

/** The receipts already given on this visit, each with its reprint and its back-office copy. */
export function EvidenceReceipts({ receipts, timeZone, pending, problem, onPrint }: EvidenceReceiptsProps) {
  // Said beside the panel's own Save (evidence-panel.tsx).
  const hub = useNeedsHub('evidence-needs-hub');
  if (receipts === null) return <p className="hint">{text.loading}</p>;
  if (receipts.length === 0) return <p>{t.noReceipts}</p>;
  return (
    <ul className="evidence__receipts">
      {receipts.map((receipt) => {
        const waiting = pending === receipt.id || undefined;
        return (
          <li key={receipt.id} className="evidence__receipt">
            <p className="evidence__reference">
              <strong>{receipt.reference}</strong> {t.receivedAt(clockTime(receipt.receivedAt, timeZone), receipt.receivedBy.name)}
            </p>
            <ul className="evidence__lines">
              {receipt.items.map((item, index) => (
                <li key={index}>{itemLine(item)}</li>
              ))}
            </ul>
            <div className="visits__actions">
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t.reprintLabel(receipt.reference)}
                aria-disabled={hub.disabled(waiting === true)}
                aria-describedby={hub.describedBy()}
                onClick={() => pending === null && hub.reachable && onPrint(receipt, 'visitor')}
              >
                {t.reprint}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t.backOfficeLabel(receipt.reference)}
                aria-disabled={hub.disabled(waiting === true)}
                aria-describedby={hub.describedBy()}
                onClick={() => pending === null && hub.reachable && onPrint(receipt, 'back-office')}
              >
                {t.backOffice}
              </button>
            </div>
            {problem?.receiptId === receipt.id && (
              <p className="notice notice--problem evidence__problem" role="alert">
                {problem.message}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
