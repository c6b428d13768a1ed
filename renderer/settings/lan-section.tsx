import { useCallback, useEffect, useRef, useState } from 'react';
import type { LanStatus } from '../../shared/domain/lan.js';
import { useApi } from '../api/api-context.js';
import { fromFailure } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { LanAccessForm } from './lan-access-form.js';
import { LanDevices } from './lan-devices.js';
import { LanPairingCode } from './lan-pairing-code.js';
import { ProblemNotice } from './saved-notice.js';

/**
 * Settings → "Desk PCs on the network" (issue 14): LAN access on and off, the addresses and the
 * certificate IT checks, pairing codes, and the desk PCs that joined. Each part saves on its own.
 */
export function LanSection({ timeZone }: { timeZone: string | null }) {
  const api = useApi();
  const [status, setStatus] = useState<LanStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setStatus(await api.getLanStatus({}));
      setProblem(null);
    } catch (error) {
      setProblem(fromFailure(error).summary);
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

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
