import { text } from '../i18n/text.js';
import { PrintHeader } from './print-header.js';
import type { PrintJob, PrintSite } from './print-job.js';
import { printedStamp } from './print-time.js';
import { estimatedWaitLine, peopleAheadLine } from './ticket-wording.js';

export type TicketJob = Extract<PrintJob, { kind: 'ticket' }>;

/** Numbers longer than `C014` (a busy day's `C1000`) print smaller, so they still fit across 72 mm. */
const longNumber = 5;

/**
 * The visitor's ticket. Numbers, the service and times only — never a name, address or reason:
 * a ticket gets left on a seat or dropped on the floor (`TicketView` carries none, on purpose).
 */
export function TicketPrint({ job, site, printedAt }: { job: TicketJob; site: PrintSite; printedAt: number }) {
  const t = text.print.ticket;
  const { ticket, position, estimatedWaitMinutes } = job.issued;
  const issued = printedStamp(ticket.issuedAt, site.timeZone);
  return (
    <>
      <PrintHeader siteName={site.siteName} />
      <h1 className="print__title">{t.heading}</h1>
      <p className={ticket.number.length >= longNumber ? 'print-ticket__number print-ticket__number--long' : 'print-ticket__number'}>{ticket.number}</p>
      <p className="print-ticket__service">{job.serviceName}</p>
      <p className="print__line">{t.issued(issued.time, issued.day)}</p>
      {job.reprint && <p className="print__marker">{t.reprinted(printedStamp(printedAt, site.timeZone).time)}</p>}
      <hr className="print__rule" />
      <p className="print-ticket__ahead">{peopleAheadLine(position)}</p>
      <p className="print__line">{estimatedWaitLine(estimatedWaitMinutes)}</p>
      <p className="print-ticket__watch">{t.watchScreen}</p>
      <hr className="print__rule" />
      <p className="print__small">{t.retention(site.retentionDays)}</p>
    </>
  );
}
