import type { Session } from '../../shared/domain/staff.js';
import { DisplayLink } from '../components/display-link.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { LiveBoard } from '../manager/board/live-board.js';
import { useDocumentTitle } from '../routing/use-document-title.js';

interface ManagerHomeProps {
  session: Session;
  siteName: string | null;
  timeZone: string | null;
}

/** The manager's home: the queue now first, as a manager looks at it between everything else. */
export function ManagerHome({ session, siteName, timeZone }: ManagerHomeProps) {
  const t = text.manager;
  useDocumentTitle(t.title, siteName);
  return (
    <StaffFrame route="manager" title={t.title} session={session} siteName={siteName}>
      <LiveBoard timeZone={timeZone} />
      <DisplayLink />
    </StaffFrame>
  );
}
