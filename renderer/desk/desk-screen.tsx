import { useState } from 'react';
import type { OpenDesk } from '../../shared/domain/desk-session.js';
import type { Session } from '../../shared/domain/staff.js';
import { useApi } from '../api/api-context.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { PrintView } from '../print/print-view.js';
import { useDocumentTitle } from '../routing/use-document-title.js';
import { OpenDeskForm } from './open-desk-form.js';
import { useLive } from './use-live.js';
import { WorkingDesk } from './working-desk.js';
import '../components/form.css';
import './desk.css';

const siteEvents = ['settings-changed'] as const;
const deskEvents = ['queue-changed', 'ticket-called'] as const;

/**
 * The advisor's desk: open one (or go straight to the one already open for this advisor), then
 * call, serve and close tickets all day by keyboard. Receipts print as at reception, through the
 * print view mounted here once.
 */
export function DeskScreen({ session, siteName }: { session: Session; siteName: string | null }) {
  const api = useApi();
  const services = useLive(() => api.listServices({}), siteEvents);
  const desks = useLive(() => api.listDesks({}), siteEvents);
  const sessions = useLive(() => api.listDeskSessions({}), deskEvents);
  const [closed, setClosed] = useState<string | null>(null);
  useDocumentTitle(text.desk.title, siteName);

  const advisorId = session.staff.id;
  const mine = sessions.value?.find((open) => open.advisorId === advisorId) ?? null;
  const replace = (update: (desk: OpenDesk) => OpenDesk) =>
    sessions.set((list) => (list ?? []).map((open) => (open.advisorId === advisorId ? update(open) : open)));

  let body;
  if (services.value === null || desks.value === null || sessions.value === null) {
    body = <p className="hint">{text.loading}</p>;
  } else if (mine !== null) {
    body = (
      <WorkingDesk
        key={mine.deskId}
        desk={mine}
        services={services.value}
        advisorId={advisorId}
        onDesk={replace}
        onClosed={(desk) => {
          setClosed(text.desk.open.closed(desk.deskName));
          sessions.set((list) => (list ?? []).filter((open) => open.deskId !== desk.deskId));
        }}
      />
    );
  } else {
    body = (
      <OpenDeskForm
        desks={desks.value}
        services={services.value}
        sessions={sessions.value}
        advisorId={advisorId}
        notice={closed}
        onOpened={(desk) => {
          setClosed(null);
          sessions.set((list) => [...(list ?? []).filter((open) => open.deskId !== desk.deskId), desk]);
        }}
      />
    );
  }

  return (
    <StaffFrame route="desk" title={text.desk.title} session={session} siteName={siteName} focusTitle={false}>
      {body}
      <PrintView />
    </StaffFrame>
  );
}
