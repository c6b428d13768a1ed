import type { SafetyAlert } from '../../../shared/domain/safety.js';
import { text } from '../../i18n/text.js';
import { agoWording } from '../../safety/alert-view.js';
import { timeOfDay } from './board-time.js';

const t = text.board.safety;

interface SafetyPanelProps {
  /** The open calls for help, oldest first; null until the hub has answered. */
  alerts: readonly SafetyAlert[] | null;
  now: number;
  timeZone: string | null;
}

/**
 * Open calls for help — who, where and since when — beside the queue, so the manager sees them
 * with everything else. Not a live region: the banner at the top of every staff screen already
 * announces each one and carries "I'm going"; saying it twice would only be noise.
 */
export function SafetyPanel({ alerts, now, timeZone }: SafetyPanelProps) {
  const open = (alerts ?? []).filter((alert) => alert.acknowledgedAt === null);
  return (
    <section className={open.length > 0 ? 'board-safety board-safety--open' : 'board-safety'} aria-labelledby="board-safety-heading">
      <h3 className="board-safety__title" id="board-safety-heading">
        {open.length > 0 && (
          <span className="board-safety__mark" aria-hidden="true">
            !
          </span>
        )}
        {t.heading}
      </h3>
      {open.length === 0 ? (
        <p className="board-safety__none">{alerts === null ? text.loading : t.none}</p>
      ) : (
        <>
          <ul className="board-safety__list">
            {open.map((alert) => (
              <li key={alert.id} className="board-safety__item">
                <strong className="board-safety__place">{alert.place}</strong>
                <span>{t.who(alert.raisedBy.name)}</span>
                <span className="board-safety__since">{t.since(timeOfDay(alert.raisedAt, timeZone), agoWording(alert.raisedAt, now, t))}</span>
              </li>
            ))}
          </ul>
          <p className="board-safety__answer">{t.answer}</p>
        </>
      )}
    </section>
  );
}
