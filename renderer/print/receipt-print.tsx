import type { EvidenceItem, EvidenceKind } from '../../shared/domain/receipt.js';
import { text } from '../i18n/text.js';
import { PrintHeader } from './print-header.js';
import type { PrintJob, PrintSite } from './print-job.js';
import { printedLongDate, printedStamp } from './print-time.js';

export type ReceiptJob = Extract<PrintJob, { kind: 'receipt' }>;

/** Every kind of evidence has words; a new kind fails to compile until it has. */
const kindWords: Record<EvidenceKind, string> = text.print.kinds;

/**
 * The evidence receipt: what the visitor handed in, who took it, and how long the record is kept.
 * The visitor's name and the descriptions are the receptionist's typing, so they are only ever
 * React text (escaped), never markup.
 */
export function ReceiptPrint({ job, site }: { job: ReceiptJob; site: PrintSite }) {
  const t = text.print.receipt;
  const { receipt } = job;
  const received = printedStamp(receipt.receivedAt, site.timeZone);
  const band = job.copy === 'back-office' ? <p className="print__band">{t.backOffice}</p> : null;
  return (
    <>
      <PrintHeader siteName={site.siteName} />
      {band}
      <h1 className="print__title">{t.heading}</h1>
      <p className="print-receipt__label">{t.reference}</p>
      <p className="print-receipt__reference">{receipt.reference}</p>
      <p className="print__line">{t.received(received.time, received.day)}</p>
      <dl className="print-receipt__facts">
        <div>
          <dt>{t.visitor}</dt>
          <dd>{receipt.visitorName}</dd>
        </div>
        <div>
          <dt>{t.ticket}</dt>
          <dd>{receipt.ticketNumber}</dd>
        </div>
      </dl>
      <h2 className="print-receipt__items-title">{t.items(receipt.items.length)}</h2>
      {receipt.items.length === 0 ? (
        <p>{t.noItems}</p>
      ) : (
        <ol className="print-receipt__items">
          {receipt.items.map((item, index) => (
            <EvidenceLine key={index} item={item} />
          ))}
        </ol>
      )}
      <p className="print__line">{t.receivedBy(receipt.receivedBy.name)}</p>
      <hr className="print__rule" />
      <p className="print__small">{t.retention(receipt.retentionDays, printedLongDate(receipt.deleteAfter))}</p>
      {band}
    </>
  );
}

function EvidenceLine({ item }: { item: EvidenceItem }) {
  const t = text.print.receipt;
  return (
    <li className="print-receipt__item">
      <p className="print-receipt__item-kind">{t.itemSummary(kindWords[item.kind], t.pages(item.count))}</p>
      {item.description.trim() !== '' && <p className="print-receipt__item-description">{item.description}</p>}
      <p className="print-receipt__item-handling">{t.itemHandling(item.original ? t.original : t.copy, item.returned ? t.returned : t.kept)}</p>
    </li>
  );
}
