import type { SiteSettings } from '../../shared/domain/site.js';
import type { Session } from '../../shared/domain/staff.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { StaffSection } from '../manager/staff-section.js';
import { useDocumentTitle } from '../routing/use-document-title.js';

interface SettingsHomeProps {
  session: Session;
  siteName: string | null;
  /** The site's settings as loaded for the session; null until they arrive. */
  settings: SiteSettings | null;
}

/** The site's set-up, changed by its manager without calling IT (renderer/settings/). */
export function SettingsHome({ session, siteName, settings }: SettingsHomeProps) {
  const t = text.settings;
  useDocumentTitle(t.title, siteName);
  return (
    <StaffFrame route="settings" title={t.title} session={session} siteName={siteName}>
      <StaffSection timeZone={settings?.timeZone ?? null} />
    </StaffFrame>
  );
}
