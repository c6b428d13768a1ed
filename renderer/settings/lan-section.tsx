import { useCallback, useEffect, useRef } from 'react';
import { useApi } from '../api/api-context.js';
import { text } from '../i18n/text.js';
import { LanAccessForm } from './lan-access-form.js';
import { LanDevices } from './lan-devices.js';
import { LanPairingCode } from './lan-pairing-code.js';
import { ProblemNotice } from './saved-notice.js';
import { useLoaded } from './use-list.js';

/**
 * Settings → "Desk PCs on the network" (issue 14): LAN access on and off, the addresses and the
 * certificate IT checks, pairing codes, and the desk PCs that joined. Each part saves on its own.
 */
export function LanSection({ timeZone }: { timeZone: string | null }) {
  const api = useApi();
  const { value: status, setValue: setStatus, problem, reload } = useLoaded(useCallback(() => api.getLanStatus({}), [api]));

  // The listeners and the certificate come a moment after LAN access is turned on: ask again until they are there.
  // A hub that never listens (a port taken) is not asked forever: the section says "Starting…" and a reload asks again.
  const tries = useRef(0);
  const settling = status !== null && status.enabled && (status.fingerprint === null || status.desksAt.length === 0);
  useEffect(() => {
    if (!settling) {
      tries.current = 0;
      return;
    }
    if (tries.current >= 30) return;
    tries.current += 1;
    const timer = setTimeout(() => void reload(), 1_000);
    return () => clearTimeout(timer);
  }, [settling, status, reload]);

  return (
    <>
      <ProblemNotice id="lan-problem" message={problem} />
      {status === null ? (
        problem === null && <p className="hint">{text.loading}</p>
      ) : (
        <>
          <LanAccessForm status={status} timeZone={timeZone} onStatus={setStatus} />
          <LanPairingCode enabled={status.enabled} timeZone={timeZone} />
        </>
      )}
      <LanDevices timeZone={timeZone} />
    </>
  );
}
