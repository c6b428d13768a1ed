import type { SiteSettings } from '../../shared/domain/site.js';
import type { Session } from '../../shared/domain/staff.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { PrivacyPage } from '../privacy/privacy-page.js';
import { useDocumentTitle } from '../routing/use-document-title.js';

interface PrivacyHomeProps {
  session: Session;
  siteName: string | null;
  /** The site's settings as loaded for the session; null until they arrive. */
  settings: SiteSettings | null;
}

/** Subject access, erasure on request, and the audit and purge logs (renderer/privacy/). */
export function PrivacyHome({ session, siteName, settings }: PrivacyHomeProps) {
  const t = text.privacy;
  useDocumentTitle(t.title, siteName);
  return (
    <StaffFrame route="data-protection" title={t.title} session={session} siteName={siteName}>
      {/* Times mean the site's clock and references its pattern: nothing is shown until the settings are known. */}
      {settings === null ? (
        <p role="status">{text.loading}</p>
      ) : (
        <PrivacyPage timeZone={settings.timeZone} caseReferencePattern={settings.caseReferencePattern} />
      )}
    </StaffFrame>
  );
}
