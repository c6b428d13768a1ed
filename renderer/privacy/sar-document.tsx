import type { ReactNode } from 'react';
import type { SubjectAccessExport, SubjectAccessVisit } from '../../shared/domain/privacy.js';
import { text } from '../i18n/text.js';
import { longLocalDate, zoned } from './zoned-time.js';

const t = text.privacy.document;

/**
 * Everything held for the chosen visits, in plain words, for the person who asked: on screen to
 * check, and what prints (privacy.css, `@media print`). Staff appear by role only.
 */
export function SarDocument({ answer }: { answer: SubjectAccessExport }) {
  const tz = answer.timeZone;
  return (
    <article className="sar-document" aria-labelledby="sar-document-title">
      <h3 className="sar-document__title" id="sar-document-title">
        {t.heading}
      </h3>
      <p>{t.intro(answer.siteName, zoned(answer.generatedAt, tz))}</p>
      <p>{t.staffByRole}</p>
      <p>{t.retention(answer.retentionDays)}</p>
      {answer.visits.map((visit) => (
        <VisitRecord key={visit.visitId} visit={visit} timeZone={tz} />
      ))}
    </article>
  );
}

function needsOf(visit: SubjectAccessVisit): string[] {
  const needs: string[] = [];
  if (visit.needs.interpreter) needs.push(t.interpreter(visit.needs.language));
  if (visit.needs.hearing) needs.push(t.hearing);
  if (visit.needs.mobility) needs.push(t.mobility);
  return needs;
}

function VisitRecord({ visit, timeZone }: { visit: SubjectAccessVisit; timeZone: string }) {
  const at = (ms: number) => zoned(ms, timeZone);
  const needs = needsOf(visit);
  const address = visit.visitor.noFixedAbode ? text.privacy.results.noFixedAbode : visit.visitor.addressLines.filter((l) => l.trim() !== '').join(', ');
  const times = [
    t.issued(at(visit.issuedAt)),
    ...(visit.calledAt === null ? [] : [t.called(at(visit.calledAt))]),
    ...(visit.startedAt === null ? [] : [t.started(at(visit.startedAt))]),
    ...(visit.finishedAt === null ? [] : [t.finished(at(visit.finishedAt))]),
  ];
  return (
    <section className="sar-visit" aria-labelledby={`sar-visit-${visit.visitId}`}>
      <h4 className="sar-visit__title" id={`sar-visit-${visit.visitId}`}>
        {t.visit(visit.number, zoned(visit.issuedAt, timeZone, 'date'))}
      </h4>
      <dl className="sar-visit__facts">
        <Fact term={t.service}>{visit.serviceName}</Fact>
        <Fact term={t.name}>{visit.visitor.name}</Fact>
        <Fact term={t.address}>{address === '' ? text.privacy.results.noAddress : address}</Fact>
        <Fact term={t.postcode}>{visit.visitor.postcode ?? '—'}</Fact>
        <Fact term={t.reason}>{visit.reason.trim() === '' ? t.noReason : visit.reason}</Fact>
        <Fact term={t.needs}>{needs.length === 0 ? t.noNeeds : needs.join('; ')}</Fact>
        <Fact term={t.priority}>{visit.priority === null ? t.notPriority : t.priorityReasons[visit.priority]}</Fact>
        <Fact term={t.byNumberOnly}>{visit.callByNumberOnly ? t.yes : t.no}</Fact>
        <Fact term={t.times}>
          <ul className="sar-visit__list">
            {times.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {(visit.recalls > 0 || visit.transfers > 0) && <p className="sar-visit__aside">{t.recallsTransfers(visit.recalls, visit.transfers)}</p>}
        </Fact>
        {visit.deskName !== null && <Fact term={t.desk}>{visit.deskName}</Fact>}
        <Fact term={t.servedBy}>{visit.startedAt === null ? t.notServed : t.servedByRole}</Fact>
        <Fact term={t.outcome}>{visit.outcome === null ? t.noOutcome : t.outcomes[visit.outcome]}</Fact>
        <Fact term={t.note}>{visit.note === null || visit.note.trim() === '' ? t.noNote : visit.note}</Fact>
        <Fact term={t.receipts}>
          {visit.receipts.length === 0 ? (
            t.noReceipts
          ) : (
            <ul className="sar-visit__list">
              {visit.receipts.map((receipt) => (
                <li key={receipt.reference}>
                  {t.receipt(receipt.reference, at(receipt.receivedAt))}
                  <ul>
                    {receipt.items.map((item, i) => (
                      <li key={i}>{t.item(text.print.kinds[item.kind], item.description, item.count, item.original, item.returned)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </dl>
      <p className="sar-visit__delete">{t.deleteAfter(longLocalDate(visit.deleteAfter))}</p>
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="sar-visit__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
