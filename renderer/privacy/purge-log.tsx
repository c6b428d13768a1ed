import { useCallback } from 'react';
import { useApi } from '../api/api-context.js';
import { text } from '../i18n/text.js';
import { purgeLine } from './purge-line.js';
import { PagedState } from './paged-state.js';
import { usePaged } from './use-paged.js';

const t = text.privacy.purgeLog;
const pageSize = 10;

/** Every purge, newest first, in words: "10:00 — deleted 132 visits issued before 27 October, 10:00". */
export function PurgeLog({ timeZone, version }: { timeZone: string; version: number }) {
  const api = useApi();
  // `version` is in the dependencies so that the log is read again after an erasure.
  const load = useCallback((beforeId: number | undefined) => api.listPurgeLog({ limit: pageSize, ...(beforeId === undefined ? {} : { beforeId }) }), [api, version]);
  const { items, more, busy, problem, older } = usePaged(load, pageSize);
  const now = Date.now();
  return (
    <>
      <PagedState problem={problem} items={items} none={t.none}>
        {(entries) => (
          <ul className="privacy-purges">
            {entries.map((entry) => (
              <li key={entry.id}>
                <strong>{purgeLine(entry, now, timeZone)}</strong>
                <span className="hint">
                  {' '}
                  ({t.triggers[entry.trigger]}; {t.extra(text.privacy.receipts(entry.receiptsDeleted), entry.auditDeleted, entry.statsDeleted)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </PagedState>
      {more && (
        <button type="button" className="button button--secondary button--small" aria-disabled={busy || undefined} onClick={() => void older()}>
          {t.older}
        </button>
      )}
    </>
  );
}
