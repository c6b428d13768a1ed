import { useCallback } from 'react';
import { useApi } from '../api/api-context.js';
import { text } from '../i18n/text.js';
import type { StaffNames } from './staff-names.js';
import { PagedState } from './paged-state.js';
import { usePaged } from './use-paged.js';
import { zoned } from './zoned-time.js';

const t = text.privacy.erasures;
const pageSize = 20;

/** Erasures on request, newest first: when, who, why, the case reference and how many records — never whose. */
export function ErasuresList({ timeZone, version, staffNames }: { timeZone: string; version: number; staffNames: StaffNames }) {
  const api = useApi();
  // `version` is in the dependencies so that the list is read again after an erasure.
  const load = useCallback((beforeId: number | undefined) => api.listErasures({ limit: pageSize, ...(beforeId === undefined ? {} : { beforeId }) }), [api, version]);
  const { items, more, busy, problem, older } = usePaged(load, pageSize);
  return (
    <>
      <PagedState problem={problem} items={items} none={t.none}>
        {(entries) => (
          <table className="table privacy-erasures">
            <caption className="table__caption">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.at}</th>
                <th scope="col">{t.columns.reference}</th>
                <th scope="col">{t.columns.reason}</th>
                <th scope="col">{t.columns.erased}</th>
                <th scope="col">{t.columns.by}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((erasure) => (
                <tr key={erasure.id}>
                  <td className="privacy-table__when">{zoned(erasure.at, timeZone)}</td>
                  <th scope="row">{erasure.caseReference}</th>
                  <td>{text.privacy.erase.reasons[erasure.reason]}</td>
                  <td>{t.erased(text.privacy.visits(erasure.visitsErased), text.privacy.receipts(erasure.receiptsErased))}</td>
                  <td>{staffNames.of(erasure.staffId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
