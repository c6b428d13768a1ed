import { useEffect, useRef, useState } from 'react';
import type { Service } from '../../shared/domain/site.js';
import type { Session } from '../../shared/domain/staff.js';
import type { VisitMatch } from '../../shared/domain/visit.js';
import { useApi } from '../api/api-context.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { usePrint, type PrintOutcome } from '../print/print-job.js';
import { PrintView } from '../print/print-view.js';
import { useDocumentTitle } from '../routing/use-document-title.js';
import { useConnectionStore } from '../state/connection-store.js';
import { useSiteStore } from '../state/site-store.js';
import { issuingWindow } from './after-hours.js';
import { EvidencePanel } from './evidence-panel.js';
import { IssuedTicket } from './issued-ticket.js';
import { QueueStrip } from './queue-strip.js';
import { TodaysVisits } from './todays-visits.js';
import { VisitorForm, type IssuedVisit } from './visitor-form.js';
import './reception.css';

const minuteMs = 60_000;

/** How a print went, in the receptionist's words. */
function printNote(outcome: PrintOutcome): { ok: boolean; message: string } {
  if (!outcome.printed) return { ok: false, message: outcome.message };
  return { ok: true, message: outcome.via === 'printer' ? text.reception.issued.printedVia(outcome.printer) : text.reception.issued.printDialog };
}

/**
 * The front desk: the visitor form and the ticket it prints, the queue at a glance, today's
 * visits for a reprint, a cancellation or evidence, and the evidence receipt.
 */
export function ReceptionScreen({ session, siteName }: { session: Session; siteName: string | null }) {
  const api = useApi();
  const print = usePrint();
  const settings = useSiteStore((state) => state.settings);
  const reachable = useConnectionStore((state) => state.reachable);
  const [services, setServices] = useState<Service[]>([]);
  const [last, setLast] = useState<IssuedVisit | null>(null);
  const [note, setNote] = useState<{ ok: boolean; message: string } | null>(null);
  const [printing, setPrinting] = useState(false);
  const [evidenceFor, setEvidenceFor] = useState<VisitMatch | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const evidenceRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(text.reception.title, siteName);

  useEffect(() => {
    if (!reachable) return;
    let live = true;
    const load = () =>
      api.listServices({}).then(
        (list) => {
          if (live) setServices(list);
        },
        () => undefined,
      );
    void load();
    const stop = api.subscribe((event) => {
      if (event.type === 'settings-changed') void load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [api, reachable]);

  // The last-ticket time passes while the screen is open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), minuteMs);
    return () => clearInterval(timer);
  }, []);

  async function printTicket(visit: IssuedVisit, reprint: boolean) {
    setPrinting(true);
    try {
      setNote(printNote(await print({ kind: 'ticket', issued: visit.issued, serviceName: visit.service.name, reprint })));
    } finally {
      setPrinting(false);
    }
  }

  async function printAgain() {
    if (last === null || printing) return;
    try {
      const issued = await api.reprintTicket({ visitId: last.issued.ticket.visitId });
      const again = { ...last, issued };
      setLast(again);
      await printTicket(again, true);
    } catch (error) {
      setNote({ ok: false, message: error instanceof Error ? error.message : text.errors.unexpected });
    }
  }

  function openEvidence(visit: VisitMatch) {
    setEvidenceFor(visit);
    requestAnimationFrame(() => evidenceRef.current?.scrollIntoView({ block: 'start' }));
  }

  const timeZone = settings?.timeZone ?? 'Europe/London';
  const window = settings === null ? ({ late: false } as const) : issuingWindow(now, settings.timeZone, settings.openingHours);
  return (
    <StaffFrame route="reception" title={text.reception.title} session={session} siteName={siteName} focusTitle={false}>
      <QueueStrip services={services} />
      <div className="reception">
        <div className="reception__form">
          <VisitorForm
            services={services}
            window={window}
            timeZone={timeZone}
            onIssued={(visit) => {
              setLast(visit);
              setEvidenceFor(null);
              void printTicket(visit, false);
            }}
          />
        </div>
        <div className="reception__side">
          <IssuedTicket
            last={last}
            timeZone={timeZone}
            printNote={note}
            busy={printing}
            onPrintAgain={() => void printAgain()}
            onEvidence={() => {
              if (last === null) return;
              openEvidence({
                ticket: last.issued.ticket,
                visitorName: last.visitorName,
                postcode: last.postcode,
                noFixedAbode: last.noFixedAbode,
                receipts: 0,
              });
            }}
          />
          <div ref={evidenceRef}>{evidenceFor !== null && <EvidencePanel key={evidenceFor.ticket.visitId} visit={evidenceFor} onClose={() => setEvidenceFor(null)} />}</div>
        </div>
      </div>
      <TodaysVisits services={services} onEvidence={openEvidence} />
      <PrintView />
    </StaffFrame>
  );
}
