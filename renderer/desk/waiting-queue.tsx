import type { Service } from '../../shared/domain/site.js';
import type { TicketView } from '../../shared/domain/visit.js';
import { useNeedsHub } from '../components/needs-hub.js';
import { deskNeedsHubNote } from './call-next.js';
import { text } from '../i18n/text.js';
import type { DeskSteps } from './use-desk-steps.js';
import { needsWords } from './visit-facts.js';
import { minutesSince, waitLevel, type WaitLevel } from './wait-level.js';

const t = text.desk.queue;
const levelIcon: Readonly<Record<WaitLevel, string>> = { ok: '✓', near: '●', over: '▲' };

interface WaitingQueueProps {
  /** Null until the first answer. */
  waiting: readonly TicketView[] | null;
  parked: readonly TicketView[];
  noShows: readonly TicketView[];
  services: readonly Service[];
  steps: DeskSteps;
  now: number;
  /** While the desk is paused nobody is called to it: the list shows, the buttons do not. */
  mayCall: boolean;
  onCall(ticket: TicketView): void;
  onResume(ticket: TicketView): void;
  onReinstate(ticket: TicketView): void;
}

/**
 * The queue for this desk's services in call order — numbers, services, waits and needs, never a
 * name — each wait said against its service's target in a word and an icon as well as a colour.
 * Below it, the tickets this advisor parked or marked as no-shows, to bring back.
 */
export function WaitingQueue({ waiting, parked, noShows, services, steps, now, mayCall, onCall, onResume, onReinstate }: WaitingQueueProps) {
  const service = (id: number) => services.find((each) => each.id === id);
  const hub = useNeedsHub(deskNeedsHubNote);
  const refusal = (where: string) =>
    steps.refusal?.where === where ? (
      <p className="desk-refusal" id={`desk-${where}-refusal`} role="alert">
        {steps.refusal.message}
      </p>
    ) : null;
  const action = (where: string, label: string, onClick: () => void) => (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-disabled={hub.disabled(steps.busy !== null)}
      aria-describedby={hub.describedBy(steps.refusal?.where === where ? `desk-${where}-refusal` : null)}
      onClick={onClick}
    >
      {label}
    </button>
  );

  return (
    <div className="desk-queue">
      <h2 className="desk-queue__title" id="desk-queue-title">
        {t.heading}
      </h2>
      {waiting === null ? (
        <p className="hint">{text.loading}</p>
      ) : (
        <>
          <p className="desk-queue__count">{t.count(waiting.length)}</p>
          {waiting.length > 0 && mayCall && <p className="hint desk-queue__hint">{t.outOfOrder}</p>}
          <ol className="desk-queue__list">
            {waiting.map((ticket) => {
              const served = service(ticket.serviceId);
              const minutes = minutesSince(ticket.queuedAt, now);
              const level = served === undefined ? 'ok' : waitLevel(minutes, served.targetWaitMinutes);
              const needs = needsWords(ticket.needs);
              const where = `call-${ticket.visitId}`;
              return (
                <li key={ticket.visitId} className={`desk-queue__row desk-queue__row--${level}`}>
                  <div className="desk-queue__line">
                    <span className="desk-queue__number">{ticket.number}</span>
                    <span className="desk-queue__service">{served?.name ?? text.visits.unknownService}</span>
                    <span className={`desk-wait desk-wait--${level}`}>
                      <span aria-hidden="true">{levelIcon[level]} </span>
                      {t.waited(minutes)} · {t.levels[level]}
                    </span>
                  </div>
                  {(ticket.priority !== null || needs.length > 0) && (
                    <p className="desk-queue__needs">
                      {ticket.priority !== null && <strong className="desk-queue__priority">{t.priority(text.reception.form.priorities[ticket.priority])}</strong>}
                      {ticket.priority !== null && needs.length > 0 && ' · '}
                      {needs.join(' · ')}
                    </p>
                  )}
                  {mayCall && action(where, t.call(ticket.number), () => onCall(ticket))}
                  {refusal(where)}
                </li>
              );
            })}
          </ol>
        </>
      )}
      {parked.length > 0 && (
        <>
          <h3 className="desk-queue__subtitle">{t.parked}</h3>
          <ul className="desk-queue__list">
            {parked.map((ticket) => (
              <li key={ticket.visitId} className="desk-queue__row">
                <div className="desk-queue__line">
                  <span className="desk-queue__number">{ticket.number}</span>
                  <span className="desk-queue__service">{service(ticket.serviceId)?.name ?? text.visits.unknownService}</span>
                </div>
                {mayCall && action(`resume-${ticket.visitId}`, t.resume(ticket.number), () => onResume(ticket))}
                {refusal(`resume-${ticket.visitId}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {noShows.length > 0 && (
        <>
          <h3 className="desk-queue__subtitle">{t.noShows}</h3>
          <ul className="desk-queue__list">
            {noShows.map((ticket) => (
              <li key={ticket.visitId} className="desk-queue__row">
                <div className="desk-queue__line">
                  <span className="desk-queue__number">{ticket.number}</span>
                  <span className="desk-queue__service">{service(ticket.serviceId)?.name ?? text.visits.unknownService}</span>
                </div>
                {action(`reinstate-${ticket.visitId}`, t.reinstate(ticket.number), () => onReinstate(ticket))}
                {refusal(`reinstate-${ticket.visitId}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
