import { Fragment, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Service } from '../../shared/domain/site.js';
import type { VisitMatch } from '../../shared/domain/visit.js';
import { useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { clockTime, rowActions, serviceLabel, statusWord } from './visits-rules.js';

const t = text.visits;
const columns = 8;

/** Stable element ids, so focus can land on a row's button again after the list is refreshed. */
export const rowButtonId = (visitId: number, action: 'reprint' | 'cancel' | 'evidence'): string => `visit-${visitId}-${action}`;

export interface VisitsTableProps {
  visits: readonly VisitMatch[];
  caption: string;
  services: readonly Service[];
  timeZone: string | null;
  /** The visit whose call is out: its buttons wait. */
  pending: number | null;
  /** The visit whose cancel is being confirmed. */
  confirming: number | null;
  /** A refusal or a failed print, shown under that visit's row. */
  problem: { visitId: number; message: string } | null;
  onReprint(visit: VisitMatch): void;
  onAskCancel(visit: VisitMatch): void;
  onConfirmCancel(visit: VisitMatch): void;
  onKeep(visit: VisitMatch): void;
  onEvidence(visit: VisitMatch): void;
}

export function VisitsTable(props: VisitsTableProps) {
  const { visits, caption, services, timeZone } = props;
  return (
    <div className="visits__scroll">
      <table className="table visits__table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.ticket}</th>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.postcode}</th>
            <th scope="col">{t.columns.service}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.issued}</th>
            <th scope="col" className="visits__number">
              {t.columns.receipts}
            </th>
            <th scope="col">{t.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((visit) => {
            const id = visit.ticket.visitId;
            return (
              <Fragment key={id}>
                <tr className={props.confirming === id || props.problem?.visitId === id ? 'visits__row visits__row--open' : 'visits__row'}>
                  <th scope="row" className="visits__ticket">
                    {visit.ticket.number}
                  </th>
                  {/* Text, never markup: a name is shown exactly as it was typed. */}
                  <td className="visits__name">{visit.visitorName}</td>
                  <td>{visit.noFixedAbode || visit.postcode === null ? t.noFixedAbode : visit.postcode}</td>
                  <td>{serviceLabel(services, visit.ticket.serviceId)}</td>
                  <td>{statusWord(visit.ticket.status)}</td>
                  <td>{clockTime(visit.ticket.issuedAt, timeZone)}</td>
                  <td className="visits__number">{visit.receipts}</td>
                  <td>
                    <RowButtons {...props} visit={visit} />
                  </td>
                </tr>
                {props.confirming === id && (
                  <tr className="visits__extra">
                    <td colSpan={columns}>
                      <ConfirmCancel visit={visit} busy={props.pending === id} onConfirm={props.onConfirmCancel} onKeep={props.onKeep} />
                    </td>
                  </tr>
                )}
                {props.problem?.visitId === id && (
                  <tr className="visits__extra">
                    <td colSpan={columns}>
                      <p className="notice notice--problem visits__problem" role="alert">
                        {props.problem.message}
                      </p>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The note beside today's visits that says why their actions wait (todays-visits.tsx). */
export const visitsNeedHubNote = 'visits-search-needs-hub';

function RowButtons({ visit, pending, confirming, onReprint, onAskCancel, onEvidence }: VisitsTableProps & { visit: VisitMatch }) {
  const id = visit.ticket.visitId;
  const number = visit.ticket.number;
  const allowed = rowActions(visit.ticket.status);
  // The note saying why is beside the search, above the table (todays-visits.tsx).
  const hub = useNeedsHub(visitsNeedHubNote);
  const waiting = hub.disabled(pending === id);
  return (
    <div className="visits__actions">
      {allowed.reprint && (
        <button
          type="button"
          id={rowButtonId(id, 'reprint')}
          className="button button--secondary button--small"
          aria-label={t.reprintLabel(number)}
          aria-disabled={waiting}
          aria-describedby={hub.describedBy()}
          onClick={() => pending === null && hub.reachable && onReprint(visit)}
        >
          {t.reprint}
        </button>
      )}
      {allowed.cancel && (
        <button
          type="button"
          id={rowButtonId(id, 'cancel')}
          className="button button--secondary button--small"
          aria-label={t.cancelLabel(number)}
          aria-expanded={confirming === id}
          aria-disabled={waiting}
          aria-describedby={hub.describedBy()}
          onClick={() => pending === null && hub.reachable && onAskCancel(visit)}
        >
          {t.cancel}
        </button>
      )}
      <button type="button" id={rowButtonId(id, 'evidence')} className="button button--small" aria-label={t.evidenceLabel(number)} onClick={() => onEvidence(visit)}>
        {t.evidence}
      </button>
    </div>
  );
}

interface ConfirmCancelProps {
  visit: VisitMatch;
  busy: boolean;
  onConfirm(visit: VisitMatch): void;
  onKeep(visit: VisitMatch): void;
}

/**
 * "Cancel ticket C014? It leaves the queue." The question takes focus, so that it is read out and
 * a second Enter cannot cancel by accident; Tab reaches Confirm, then Keep. Escape keeps.
 */
function ConfirmCancel({ visit, busy, onConfirm, onKeep }: ConfirmCancelProps) {
  const ref = useRef<HTMLDivElement>(null);
  const number = visit.ticket.number;
  const questionId = `visit-${visit.ticket.visitId}-confirm-question`;
  const hub = useNeedsHub(visitsNeedHubNote);
  useEffect(() => ref.current?.focus(), []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onKeep(visit);
  }

  return (
    <div ref={ref} className="visits__confirm" role="group" aria-labelledby={questionId} tabIndex={-1} onKeyDown={onKeyDown}>
      <p className="visits__question" id={questionId}>
        {t.confirmCancel(number)}
      </p>
      <div className="visits__actions">
        <button type="button" className="button button--small" aria-label={t.confirmLabel(number)} aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()} onClick={() => !busy && hub.reachable && onConfirm(visit)}>
          {t.confirm}
        </button>
        <button type="button" className="button button--secondary button--small" aria-label={t.keepLabel(number)} onClick={() => onKeep(visit)}>
          {t.keep}
        </button>
        <span className="hint visits__keys">{t.escapeKeeps}</span>
      </div>
    </div>
  );
}
