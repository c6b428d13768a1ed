import type { ReactNode } from 'react';
import type { Service } from '../../shared/domain/site.js';
import type { TicketView, VisitDetails, VisitorNeeds } from '../../shared/domain/visit.js';
import { text } from '../i18n/text.js';
import { clockTime, serviceLabel } from '../reception/visits-rules.js';
import type { VisitRecord } from './use-visit-record.js';

const t = text.desk.card;

/** The visitor's needs in words, or nothing when none was noted. */
export function needsWords(needs: VisitorNeeds): string[] {
  const words: string[] = [];
  if (needs.interpreter) words.push(t.interpreter(needs.language));
  if (needs.hearing) words.push(t.hearing);
  if (needs.mobility) words.push(t.mobility);
  return words;
}

interface VisitFactsProps {
  ticket: TicketView;
  record: VisitRecord;
  services: readonly Service[];
  timeZone: string | null;
  /** The way to record evidence, beside the receipts. */
  evidence: ReactNode;
}

/**
 * What the advisor needs before the visitor sits down. The name is shown here and nowhere else
 * on the desk screen (the card puts the call-by-number-only warning above it).
 */
export function VisitFacts({ ticket, record, services, timeZone, evidence }: VisitFactsProps) {
  const { details, receipts, problem } = record;
  const needs = needsWords(ticket.needs);
  return (
    <div className="desk-facts">
      {problem !== null && details === null && (
        <p className="desk-refusal" role="alert">
          {problem}
        </p>
      )}
      {problem === null && details === null && <p className="hint">{t.loading}</p>}
      {details !== null && <VisitorName details={details} />}
      <dl className="desk-facts__list">
        <dt>{t.service}</dt>
        <dd>
          {serviceLabel(services, ticket.serviceId)}
          {ticket.transfers > 0 && <span className="desk-facts__aside"> · {t.transfers(ticket.transfers)}</span>}
        </dd>
        {details !== null && (
          <>
            <dt>{t.reason}</dt>
            <dd className="desk-facts__text">{details.reason.trim() === '' ? <span className="hint">{t.noReason}</span> : details.reason}</dd>
          </>
        )}
        <dt>{t.needs}</dt>
        <dd>{needs.length === 0 ? <span className="hint">{t.noNeeds}</span> : <strong>{needs.join(' · ')}</strong>}</dd>
        <dt>{t.priority}</dt>
        <dd>{ticket.priority === null ? <span className="hint">{t.notPriority}</span> : <strong>{text.reception.form.priorities[ticket.priority]}</strong>}</dd>
        {details !== null && details.note !== null && (
          <>
            <dt>{t.earlierNote}</dt>
            <dd className="desk-facts__text">{details.note}</dd>
          </>
        )}
        <dt>{t.receipts}</dt>
        <dd>
          <span className="desk-facts__receipts-line">
            {receipts === null ? <span className="hint">{text.loading}</span> : t.receiptsCount(receipts.length)}
            {evidence}
          </span>
          {receipts !== null && receipts.length > 0 && (
            <ul className="desk-facts__receipts">
              {receipts.map((receipt) => (
                <li key={receipt.id}>{t.receiptLine(receipt.reference, clockTime(receipt.receivedAt, timeZone), receipt.items.length)}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </div>
  );
}

function VisitorName({ details }: { details: VisitDetails }) {
  return (
    <p className="desk-card__name">
      <span className="desk-card__name-label">{t.name}</span> <span className="desk-card__name-value">{details.visitor.name}</span>
    </p>
  );
}
