import { useRef } from 'react';
import type { DisplayCall } from '../../shared/domain/display.js';
import { DisplayClock } from '../display/display-clock.js';
import { callKey, splitCalls } from '../display/merge-call.js';
import { SpeechSwitch } from '../display/speech-switch.js';
import { StartOverlay } from '../display/start-overlay.js';
import { useCallSound } from '../display/use-call-sound.js';
import { useDisplayState } from '../display/use-display-state.js';
import { useFitToBox } from '../display/use-fit.js';
import { text } from '../i18n/text.js';
import { useDocumentTitle } from '../routing/use-document-title.js';
import './display-screen.css';

/**
 * The waiting-area screen: ticket numbers and desk names only — `DisplayState` carries no
 * visitor's name, and nothing here asks for one. Nor does anything mark a visitor out: every
 * call looks the same whoever it is for (the data has no priority, and must not).
 */
export function DisplayScreen() {
  const { state, isNew } = useDisplayState();
  const sound = useCallSound();
  const t = text.display;
  const siteName = state?.siteName || null;
  useDocumentTitle(t.title, siteName);
  const { now, earlier } = splitCalls(state?.recentCalls ?? []);
  const latest = now[0];
  const waitingToStart = sound.gate === 'needs-start';
  // Four desks or more calling at once: two columns of calls over the whole width, and the earlier
  // calls make way for them (the calls matter more than the history).
  const many = now.length >= 4;
  const showEarlier = earlier.length > 0 && !many;
  const callsClass = many ? `display__calls--many display__calls--rows-${Math.ceil(now.length / 2)}` : `display__calls--${now.length}`;
  const callsList = useRef<HTMLOListElement>(null);
  const earlierList = useRef<HTMLOListElement>(null);
  useFitToBox(callsList, now.map((call) => `${callKey(call)} ${call.deskName}`).join('|'), '.display__number, .display__desk');
  useFitToBox(earlierList, showEarlier ? earlier.map((call) => `${callKey(call)} ${call.deskName}`).join('|') : '', '.display__earlier-desk');

  return (
    <div className="display" data-sound={sound.gate}>
      <header className="display__header" inert={waitingToStart}>
        <p className="display__site">{siteName ?? text.appName}</p>
        <DisplayClock timeZone={state?.timeZone ?? null} />
      </header>
      <main id="main" tabIndex={-1} className={`display__main${showEarlier ? '' : ' display__main--no-earlier'}`} inert={waitingToStart}>
        <h1 className="visually-hidden">{t.title}</h1>
        <section className="display__now" aria-labelledby="display-now-title">
          <h2 className="display__label" id="display-now-title">
            {t.nowCalling}
          </h2>
          {now.length === 0 ? (
            <p className="display__none">{state === null ? text.loading : t.none}</p>
          ) : (
            <ol ref={callsList} className={`display__calls ${callsClass}`}>
              {now.map((call) => (
                <NowCalling key={callKey(call)} call={call} latest={call === latest} isNew={isNew(callKey(call))} />
              ))}
            </ol>
          )}
        </section>
        {showEarlier && (
          <section className="display__earlier" aria-labelledby="display-earlier-title">
            <h2 className="display__label" id="display-earlier-title">
              {t.earlier}
            </h2>
            <ol ref={earlierList} className="display__earlier-list">
              {earlier.map((call) => (
                <li key={callKey(call)}>
                  <span className="display__earlier-number">{call.number}</span>
                  <span className="visually-hidden"> {t.goTo} </span>
                  <span className="display__earlier-desk">{call.deskName}</span>
                </li>
              ))}
            </ol>
          </section>
        )}
        {state !== null && state.waiting.length > 0 && (
          <section className="display__waiting" aria-labelledby="display-waiting-title">
            <h2 className="display__label" id="display-waiting-title">
              {t.waiting}
            </h2>
            <ul className="display__services">
              {state.waiting.map((line) => (
                <li key={line.letter} className="display__service">
                  <span className="display__letter" aria-hidden="true">
                    {line.letter}
                  </span>
                  <span className="display__service-text">
                    <span className="display__service-name">{line.serviceName}</span>
                    <span className={`display__count${line.count === 0 ? ' display__count--none' : ''}`}>{t.waitingCount(line.count)}</span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="visually-hidden" aria-live="polite">
          {latest === undefined ? '' : t.announce(latest.number, latest.deskName)}
        </p>
      </main>
      {sound.gate === 'ready' && <SpeechSwitch on={sound.speech} onChange={sound.setSpeech} />}
      {waitingToStart && (
        <StartOverlay
          speech={sound.speech}
          onSpeechChange={sound.setSpeech}
          onStart={() => {
            sound.start();
            // The button goes with the overlay: focus goes to the screen, where Tab finds the speech switch.
            document.getElementById('main')?.focus();
          }}
        />
      )}
    </div>
  );
}

/** `C014 → Desk 3`: the newest call in the accent colour; a call that came while the screen was up flashes once. */
function NowCalling({ call, latest, isNew }: { call: DisplayCall; latest: boolean; isNew: boolean }) {
  const t = text.display;
  const classes = ['display__call', latest ? 'display__call--latest' : '', isNew ? 'display__call--new' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes}>
      <span className="display__number">{call.number}</span>
      <span className="display__arrow" aria-hidden="true">
        →
      </span>
      <span className="visually-hidden"> {t.goTo} </span>
      <span className="display__desk">
        {call.deskName}
        {call.recall && <span className="display__recall">{t.recall}</span>}
      </span>
    </li>
  );
}
