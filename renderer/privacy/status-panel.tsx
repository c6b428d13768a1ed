import { useCallback, useEffect, useState } from 'react';
import type { DataProtectionStatus } from '../../shared/domain/privacy.js';
import { useApi } from '../api/api-context.js';
import { text } from '../i18n/text.js';
import { heldAge } from './held-age.js';
import { purgeLine } from './purge-line.js';
import { zoned } from './zoned-time.js';

const t = text.privacy.status;
const p = text.privacy;

/**
 * The data-protection officer's self-check, at the top of the page: how many visits are held,
 * how old the oldest is, how long they are kept, and when the purge ran and runs next. Read
 * again whenever `version` changes (after an erasure).
 */
export function StatusPanel({ timeZone, version }: { timeZone: string; version: number }) {
  const api = useApi();
  const [status, setStatus] = useState<DataProtectionStatus | null>(null);
  const [failed, setFailed] = useState(false);

  const read = useCallback(async () => {
    try {
      setStatus(await api.getDataProtectionStatus({}));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [api]);

  useEffect(() => {
    void read();
  }, [read, version]);

  if (status === null) {
    return failed ? <Failed onRetry={read} /> : <p role="status">{t.loading}</p>;
  }
  return (
    <>
      {failed && <Failed onRetry={read} />}
      <dl className="privacy-status" data-testid="privacy-status">
        <div className="privacy-status__item">
          <dt>{t.visitsHeld}</dt>
          <dd data-status="visits">
            {p.visits(status.visitsHeld)}{' '}
            <span className="privacy-status__detail">{t.receiptsHeld(p.receipts(status.receiptsHeld))}</span>
          </dd>
        </div>
        <div className="privacy-status__item">
          <dt>{t.oldest}</dt>
          <dd data-status="oldest">
            {status.oldestIssuedAt === null ? (
              t.noneHeld
            ) : (
              <>
                <span data-status="oldest-age">{t.oldestAge(heldAge(status.at, status.oldestIssuedAt))}</span>{' '}
                <span className="privacy-status__detail">{t.oldestIssued(zoned(status.oldestIssuedAt, timeZone))}</span>
              </>
            )}
          </dd>
        </div>
        <div className="privacy-status__item">
          <dt>{t.retention}</dt>
          <dd data-status="retention">
            {t.retentionValue(status.retentionDays)}{' '}
            <span className="privacy-status__detail">{t.retentionDetail}</span>
          </dd>
        </div>
        <div className="privacy-status__item">
          <dt>{t.lastPurge}</dt>
          <dd data-status="last-purge" className="privacy-status__long">
            {status.lastPurge === null ? t.noPurge : purgeLine(status.lastPurge, status.at, timeZone)}
          </dd>
        </div>
        <div className="privacy-status__item">
          <dt>{t.nextPurge}</dt>
          <dd data-status="next-purge">{t.nextPurgeValue(zoned(status.nextPurgeBy, timeZone, 'time'))}</dd>
        </div>
      </dl>
    </>
  );
}

function Failed({ onRetry }: { onRetry(): Promise<void> }) {
  return (
    <div className="notice notice--problem" role="alert">
      <p>{t.failed}</p>
      <button type="button" className="button button--secondary button--small" onClick={() => void onRetry()}>
        {t.tryAgain}
      </button>
    </div>
  );
}
