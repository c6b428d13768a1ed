import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { text } from '../../i18n/text.js';
import { overTargetChange, type ServiceStanding } from './board-rules.js';
import { timeOfDay } from './board-time.js';

const t = text.board.overTarget;

/**
 * What a screen reader is told when services pass their target: once per service as it passes,
 * not on every refetch or tick of the clock. Each message names its time, so a service that
 * passes again later is said again even if the words would otherwise be the same.
 */
function useOverTargetAnnouncement(standings: readonly ServiceStanding[], now: number, timeZone: string | null): string {
  const before = useRef<ReadonlySet<number>>(new Set());
  const latest = useRef({ standings, now, timeZone });
  useLayoutEffect(() => {
    latest.current = { standings, now, timeZone };
  });
  const [message, setMessage] = useState('');
  const overKey = standings
    .filter((each) => each.standing === 'over')
    .map((each) => each.service.serviceId)
    .join(' ');

  useEffect(() => {
    const current = latest.current;
    const change = overTargetChange(before.current, current.standings);
    before.current = change.over;
    if (change.newlyOver.length > 0) {
      setMessage(t.announce(timeOfDay(current.now, current.timeZone), change.newlyOver.map((each) => each.service.serviceName)));
    }
  }, [overKey]);
  return message;
}

/**
 * The services over target, in words, a mark and colour at the top of the board; and, apart from
 * it, the live region that announces a service as it passes its target. The region is always in
 * the page, so that what is put in it is announced.
 */
export function OverTarget({ standings, now, timeZone }: { standings: readonly ServiceStanding[]; now: number; timeZone: string | null }) {
  const message = useOverTargetAnnouncement(standings, now, timeZone);
  const over = standings.filter((each) => each.standing === 'over');
  return (
    <>
      <p className="visually-hidden" role="alert">
        {message}
      </p>
      {over.length > 0 && (
        <div className="board-over">
          <span className="board-over__mark" aria-hidden="true">
            ▲
          </span>
          <p className="board-over__text">
            <strong>{t.now(over.map((each) => each.service.serviceName))}</strong> <span className="board-over__detail">{t.detail}</span>
          </p>
        </div>
      )}
    </>
  );
}
