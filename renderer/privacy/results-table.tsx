import type { PersonRecord } from '../../shared/domain/privacy.js';
import { text } from '../i18n/text.js';
import { zoned } from './zoned-time.js';

const t = text.privacy.results;

interface ResultsTableProps {
  records: readonly PersonRecord[];
  chosen: ReadonlySet<number>;
  timeZone: string;
  onChosen(chosen: Set<number>): void;
}

export function addressOf(record: PersonRecord): string {
  if (record.visitor.noFixedAbode) return t.noFixedAbode;
  const lines = record.visitor.addressLines.map((line) => line.trim()).filter((line) => line !== '');
  return lines.length === 0 ? t.noAddress : lines.join(', ');
}

/**
 * The visits a search found, each with a box to tick if it is this person's. The address is
 * there so that Jon Smith of Dale Street is not taken for John Smith of Bold Street.
 */
export function ResultsTable({ records, chosen, timeZone, onChosen }: ResultsTableProps) {
  const toggle = (visitId: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(visitId);
    else next.delete(visitId);
    onChosen(next);
  };
  return (
    <>
      <p className="hint">{t.tellApart}</p>
      <div className="form__actions privacy-results__choose">
        <button type="button" className="button button--secondary button--small" onClick={() => onChosen(new Set(records.map((r) => r.visitId)))}>
          {t.chooseAll}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => onChosen(new Set())}>
          {t.chooseNone}
        </button>
      </div>
      <div className="privacy-table-wrap">
        <table className="table privacy-results">
          <caption className="table__caption">{t.caption(records.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.choose}</th>
              <th scope="col">{t.columns.ticket}</th>
              <th scope="col">{t.columns.issued}</th>
              <th scope="col">{t.columns.service}</th>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.address}</th>
              <th scope="col">{t.columns.postcode}</th>
              <th scope="col">{t.columns.status}</th>
              <th scope="col" className="privacy-table__number">
                {t.columns.receipts}
              </th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => {
              const when = zoned(record.issuedAt, timeZone);
              const on = chosen.has(record.visitId);
              return (
                <tr key={record.visitId} className={on ? 'privacy-results__chosen' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      className="privacy-check"
                      id={`privacy-choose-${record.visitId}`}
                      checked={on}
                      onChange={(event) => toggle(record.visitId, event.target.checked)}
                      aria-label={t.chooseVisit(record.number, record.visitor.name, when)}
                    />
                  </td>
                  <th scope="row">{record.number}</th>
                  <td className="privacy-table__when">{when}</td>
                  <td>{record.serviceName}</td>
                  <td>{record.visitor.name}</td>
                  <td>{addressOf(record)}</td>
                  <td className="privacy-table__postcode">{record.visitor.postcode ?? '—'}</td>
                  <td>{text.visits.statuses[record.status]}</td>
                  <td className="privacy-table__number">{record.receipts}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="privacy-results__count" role="status">
        {t.chosen(chosen.size)}
      </p>
    </>
  );
}
