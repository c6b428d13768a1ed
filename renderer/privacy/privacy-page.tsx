import { useEffect, useRef, useState } from 'react';
import type { Erasure, PersonRecord } from '../../shared/domain/privacy.js';
import { text } from '../i18n/text.js';
import { AuditLog } from './audit-log.js';
import { ErasePanel } from './erase-panel.js';
import { ErasuresList } from './erasures-list.js';
import { ExportPanel } from './export-panel.js';
import { FindForm } from './find-form.js';
import { PrivacyContents, PrivacySection, headingIdOf, type PrivacyPart } from './privacy-section.js';
import { PurgeLog } from './purge-log.js';
import { ResultsTable } from './results-table.js';
import { useStaffNames } from './staff-names.js';
import { StatusPanel } from './status-panel.js';
import './privacy.css';

const t = text.privacy;
const parts = {
  status: { id: 'privacy-status', heading: t.status.heading },
  find: { id: 'privacy-find', heading: t.find.heading },
  records: { id: 'privacy-records', heading: t.records.heading },
} satisfies Record<string, PrivacyPart>;

type Panel = 'export' | 'erase' | null;

interface PrivacyPageProps {
  timeZone: string;
  caseReferencePattern: string;
}

/**
 * A manager answering a data-protection officer: what is held now, find a person's visits, export
 * or erase the ones that are theirs, and the records of what was done. Focus follows each step:
 * to the results after a search, to a panel when it opens, back to its button when it closes,
 * and to the outcome after an erasure.
 */
export function PrivacyPage({ timeZone, caseReferencePattern }: PrivacyPageProps) {
  const [records, setRecords] = useState<PersonRecord[] | null>(null);
  const [searches, setSearches] = useState(0);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set());
  const [panel, setPanel] = useState<Panel>(null);
  const [chooseFirst, setChooseFirst] = useState(false);
  const [erased, setErased] = useState<string | null>(null);
  // Bumped after an erasure: the status, the purge log, the erasures and the audit log read again.
  const [version, setVersion] = useState(0);
  const staffNames = useStaffNames();
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const erasedNotice = useRef<HTMLParagraphElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const eraseButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (searches > 0) resultsHeading.current?.focus();
  }, [searches]);
  useEffect(() => {
    if (erased !== null) erasedNotice.current?.focus();
  }, [erased]);

  function found(next: PersonRecord[]) {
    setRecords(next);
    setChosen(new Set());
    setPanel(null);
    setErased(null);
    setChooseFirst(false);
    setSearches((n) => n + 1);
  }

  function open(next: Exclude<Panel, null>) {
    setErased(null);
    if (chosen.size === 0) {
      setChooseFirst(true);
      return;
    }
    setChooseFirst(false);
    setPanel(next);
  }

  function close() {
    const button = panel === 'erase' ? eraseButton : exportButton;
    setPanel(null);
    requestAnimationFrame(() => button.current?.focus());
  }

  function onErased(erasure: Erasure, visitIds: number[]) {
    const gone = new Set(visitIds);
    setRecords((shown) => shown?.filter((record) => !gone.has(record.visitId)) ?? null);
    setChosen(new Set());
    setPanel(null);
    setErased(t.erase.erased(t.visits(erasure.visitsErased), t.receipts(erasure.receiptsErased), erasure.caseReference));
    setVersion((n) => n + 1);
  }

  const chosenRecords = records?.filter((record) => chosen.has(record.visitId)) ?? [];
  return (
    <div className="privacy">
      <p className="lead privacy__intro">{t.intro}</p>
      <PrivacyContents title={t.contents} parts={Object.values(parts)} />

      <PrivacySection part={parts.status}>
        <StatusPanel timeZone={timeZone} version={version} />
      </PrivacySection>

      <PrivacySection part={parts.find} intro={t.find.intro}>
        <FindForm labelledBy={headingIdOf(parts.find)} onFound={found} />
        <p className="notice notice--saved privacy__erased" role="status" ref={erasedNotice} tabIndex={-1} hidden={erased === null}>
          {erased}
        </p>
        {records !== null && (
          <div className="privacy-results-part">
            <h3 className="privacy-results__title" ref={resultsHeading} tabIndex={-1}>
              {t.results.heading}
            </h3>
            {records.length === 0 ? (
              <p className="privacy-results__none">{t.results.none}</p>
            ) : (
              <>
                <ResultsTable records={records} chosen={chosen} timeZone={timeZone} onChosen={setChosen} />
                <div className="form__actions privacy-results__actions">
                  <button type="button" ref={exportButton} className="button" aria-expanded={panel === 'export'} onClick={() => open('export')}>
                    {t.results.exportChosen}
                  </button>
                  <button type="button" ref={eraseButton} className="button button--danger" aria-expanded={panel === 'erase'} onClick={() => open('erase')}>
                    {t.results.eraseChosen}
                  </button>
                </div>
                {chooseFirst && chosen.size === 0 && (
                  <p className="notice notice--problem" role="alert">
                    {t.results.chooseFirst}
                  </p>
                )}
              </>
            )}
          </div>
        )}
        {panel === 'export' && chosenRecords.length > 0 && (
          <ExportPanel
            // A new choice is a new export: nothing of the last one may linger.
            key={[...chosen].join(',')}
            visitIds={chosenRecords.map((record) => record.visitId)}
            timeZone={timeZone}
            caseReferencePattern={caseReferencePattern}
            onClose={close}
          />
        )}
        {panel === 'erase' && chosenRecords.length > 0 && (
          <ErasePanel key={[...chosen].join(',')} visits={chosenRecords} caseReferencePattern={caseReferencePattern} onErased={onErased} onClose={close} />
        )}
      </PrivacySection>

      <PrivacySection part={parts.records} intro={t.records.intro}>
        <h3 className="privacy-records__title">{t.purgeLog.heading}</h3>
        <PurgeLog timeZone={timeZone} version={version} />
        <h3 className="privacy-records__title">{t.erasures.heading}</h3>
        <ErasuresList timeZone={timeZone} version={version} staffNames={staffNames} />
        <h3 className="privacy-records__title">{t.audit.heading}</h3>
        <AuditLog timeZone={timeZone} version={version} staffNames={staffNames} />
      </PrivacySection>
    </div>
  );
}
