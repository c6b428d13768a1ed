import type { Session } from '../../shared/domain/staff.js';
import { PlaceholderSections } from '../components/placeholder-sections.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { LiveBoard } from '../manager/board/live-board.js';
import { useDocumentTitle } from '../routing/use-document-title.js';

interface ManagerHomeProps {
  session: Session;
  siteName: string | null;
  timeZone: string | null;
}

export function ManagerHome({ session, siteName, timeZone }: ManagerHomeProps) {
  const t = text.manager;
  useDocumentTitle(t.title, siteName);
  return (
    <StaffFrame route="manager" title={t.title} session={session} siteName={siteName}>
      <p className="lead">{t.intro}</p>
      <DisplayLink />
      <LiveBoard timeZone={timeZone} />
      <PlaceholderSections sections={t.sections} />
    </StaffFrame>
  );
}

/**
 * The waiting-area display, for a manager setting up a screen: a new tab in a browser. The
 * desktop app's window may open no other window (electron/shell/harden.ts) and has the display
 * of its own on the second monitor, so there it is said instead.
 */
function DisplayLink() {
  const t = text.display;
  if ('desk' in window) return <p>{t.onSecondMonitor}</p>;
  return (
    <p>
      <a href="#/display" target="_blank" rel="noopener">
        {t.open} {t.opensNewWindow}
      </a>
    </p>
  );
}
