import { useEffect, useState } from 'react';
import type { SafetyAlert } from '../../shared/domain/safety.js';
import { useApi } from '../api/api-context.js';
import type { DeskClient } from '../api/desk-client.js';
import { text } from '../i18n/text.js';
import { useConnectionStore } from '../state/connection-store.js';
import { agoWording, alertsFor, ownAfterListing, ownState, stillWorthSaying } from './alert-view.js';
import { safetyButtonId } from './safety-button.js';
import { useSafetyStore } from './safety-store.js';
import './safety.css';

// Only the "N min ago" moves with this clock; the alerts themselves come from the hub's events.
const minuteMs = 60_000;
const t = text.safety;

/** After a button that removed itself, focus goes to "Get help" if the screen has it, else to the page. */
function refocus(): void {
  (document.getElementById(safetyButtonId) ?? document.getElementById('main'))?.focus();
}

/**
 * Asks the hub who answered one's own alert. The list holds open alerts only, and the core
 * answers an alert already acknowledged as it is — unchanged, not audited again
 * (electron/core/handlers/safety-handlers.ts) — so this is a read. Called only for an alert a
 * listing made after it was raised no longer holds, which is therefore answered.
 */
function lookUpAnswered(api: DeskClient, alert: SafetyAlert, stamp: number): void {
  api.acknowledgeSafetyAlert({ alertId: alert.id }).then(
    (answered) => {
      const store = useSafetyStore.getState();
      if (store.ownStamp === stamp) store.ownChanged(answered);
    },
    () => undefined,
  );
}

