import { useState, type KeyboardEvent } from 'react';
import type { Device } from '../../shared/domain/lan.js';
import { useApi } from '../api/api-context.js';
import { useLiveQuery } from '../api/use-live-query.js';
import { focusLater } from '../components/focus-when-drawn.js';
import { fromFailure } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { dateAndTime } from './lan-format.js';
import { ProblemNotice, SavedNotice } from './saved-notice.js';

const t = text.settings.lan.devices;
const withdrawId = (deviceId: number) => `lan-device-${deviceId}-withdraw`;

/**
 * Every desk PC that joined, and withdrawing one. Pairing and withdrawing send `settings-changed`,
 * so a PC that joins while the manager watches (or one just withdrawn) shows without a reload.
 */
export function LanDevices({ timeZone }: { timeZone: string | null }) {
  const api = useApi();
  const devices = useLiveQuery((client) => client.listDevices({}), ['settings-changed']);
  const [confirming, setConfirming] = useState<Device | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function withdraw(device: Device) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.revokeDevice({ deviceId: device.id });
      setStatus(t.didWithdraw(device.label));
      setConfirming(null);
    } catch (error) {
      setProblem(fromFailure(error).summary);
      focusLater('lan-devices-problem');
    } finally {
      setBusy(false);
    }
  }

  function keep(device: Device) {
    setConfirming(null);
    focusLater(withdrawId(device.id));
  }

  const when = (at: number | null) => (at === null ? t.never : dateAndTime(at, timeZone));
  return (
    <section className="lan-devices" aria-labelledby="lan-devices-title">
      <h3 className="lan-devices__title" id="lan-devices-title">
        {t.title}
      </h3>
      <SavedNotice message={status} />
      <ProblemNotice id="lan-devices-problem" message={problem} />
      {devices === null ? (
        <p className="hint">{text.loading}</p>
      ) : devices.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="table settings-table">
          <caption className="table__caption">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.version}</th>
              <th scope="col">{t.paired}</th>
              <th scope="col">{t.lastSeen}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id} className={device.revokedAt === null ? undefined : 'settings-table__inactive'}>
                <th scope="row">{device.label}</th>
                <td>{device.appVersion}</td>
                <td>{when(device.pairedAt)}</td>
                <td>{when(device.lastSeenAt)}</td>
                <td>{device.revokedAt === null ? t.inUse : t.withdrawn(dateAndTime(device.revokedAt, timeZone))}</td>
                <td>
                  {device.revokedAt === null && (
                    <button
                      type="button"
                      id={withdrawId(device.id)}
                      className="button button--small button--secondary"
                      aria-label={t.withdrawLabel(device.label)}
                      aria-expanded={confirming?.id === device.id}
                      onClick={() => {
                        setStatus(null);
                        setConfirming(device);
                        focusLater('lan-withdraw-confirm');
                      }}
                    >
                      {t.withdraw}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming !== null && (
        <WithdrawConfirm device={confirming} busy={busy} onWithdraw={() => void withdraw(confirming)} onKeep={() => keep(confirming)} />
      )}
    </section>
  );
}

/** Names the PC, says what withdrawing does, and starts on the safe answer; Escape keeps it. */
function WithdrawConfirm({ device, busy, onWithdraw, onKeep }: { device: Device; busy: boolean; onWithdraw(): void; onKeep(): void }) {
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onKeep();
    }
  }
  return (
    <div className="form form--panel lan-withdraw" role="group" aria-labelledby="lan-withdraw-title" aria-describedby="lan-withdraw-text" onKeyDown={onKeyDown}>
      <h4 className="form__title" id="lan-withdraw-title">
        {t.confirmTitle(device.label)}
      </h4>
      <p id="lan-withdraw-text">{t.confirmText}</p>
      <div className="form__actions">
        <button type="button" className="button button--danger" aria-disabled={busy || undefined} onClick={onWithdraw}>
          {busy ? t.withdrawing : t.confirm(device.label)}
        </button>
        <button type="button" id="lan-withdraw-confirm" className="button button--secondary" onClick={onKeep}>
          {t.keep}
        </button>
      </div>
    </div>
  );
}
