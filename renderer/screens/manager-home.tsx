import type { Session } from '../../shared/domain/staff.js';
import { PlaceholderSections } from '../components/placeholder-sections.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { StaffSection } from '../manager/staff-section.js';
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
      <StaffSection timeZone={timeZone} />
      <PlaceholderSections sections={t.sections} />
    </StaffFrame>
  );
}
