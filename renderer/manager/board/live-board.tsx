import type { DeskEventType } from '../../../shared/events.js';
import { useLiveQuery } from '../../api/use-live-query.js';
import { text } from '../../i18n/text.js';
import { useConnectionStore } from '../../state/connection-store.js';
import { headline, serviceStanding } from './board-rules.js';
import { timeOfDay } from './board-time.js';
import { DeskTable } from './desk-table.js';
import { HeadlineFigures } from './headline-figures.js';
import { OverTarget } from './over-target.js';
import { SafetyPanel } from './safety-panel.js';
import { ServiceTable } from './service-table.js';
import { useBoardClock } from './use-board-clock.js';
import './live-board.css';

// A call, a finish, a pause, a changed target or desk: each comes as `queue-changed` (a call as
// `ticket-called` too); `settings-changed` may move the site's day.
const queueEvents: readonly DeskEventType[] = ['queue-changed', 'ticket-called', 'settings-changed'];
const safetyEvents: readonly DeskEventType[] = ['safety-alerts-changed'];

/**
 * The queue now, for the site manager: headline figures, each service against its target, each
 * desk, and open calls for help. Live through the hub's events; the waits age on this PC's clock
 * between them; never polled. With the hub away the last figures stay, said to be the last.
 */
export function LiveBoard({ timeZone }: { timeZone: string | null }) {
  const snapshot = useLiveQuery((api) => api.getLiveSnapshot({}), queueEvents);
  const alerts = useLiveQuery((api) => api.listSafetyAlerts({}), safetyEvents);
  const reachable = useConnectionStore((state) => state.reachable);
  const now = useBoardClock(snapshot);
  const t = text.board;

  const standings = snapshot === null ? [] : snapshot.services.map((service) => serviceStanding(service, now));
  return (
    <section className="live-board" aria-labelledby="board-heading">
      <div className="live-board__head">
        <h2 className="live-board__title" id="board-heading">
          {t.heading}
        </h2>
        {snapshot !== null && (
          <p className={reachable ? 'live-board__as-of' : 'live-board__as-of live-board__as-of--stale'}>
            {reachable ? t.asOf(timeOfDay(snapshot.at, timeZone)) : t.stale(timeOfDay(snapshot.at, timeZone))}
          </p>
        )}
      </div>
      <OverTarget standings={standings} now={now} timeZone={timeZone} />
      <SafetyPanel alerts={alerts} now={now} timeZone={timeZone} />
      {snapshot === null ? (
        <p className="hint">{t.loading}</p>
      ) : (
        <>
          <HeadlineFigures figures={headline(snapshot, standings)} />
          <div className="live-board__panels">
            <ServiceTable standings={standings} />
            <DeskTable desks={snapshot.desks} now={now} timeZone={timeZone} />
          </div>
        </>
      )}
    </section>
  );
}