/** Lists the open alerts now, on every `safety-alerts-changed` and when the hub is back — never by polling. */
function useOpenAlerts(staffId: number): void {
  const api = useApi();
  const reachable = useConnectionStore((state) => state.reachable);
  const streamEpoch = useConnectionStore((state) => state.streamEpoch);

  useEffect(() => {
    useSafetyStore.getState().forStaff(staffId);
  }, [staffId]);

  useEffect(() => {
    if (!reachable) return;
    let live = true;
    // Answers can overtake each other: one asked before the newest applied answer is dropped.
    let asked = 0;
    let applied = 0;
    const load = () => {
      const stamp = useSafetyStore.getState().ownStamp;
      asked += 1;
      const ticket = asked;
      api.listSafetyAlerts({}).then(
        (open) => {
          if (!live || ticket <= applied) return;
          applied = ticket;
          const store = useSafetyStore.getState();
          store.listed(open);
          // A raise or cancel answered while this listing was on its way is newer than it.
          if (store.ownStamp !== stamp) return;
          const { own, answered } = ownAfterListing(store.own, alertsFor(open, staffId).own);
          if (answered !== null) lookUpAnswered(api, answered, stamp);
          else if (own !== store.own) store.ownChanged(own);
        },
        () => undefined,
      );
    };
    load();
    const stop = api.subscribe((event) => {
      if (event.type === 'safety-alerts-changed') load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [api, reachable, streamEpoch, staffId]);
}

function useMinuteClock(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), minuteMs);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

/**
 * Under the masthead of every signed-in staff screen: colleagues' calls for help, each with
 * "I'm going"; one's own call, calmly, with a cancel; and who is coming once someone answered.
 */
export function SafetyAlerts({ staffId }: { staffId: number }) {
  useOpenAlerts(staffId);
  // Until the store has caught up with who signed in, what it holds is someone else's.
  const theirs = useSafetyStore((state) => state.staffId === staffId);
  const open = useSafetyStore((state) => state.open);
  const own = useSafetyStore((state) => state.own);
  const raiseError = useSafetyStore((state) => state.raiseError);
  const going = useSafetyStore((state) => state.going);
  const { others } = alertsFor(open ?? [], staffId);
  const mine = ownState(own, staffId);
  const now = useMinuteClock(others.length > 0 || going !== null || mine.kind === 'coming');
  const goingNow = going !== null && going.acknowledgedAt !== null && stillWorthSaying(going.acknowledgedAt, now) ? going : null;
  const coming = mine.kind === 'coming' && mine.alert.acknowledgedAt !== null && stillWorthSaying(mine.alert.acknowledgedAt, now) ? mine : null;

  if (!theirs || (others.length === 0 && mine.kind !== 'waiting' && coming === null && raiseError === null && goingNow === null)) return null;
  return (
    <section className="safety-alerts" aria-label={t.heading}>
      <div className="safety-alerts__inner">
        {raiseError !== null && (
          <p className="safety-alerts__problem" role="alert">
            {raiseError}
          </p>
        )}
        {others.length > 0 && (
          <ul className="safety-alerts__list">
            {others.map((alert) => (
              <OtherAlert key={alert.id} alert={alert} now={now} />
            ))}
          </ul>
        )}
        {goingNow !== null && <Going alert={goingNow} />}
        {mine.kind === 'waiting' && <Waiting alert={mine.alert} />}
        {coming !== null && <Coming by={coming.by} />}
      </div>
    </section>
  );
}

/** A colleague's call: the place and name are the alert (said once by a screen reader), the age beside it. */
function OtherAlert({ alert, now }: { alert: SafetyAlert; now: number }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function go() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    api.acknowledgeSafetyAlert({ alertId: alert.id }).then(
      (answered) => {
        useSafetyStore.getState().acknowledged(answered);
        // The list drops it on the event; this screen need not wait for that.
        const store = useSafetyStore.getState();
        store.listed((store.open ?? []).filter((each) => each.id !== alert.id));
        requestAnimationFrame(() => document.getElementById('safety-going')?.focus());
      },
      (error: unknown) => {
        setProblem(error instanceof Error ? error.message : text.errors.unexpected);
        setBusy(false);
      },
    );
  }

  return (
    <li className="safety-alert">
      <p className="safety-alert__text">
        <span className="safety-alert__mark" aria-hidden="true">
          !
        </span>
        <span>
          <span role="alert">{t.helpNeeded(alert.place, alert.raisedBy.name)}</span>
          <span className="safety-alert__ago">{t.raisedAgo(agoWording(alert.raisedAt, now, t))}</span>
        </span>
      </p>
      <button type="button" className="button safety-alert__go" aria-disabled={busy || undefined} onClick={go}>
        {busy ? t.acknowledging : t.going}
        <span className="visually-hidden">{t.goingPlace(alert.place)}</span>
      </button>
      {problem !== null && (
        <p className="safety-alert__problem" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

function Going({ alert }: { alert: SafetyAlert }) {
  const message = t.youAreGoing(alert.place, alert.raisedBy.name);
  return (
    <div className="safety-note safety-note--going">
      <p className="safety-note__text" id="safety-going" tabIndex={-1} role="status">
        {message}
      </p>
      <CloseButton
        message={message}
        onClose={() => {
          useSafetyStore.getState().acknowledged(null);
          refocus();
        }}
      />
    </div>
  );
}

/** One's own call, calm: nothing on this screen should alarm a visitor who can see it. */
function Waiting({ alert }: { alert: SafetyAlert }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function cancel() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    api.acknowledgeSafetyAlert({ alertId: alert.id }).then(
      (answered) => {
        useSafetyStore.getState().ownChanged(answered);
        refocus();
      },
      (error: unknown) => {
        setProblem(error instanceof Error ? error.message : text.errors.unexpected);
        setBusy(false);
      },
    );
  }

  return (
    <div className="safety-note">
      <p className="safety-note__text" role="status">
        {t.requested(alert.place)}
      </p>
      <button type="button" className="button button--small button--secondary" aria-disabled={busy || undefined} onClick={cancel}>
        {busy ? t.cancelling : t.cancel}
      </button>
      {problem !== null && (
        <p className="safety-note__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function Coming({ by }: { by: string }) {
  const message = t.onTheWay(by);
  return (
    <div className="safety-note safety-note--coming">
      <p className="safety-note__text" role="status">
        {message}
      </p>
      <CloseButton
        message={message}
        onClose={() => {
          useSafetyStore.getState().ownChanged(null);
          refocus();
        }}
      />
    </div>
  );
}

/** Named by the message it closes: two may show at once. */
function CloseButton({ message, onClose }: { message: string; onClose(): void }) {
  return (
    <button type="button" className="button button--small button--secondary" onClick={onClose}>
      {t.close}
      <span className="visually-hidden">{t.closeWhat(message)}</span>
    </button>
  );
}
