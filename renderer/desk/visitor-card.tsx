import { useEffect, useRef, useState, type Ref } from 'react';
import type { Service } from '../../shared/domain/site.js';
import type { TicketView, VisitDetails, VisitMatch } from '../../shared/domain/visit.js';
import { useApi } from '../api/api-context.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { EvidencePanel } from '../reception/evidence-panel.js';
import { clockTime } from '../reception/visits-rules.js';
import { deskKeys, type DeskKey } from './desk-keys.js';
import { FinishForm, finishNeedsHubNote } from './finish-form.js';
import { TransferForm } from './transfer-form.js';
import { useDeskKeys } from './use-desk-keys.js';
import type { DeskSteps } from './use-desk-steps.js';
import { useVisitRecord } from './use-visit-record.js';
import { VisitFacts } from './visit-facts.js';
import { minutesSince } from './wait-level.js';

const t = text.desk.card;
const done = text.desk.done;

/** Reception's evidence panel takes a visit as reception's search finds it: built from the record the desk opened. */
export function visitMatchOf(details: VisitDetails, receipts: number): VisitMatch {
  const { visitor, reason: _reason, note: _note, ...ticket } = details;
  return { ticket, visitorName: visitor.name, postcode: visitor.postcode, noFixedAbode: visitor.noFixedAbode, receipts };
}

type Focus = 'start' | 'outcome' | 'transfer' | 'evidence';

interface VisitorCardProps {
  ticket: TicketView;
  services: readonly Service[];
  steps: DeskSteps;
  now: number;
  timeZone: string | null;
  /** Just called here: focus goes to Start, so Enter starts when the visitor sits down. */
  focusStart: boolean;
  /** A step's answer, and what to say of it. */
  onStep(ticket: TicketView, message: string): void;
}

/**
 * The visitor called to this desk: the ticket large, who they are and why they came, and each
 * step the ticket can take now, with its key. Mount with `key={ticket.visitId}`: the next visitor
 * starts with empty notes, while a refusal keeps whatever was typed.
 */
