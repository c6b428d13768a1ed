import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { printedStamp } from '../print/print-time.js';
import { estimatedWaitLine, peopleAheadLine } from '../print/ticket-wording.js';
import type { IssuedVisit } from './visitor-form.js';

interface IssuedTicketProps {
  last: IssuedVisit | null;
  timeZone: string;
  /** What the last print said: how it went, or why nothing printed. */
  printNote: { ok: boolean; message: string } | null;
  busy: boolean;
  onPrintAgain(): void;
  onEvidence(): void;
}

/**
 * The ticket this screen issued last, as the visitor's copy says it (number, service, people
 * ahead, wait), with a reprint and the way to record evidence. A print that failed is an alert,
 * announced without taking focus from the form.
 */
export function IssuedTicket({ last, timeZone, printNote, busy, onPrintAgain, onEvidence }: IssuedTicketProps) {
  const t = text.reception.issued;
  const hub = useNeedsHub('issued-needs-hub');

  return (
    <section className="issued" aria-labelledby="issued-title">
      <h2 className="issued__title" id="issued-title">
        {t.heading}
      </h2>
      {last === null ? (
        <p className="issued__none">{t.none}</p>
      ) : (
        <>
          <p className="issued__number">{last.issued.ticket.number}</p>
          <p className="issued__service">
            {last.service.name} · {printedStamp(last.issued.ticket.issuedAt, timeZone).time}
          </p>
          <p className="issued__place">
            {peopleAheadLine(last.issued.position)}. {estimatedWaitLine(last.issued.estimatedWaitMinutes)}.
          </p>
          {printNote !== null && (
            // An alert is read out where focus is: focus stays in the form, where the next visitor's name goes.
            <p className={printNote.ok ? 'notice issued__printed' : 'notice notice--problem'} role={printNote.ok ? 'status' : 'alert'}>
              {printNote.message}
            </p>
          )}
          <NeedsHubNote id="issued-needs-hub" />
          <div className="form__actions">
            <button type="button" className="button button--secondary" aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()} onClick={() => hub.reachable && onPrintAgain()}>
              {t.printAgain(last.issued.ticket.number)}
            </button>
            <button type="button" className="button button--secondary" onClick={onEvidence}>
              {t.evidence(last.issued.ticket.number)}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
