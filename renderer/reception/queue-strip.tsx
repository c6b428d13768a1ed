import { useEffect, useState } from 'react';
import type { OpenDesk } from '../../shared/domain/desk-session.js';
import type { Service } from '../../shared/domain/site.js';
import type { TicketView } from '../../shared/domain/visit.js';
import { useApi } from '../api/api-context.js';
import { text } from '../i18n/text.js';
import { useConnectionStore } from '../state/connection-store.js';
import { summariseQueue } from './queue-summary.js';

// Only the minutes shown move with this clock; the queue itself comes from the hub's events.
const minuteMs = 60_000;

/**
 * The queue at a glance: waiting per service, the longest wait, and the desks open or paused
 * (a paused desk calls nobody, so the queue moves slower). Fetched once, then again
 * on every `queue-changed` event and after a lost connection comes back — never by polling.
 */
export function QueueStrip({ services }: { services: readonly Service[] }) {
  const api = useApi();
  const reachable = useConnectionStore((state) => state.reachable);
  const streamEpoch = useConnectionStore((state) => state.streamEpoch);
  const [tickets, setTickets] = useState<TicketView[] | null>(null);
  const [desks, setDesks] = useState<OpenDesk[]>([]);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!reachable) return;
    let live = true;
    // Answers can overtake each other: one asked before the newest applied answer is dropped.
    let asked = 0;
    let applied = 0;
    const load = () => {
      asked += 1;
      const ticket = asked;
      Promise.all([api.getQueue({}), api.listDeskSessions({})]).then(
        ([queue, open]) => {
          if (!live || ticket <= applied) return;
          applied = ticket;
          setTickets(queue);
          setDesks(open);
          setNow(Date.now());
        },
        () => undefined,
      );
    };
    load();
    const stop = api.subscribe((event) => {
      if (event.type === 'queue-changed' || event.type === 'ticket-called') load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [api, reachable, streamEpoch]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), minuteMs);
    return () => clearInterval(timer);
  }, []);

  const t = text.reception.queue;
  if (tickets === null) return null;
  const summary = summariseQueue(tickets, services, now);
  return (
    <section className="queue-strip" aria-labelledby="queue-strip-title">
      <h2 className="queue-strip__title" id="queue-strip-title">
        {t.label}
      </h2>
      <ul className="queue-strip__services">
        {summary.services.map(({ service, waiting }) => (
          <li key={service.id} className={waiting === 0 ? 'queue-strip__service queue-strip__service--empty' : 'queue-strip__service'}>
            <span className="queue-strip__letter" aria-hidden="true">
              {service.letter}
            </span>
            <span className="queue-strip__name">{service.name}</span>
            <strong className="queue-strip__count">{t.waiting(waiting)}</strong>
          </li>
        ))}
      </ul>
      <p className="queue-strip__longest">{summary.longest === null ? t.nobody : t.longest(summary.longest.number, summary.longest.minutes)}</p>
      <p className="queue-strip__desks">
        {t.desksOpen(desks.filter((desk) => desk.paused === null).length)}
        {desks
          .filter((desk) => desk.paused !== null)
          .map((desk) => (
            <span key={desk.deskId} className="queue-strip__paused">
              {t.deskPaused(desk.deskName, text.reception.queue.pauseReasons[desk.paused!.reason])}
            </span>
          ))}
      </p>
    </section>
  );
}
