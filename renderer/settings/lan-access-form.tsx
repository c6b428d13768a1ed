import { useRef, useState } from 'react';
import type { LanStatus } from '../../shared/domain/lan.js';
import { useApi } from '../api/api-context.js';
import { ConfirmWithPin } from '../components/confirm-with-pin.js';
import { focusLater } from '../components/focus-when-drawn.js';
import { text } from '../i18n/text.js';
import { dateAndTime, fingerprintRows } from './lan-format.js';
import { SavedNotice } from './saved-notice.js';

const t = text.settings.lan.access;
const toggleId = 'lan-access-toggle';

interface LanAccessFormProps {
  status: LanStatus;
  timeZone: string | null;
  onStatus(status: LanStatus): void;
}

/** LAN access on or off (the manager's PIN again: it opens the hub to the network), and where it listens while on. */
export function LanAccessForm({ status, timeZone, onStatus }: LanAccessFormProps) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const wanted = useRef(!status.enabled);

  function stopConfirming() {
    setConfirming(false);
    focusLater(toggleId);
  }

  return (
    <section className="form form--panel settings-form lan-access" aria-labelledby="lan-access-title">
      <h3 className="form__title" id="lan-access-title">
        {t.title}
      </h3>
      <p className="lan-access__state">
        <span className={status.enabled ? 'lan-dot lan-dot--on' : 'lan-dot'} aria-hidden="true" />
        <strong>{status.enabled ? t.isOn : t.isOff}</strong>
      </p>
      {status.enabled && <LanWhere status={status} timeZone={timeZone} />}
      {status.enabled && <p className="hint">{t.offHint}</p>}
      <SavedNotice message={saved} />
      {confirming ? (
        <ConfirmWithPin
          form="lan-access-confirm"
          title={wanted.current ? t.confirmOn : t.confirmOff}
          confirmLabel={wanted.current ? t.turnOn : t.turnOff}
          onConfirm={async (managerPin) => {
            const enabled = wanted.current;
            const answer = await api.setLanAccess({ enabled, managerPin });
            onStatus(answer);
            setSaved(answer.enabled ? t.turnedOn : t.turnedOff);
            stopConfirming();
          }}
          onCancel={stopConfirming}
        />
      ) : (
        <div className="form__actions">
          <button
            type="button"
            id={toggleId}
            className={status.enabled ? 'button button--secondary' : 'button'}
            onClick={() => {
              wanted.current = !status.enabled;
              setSaved(null);
              setConfirming(true);
            }}
          >
            {status.enabled ? t.turnOff : t.turnOn}
          </button>
        </div>
      )}
    </section>
  );
}

/** The addresses to give desks and the display, and the certificate IT compares on a desk PC. */
function LanWhere({ status, timeZone }: { status: LanStatus; timeZone: string | null }) {
  const listening = status.desksAt.length > 0 || status.displayAt.length > 0;
  return (
    <dl className="lan-facts">
      <dt>{t.desksAt}</dt>
      <dd>{listening ? <Addresses list={status.desksAt} /> : <span className="hint">{t.notListening}</span>}</dd>
      <dt>{t.displayAt}</dt>
      <dd>{listening ? <Addresses list={status.displayAt} /> : <span className="hint">{t.notListening}</span>}</dd>
      <dt>{t.fingerprint}</dt>
      <dd>
        {status.fingerprint === null ? (
          <span className="hint">{t.fingerprintNone}</span>
        ) : (
          <>
            <Fingerprint value={status.fingerprint} />
            {status.certificateExpiresAt !== null && <p className="lan-facts__note">{t.expires(dateAndTime(status.certificateExpiresAt, timeZone))}</p>}
            <p className="hint lan-facts__note">{t.fingerprintHint}</p>
          </>
        )}
      </dd>
      {status.nextFingerprint !== null && (
        <>
          <dt>{t.renewed}</dt>
          <dd>
            <Fingerprint value={status.nextFingerprint} />
            <p className="hint lan-facts__note">{t.renewedHint}</p>
          </dd>
        </>
      )}
    </dl>
  );
}

function Addresses({ list }: { list: readonly string[] }) {
  return (
    <ul className="lan-addresses">
      {list.map((address) => (
        <li key={address}>
          <code>{address}</code>
        </li>
      ))}
    </ul>
  );
}

function Fingerprint({ value }: { value: string }) {
  return (
    <code className="lan-fingerprint">
      {fingerprintRows(value).map((row, index) => (
        <span key={index} className="lan-fingerprint__row">
          {row.join(' ')}
        </span>
      ))}
    </code>
  );
}