export function VisitorCard({ ticket, services, steps, now, timeZone, focusStart, onStep }: VisitorCardProps) {
  const api = useApi();
  const record = useVisitRecord(ticket.visitId);
  const [transferring, setTransferring] = useState(false);
  const [evidence, setEvidence] = useState(false);
  const card = useRef<HTMLElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const transferButton = useRef<HTMLButtonElement>(null);
  const evidenceButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<Focus | null>(focusStart ? 'start' : null);
  const { visitId, number } = ticket;
  const called = ticket.status === 'called';
  const serving = ticket.status === 'serving';
  // One note per card: while serving, the finish form's (beside Finish) says it for Park too.
  const hubNote = serving ? finishNeedsHubNote : `desk-card-${ticket.visitId}-needs-hub`;
  const hub = useNeedsHub(hubNote);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === 'start') startButton.current?.focus();
    else if (target === 'transfer') transferButton.current?.focus();
    else if (target === 'evidence') evidenceButton.current?.focus();
    else focusOutcome();
  });

  function focusOutcome() {
    const outcomes = card.current?.querySelectorAll<HTMLInputElement>('.desk-finish input[type="radio"]');
    const chosen = Array.from(outcomes ?? []).find((radio) => radio.checked);
    (chosen ?? outcomes?.[0])?.focus();
  }

  const step = (where: DeskKey, call: () => Promise<TicketView>, message: string, after?: Focus) =>
    void steps.run(where, call, (answer) => {
      if (after !== undefined) focusNext.current = after;
      onStep(answer, message);
    });
  const recall = () => step('recall', () => api.recallTicket({ visitId }), done.recalled(number));
  const start = () => step('start', () => api.startService({ visitId }), done.started(number), 'outcome');
  const noShow = () => step('no-show', () => api.markNoShow({ visitId }), done.noShow(number));
  const park = () => step('park', () => api.parkTicket({ visitId }), done.parked(number));
  const openTransfer = () => {
    if (transferring) document.getElementById(`transfer-${visitId}-serviceId`)?.focus();
    else setTransferring(true);
  };

  useDeskKeys({
    recall: called ? recall : undefined,
    start: called ? start : undefined,
    'no-show': called ? noShow : undefined,
    park: called || serving ? park : undefined,
    transfer: called || serving ? openTransfer : undefined,
    finish: serving ? focusOutcome : undefined,
  });

  const refused = steps.refusal !== null && ['recall', 'start', 'no-show', 'park'].includes(steps.refusal.where) ? steps.refusal : null;
  const refusalId = `desk-card-${visitId}-refusal`;
  const button = (where: DeskKey, label: string, onClick: () => void, primary = false, ref?: Ref<HTMLButtonElement>) => (
    <button
      ref={ref}
      type="button"
      className={primary ? 'button desk-step desk-step--wide' : 'button button--secondary desk-step'}
      aria-keyshortcuts={deskKeys[where]}
      aria-disabled={hub.disabled(steps.busy !== null)}
      aria-describedby={hub.describedBy(refused?.where === where ? refusalId : null)}
      onClick={onClick}
    >
      {label}
      <span className="visually-hidden"> {number}</span>
      <kbd className="desk-kbd" aria-hidden="true">
        {deskKeys[where]}
      </kbd>
    </button>
  );

  const refusal = refused === null ? null : (
    <p className="desk-refusal" id={refusalId} role="alert">
      {refused.message}
    </p>
  );

  const waited = minutesSince(ticket.queuedAt, ticket.calledAt ?? now);
  const when = serving && ticket.startedAt !== null ? t.servingSince(clockTime(ticket.startedAt, timeZone)) : t.calledAt(clockTime(ticket.calledAt ?? now, timeZone));
  return (
    <section ref={card} className={`desk-card desk-card--${ticket.status}`} aria-labelledby="desk-card-title">
      <div className="desk-card__head">
        <p className="desk-card__status">{serving ? t.statuses.serving : t.statuses.called}</p>
        <h2 className="desk-card__number" id="desk-card-title">
          <span className="visually-hidden">{t.ticket} </span>
          {number}
        </h2>
        <p className="desk-card__times">
          {when} · {t.waited(waited)}
          {ticket.recalls > 0 && <> · {t.recalls(ticket.recalls)}</>}
        </p>
      </div>
      {ticket.callByNumberOnly && (
        <p className="desk-card__by-number">
          <span aria-hidden="true">⚠ </span>
          {t.byNumberOnly}
        </p>
      )}
      <div className="desk-card__body">
        <div className="desk-card__about">
          <VisitFacts
            ticket={ticket}
            record={record}
            services={services}
            timeZone={timeZone}
            evidence={
              record.details !== null && (
                <button ref={evidenceButton} type="button" className="button button--secondary button--small desk-card__evidence-button" aria-expanded={evidence} onClick={() => setEvidence((open) => !open)}>
                  {t.evidence}
                  <span className="visually-hidden"> {t.evidenceFor(number)}</span>
                </button>
              )
            }
          />
          {/* Set aside or sent on: rarer than the steps beside, and the same whether called or served. */}
          <div className="desk-card__more" role="group" aria-label={t.moreSteps(number)}>
            {button('park', t.park, park)}
            <button ref={transferButton} type="button" className="button button--secondary desk-step" aria-keyshortcuts={deskKeys.transfer} aria-expanded={transferring} onClick={openTransfer}>
              {t.transfer}
              <span className="visually-hidden"> {number}</span>
              <kbd className="desk-kbd" aria-hidden="true">
                {deskKeys.transfer}
              </kbd>
            </button>
          </div>
          {refused?.where === 'park' && refusal}
        </div>
        <div className="desk-card__steps">
          {called && (
            <div className="desk-card__actions" role="group" aria-label={t.actions(number)}>
              {button('start', t.start, start, true, startButton)}
              {button('recall', t.recall, recall)}
              {button('no-show', t.noShow, noShow)}
            </div>
          )}
          {!serving && <NeedsHubNote id={hubNote} />}
          {refused !== null && refused.where !== 'park' && refusal}
          {serving && <FinishForm ticket={ticket} onFinished={(answer, outcome) => onStep(answer, done.finished(number, text.desk.finish.outcomes[outcome]))} />}
          {transferring && (
            <TransferForm
              ticket={ticket}
              services={services}
              onTransferred={(answer, service) => onStep(answer, done.transferred(number, service.name))}
              onCancel={() => {
                focusNext.current = 'transfer';
                setTransferring(false);
              }}
            />
          )}
        </div>
      </div>
      {evidence && record.details !== null && (
        <div className="desk-card__evidence">
          <EvidencePanel
            key={visitId}
            visit={visitMatchOf(record.details, record.receipts?.length ?? 0)}
            onClose={() => {
              focusNext.current = 'evidence';
              setEvidence(false);
              record.reloadReceipts();
            }}
          />
        </div>
      )}
    </section>
  );
}
