import { useEffect, useRef, useState } from 'react';
import type { OpenDesk } from '../../shared/domain/desk-session.js';
import type { Service } from '../../shared/domain/site.js';
import type { TicketView } from '../../shared/domain/visit.js';
import { useApi } from '../api/api-context.js';
import { text } from '../i18n/text.js';
import { useSiteStore } from '../state/site-store.js';
import { CallNext } from './call-next.js';
import { ChangeServices } from './change-services.js';
import { DeskBar, type BarPanel } from './desk-bar.js';
import { deskQueue } from './desk-queue.js';
import { PauseForm } from './pause-form.js';
import { useDeskKeys } from './use-desk-keys.js';
import { useDeskSteps } from './use-desk-steps.js';
import { useLive, useMinuteClock } from './use-live.js';
import { VisitorCard } from './visitor-card.js';
import { WaitingQueue } from './waiting-queue.js';

const t = text.desk;
const queueEvents = ['queue-changed', 'ticket-called'] as const;

type Focus = 'call' | 'resume';

interface WorkingDeskProps {
  desk: OpenDesk;
  services: readonly Service[];
  advisorId: number;
  /** The desk as a call answered it (openDesk, pauseDesk…), or a change to it. */
  onDesk(update: (desk: OpenDesk) => OpenDesk): void;
  onClosed(desk: OpenDesk): void;
}

/** A ticket still at this desk after a step: called here or being served. */
function stillHere(ticket: TicketView, deskId: number): boolean {
  return ticket.deskId === deskId && (ticket.status === 'called' || ticket.status === 'serving');
}

/**
 * An open desk at work: Call next (F2) or the pause, the called visitor's card, and the queue
 * for the desk's services beside it, kept fresh by the hub's events. Every step is one contract
 * call; its refusal is said beside it in the core's words.
 */
export function WorkingDesk({ desk, services, advisorId, onDesk, onClosed }: WorkingDeskProps) {
  const api = useApi();
  const steps = useDeskSteps();
  const timeZone = useSiteStore((state) => state.settings?.timeZone ?? null);
  const queue = useLive(() => api.getQueue({}), queueEvents);
  const now = useMinuteClock(queue.value);
  const [status, setStatus] = useState<string | null>(null);
  const [panel, setPanel] = useState<BarPanel>(null);
  const [noShows, setNoShows] = useState<TicketView[]>([]);
  const [justCalled, setJustCalled] = useState<number | null>(null);
  const callButton = useRef<HTMLButtonElement>(null);
  const resumeButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<Focus | null>('call');
  const { deskId, current } = desk;
  // Until every hub sends `paused`, a desk without it is not paused.
  const paused = desk.paused ?? null;

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    (target === 'resume' || paused !== null ? resumeButton : callButton).current?.focus();
  });

  function onTicket(ticket: TicketView, message: string) {
    const here = stillHere(ticket, deskId);
    onDesk((open) => ({ ...open, current: here ? ticket : null }));
    setStatus(message);
    if (ticket.status === 'no-show') setNoShows((list) => [ticket, ...list.filter((each) => each.visitId !== ticket.visitId)]);
    if (!here) {
      setJustCalled(null);
      focusNext.current = 'call';
    }
    queue.reload();
  }

  function onCalled(ticket: TicketView) {
    setJustCalled(ticket.visitId);
    onTicket(ticket, t.call.called(ticket.number, desk.deskName));
  }

  function callNext() {
    if (paused !== null) {
      steps.refuse('call-next', t.pause.notNow);
      return;
    }
    void steps.run('call-next', () => api.callNext({ deskId }), (ticket) => {
      if (ticket === null) setStatus(t.call.nobody);
      else onCalled(ticket);
    });
  }

  function resumeDesk() {
    void steps.run('resume-desk', () => api.resumeDesk({ deskId }), (open) => {
      onDesk(() => open);
      setStatus(t.pause.resumed(open.deskName));
      focusNext.current = 'call';
    });
  }

  function close() {
    if (current !== null && current.status === 'called') {
      steps.refuse('close', t.bar.closeWhileCalled(current.number));
      return;
    }
    void steps.run('close', () => api.closeDesk({ deskId }), () => onClosed(desk));
  }

  function reinstate(ticket: TicketView) {
    void steps.run(`reinstate-${ticket.visitId}`, () => api.reinstateTicket({ visitId: ticket.visitId }), () => {
      setNoShows((list) => list.filter((each) => each.visitId !== ticket.visitId));
      setStatus(t.done.reinstated(ticket.number));
      focusNext.current = 'call';
      queue.reload();
    });
  }

  useDeskKeys({ 'call-next': callNext });

  const { waiting, parked } = queue.value === null ? { waiting: null, parked: [] } : deskQueue(queue.value, desk.serviceIds, advisorId);
  return (
    <div className="desk">
      <DeskBar desk={desk} services={services} paused={paused !== null} steps={steps} panel={panel} onPanel={setPanel} onClose={close} />
      {panel === 'services' && (
        <ChangeServices
          desk={desk}
          services={services}
          onSaved={(open) => {
            onDesk(() => open);
            setPanel(null);
            setStatus(t.bar.servicesSaved);
            focusNext.current = 'call';
          }}
          onCancel={() => {
            setPanel(null);
            focusNext.current = 'call';
          }}
        />
      )}
      {panel === 'pause' && (
        <PauseForm
          desk={desk}
          onPaused={(open) => {
            onDesk(() => open);
            setPanel(null);
            setStatus(null);
            focusNext.current = 'resume';
          }}
          onCancel={() => {
            setPanel(null);
            focusNext.current = 'call';
          }}
        />
      )}
      <div className="desk__layout">
        <div className="desk__main">
          <CallNext
            desk={desk}
            paused={paused}
            steps={steps}
            status={status}
            now={now}
            timeZone={timeZone}
            callRef={callButton}
            resumeRef={resumeButton}
            onCallNext={callNext}
            onResume={resumeDesk}
          />
          {current === null ? (
            <section className="desk-card desk-card--empty" aria-labelledby="desk-card-title">
              <h2 className="desk-card__none" id="desk-card-title">
                {t.card.none}
              </h2>
              {paused === null && <p className="hint">{t.card.noneHint}</p>}
            </section>
          ) : (
            <VisitorCard key={current.visitId} ticket={current} services={services} steps={steps} now={now} timeZone={timeZone} focusStart={justCalled === current.visitId} onStep={onTicket} />
          )}
        </div>
        <aside className="desk__side" aria-labelledby="desk-queue-title">
          <WaitingQueue
            waiting={waiting}
            parked={parked}
            noShows={noShows}
            services={services}
            steps={steps}
            now={now}
            mayCall={paused === null}
            onCall={(ticket) => void steps.run(`call-${ticket.visitId}`, () => api.callTicket({ deskId, visitId: ticket.visitId }), onCalled)}
            onResume={(ticket) => void steps.run(`resume-${ticket.visitId}`, () => api.resumeTicket({ deskId, visitId: ticket.visitId }), onCalled)}
            onReinstate={reinstate}
          />
        </aside>
      </div>
    </div>
  );
}
