import { useEffect, useState } from 'react';
import type { PairingCode } from '../../shared/domain/lan.js';
import { pairingCodeLifetimeMs } from '../../shared/lan-protocol.js';
import { DeskFailure } from '../../shared/errors.js';
import { useApi } from '../api/api-context.js';
import { focusLater } from '../components/focus-when-drawn.js';
import { fromFailure } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { clockTime } from '../reception/visits-rules.js';
import { timeLeft } from './lan-format.js';
import { ProblemNotice } from './saved-notice.js';

const t = text.settings.lan.code;
const codeId = 'lan-pairing-code';

/**
 * Makes a one-time pairing code and shows it large, in its groups, with the time it runs out.
 * The countdown moves every second on screen, but is read out only once a minute: a screen
 * reader that announced every second would drown the code itself.
 */
export function LanPairingCode({ enabled, timeZone }: { enabled: boolean; timeZone: string | null }) {
  const api = useApi();
  // The countdown runs on this PC's clock from when the code arrived: this PC (a desk PC, even)
  // may be minutes off the hub's, whose time `expiresAt` is in.
  const [code, setCode] = useState<(PairingCode & { runsOutHere: number }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const now = useSecondClock(code !== null);

  // A code made before LAN access was turned off no longer opens anything.
  useEffect(() => {
    if (!enabled) setCode(null);
  }, [enabled]);

  async function make() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const made = await api.createPairingCode({});
      setCode({ ...made, runsOutHere: Date.now() + pairingCodeLifetimeMs });
      focusLater(codeId);
    } catch (error) {
      // Conflict: LAN access is off (or has just been turned off elsewhere); said in the manager's terms.
      setProblem(error instanceof DeskFailure && error.code === 'conflict' && !enabled ? t.lanOff : fromFailure(error).summary);
      focusLater('lan-code-problem');
    } finally {
      setBusy(false);
    }
  }

  // `now` may be up to a second older than a code just made: never more than ten minutes left.
  const left = code === null ? null : timeLeft(code.runsOutHere, Math.max(now, code.runsOutHere - pairingCodeLifetimeMs));
  return (
    <section className="form form--panel settings-form lan-code" aria-labelledby="lan-code-title">
      <h3 className="form__title" id="lan-code-title">
        {t.title}
      </h3>
      <p>{t.intro}</p>
      <ProblemNotice id="lan-code-problem" message={problem} />
      {code !== null && left !== null && (
        <div className="lan-code__shown">
          <p className="lan-code__label" id={`${codeId}-label`}>
            {t.label}
          </p>
          <p className={left.gone ? 'lan-code__code lan-code__code--gone' : 'lan-code__code'} id={codeId} tabIndex={-1} aria-labelledby={`${codeId}-label ${codeId}`}>
            {code.code}
          </p>
          {left.gone ? (
            <p className="notice notice--warning" role="status">
              {t.expired}
            </p>
          ) : (
            <>
              <p className="lan-code__until">
                {t.validUntil(clockTime(code.expiresAt, timeZone))}{' '}
                <span className="lan-code__left" aria-hidden="true">
                  ({t.left(left.minutes, left.seconds)})
                </span>
              </p>
              <p className="visually-hidden" role="status">
                {t.leftSpoken(left.minutes + (left.seconds > 0 ? 1 : 0))}
              </p>
              <p>{t.how}</p>
            </>
          )}
        </div>
      )}
      <div className="form__actions">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void make()}>
          {busy ? t.making : code === null ? t.make : t.another}
        </button>
      </div>
    </section>
  );
}

/** This PC's time, every second while `running`: only the countdown moves with it. */
function useSecondClock(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
