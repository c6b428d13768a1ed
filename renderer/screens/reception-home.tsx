import type { Session } from '../../shared/domain/staff.js';
import { PlaceholderSections } from '../components/placeholder-sections.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { useDocumentTitle } from '../routing/use-document-title.js';

export function ReceptionHome({ session, siteName }: { session: Session; siteName: string | null }) {
  const t = text.reception;
  useDocumentTitle(t.title, siteName);
  return (
    <StaffFrame route="reception" title={t.title} session={session} siteName={siteName}>
      <p className="lead">{t.intro}</p>
      <PlaceholderSections sections={t.sections} />
    </StaffFrame>
  );
}
