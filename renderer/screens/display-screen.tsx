import { text } from '../i18n/text.js';
import { useDisplayState } from '../display/use-display-state.js';
import { useDocumentTitle } from '../routing/use-document-title.js';
import './display-screen.css';

/**
 * The waiting-area screen: ticket numbers and desk names only — `DisplayState` carries no
 * visitor's name, and nothing here asks for one. No sign-in.
 */
export function DisplayScreen() {
  const state = useDisplayState();
  const t = text.display;
  const siteName = state?.siteName || null;
  useDocumentTitle(t.title, siteName);
  const [latest, ...earlier] = state?.recentCalls ?? [];

  return (
    <div className="display">
      <header className="display__header">
        <p className="display__site">{siteName ?? text.appName}</p>
      </header>
      <main id="main" tabIndex={-1} className="display__main">
        <h1 className="visually-hidden">{t.title}</h1>
        <section className="display__now" aria-labelledby="display-now-title">
          <h2 className="display__label" id="display-now-title">
            {t.nowCalling}
          </h2>
          {latest === undefined ? (
            <p className="display__none">{state === null ? text.loading : t.none}</p>
          ) : (
            <p className="display__call">
              <span className="display__number">{latest.number}</span>
              <span className="display__to">
                <span className="display__arrow" aria-hidden="true">
                  →
                </span>
                <span className="visually-hidden"> {t.goTo} </span>
                <span className="display__desk">{latest.deskName}</span>
              </span>
              {latest.recall && <span className="display__recall">{t.recall}</span>}
            </p>
          )}
        </section>
        <div className="display__side">
          {earlier.length > 0 && (
          <section aria-labelledby="display-earlier-title">
            <h2 className="display__label" id="display-earlier-title">
              {t.earlier}
            </h2>
            <ol className="display__earlier">
              {earlier.map((call) => (
                <li key={`${call.number}-${call.calledAt}`}>
                  <span className="display__earlier-number">{call.number}</span>
                  <span className="visually-hidden"> {t.goTo} </span>
                  <span className="display__earlier-desk">{call.deskName}</span>
                </li>
              ))}
            </ol>
          </section>
          )}
          {state !== null && state.waiting.length > 0 && (
            <section aria-labelledby="display-waiting-title">
              <h2 className="display__label" id="display-waiting-title">
                {t.waiting}
              </h2>
              <ul className="display__waiting">
                {state.waiting.map((line) => (
                  <li key={line.letter}>
                    <span>{line.serviceName}</span>
                    <span className="display__count">{t.waitingCount(line.count)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <p className="visually-hidden" aria-live="polite">
          {latest === undefined ? '' : t.announce(latest.number, latest.deskName)}
        </p>
      </main>
    </div>
  );
}
