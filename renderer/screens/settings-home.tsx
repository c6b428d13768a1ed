import type { SiteSettings } from '../../shared/domain/site.js';
import type { Session } from '../../shared/domain/staff.js';
import { StaffFrame } from '../components/staff-frame.js';
import { text } from '../i18n/text.js';
import { staffPart, StaffSection } from '../manager/staff-section.js';
import { useDocumentTitle } from '../routing/use-document-title.js';
import { DesksSection } from '../settings/desks-section.js';
import { DisplayLink } from '../components/display-link.js';
import { CaseReferenceForm } from '../settings/case-reference-form.js';
import { IdleLockForm } from '../settings/idle-lock-form.js';
import { LanSection } from '../settings/lan-section.js';
import { OpeningHoursForm } from '../settings/opening-hours-form.js';
import { RecordsForm } from '../settings/records-form.js';
import { RecoveryPassphraseForm } from '../settings/recovery-passphrase-form.js';
import { ServicesSection } from '../settings/services-section.js';
import { SettingsContents } from '../settings/settings-contents.js';
import { SettingsSection, type SettingsPart } from '../settings/settings-section.js';
import { SiteForm } from '../settings/site-form.js';
import { TicketsForm } from '../settings/tickets-form.js';
import '../settings/settings.css';
import '../settings/lan.css';

interface SettingsHomeProps {
  session: Session;
  siteName: string | null;
  /** The site's settings as loaded for the session; null until they arrive. */
  settings: SiteSettings | null;
}

const t = text.settings;
const part = (id: string, heading: string): SettingsPart => ({ id: `settings-${id}`, heading });
const parts = {
  site: part('site', t.site.heading),
  services: part('services', t.services.heading),
  desks: part('desks', t.desks.heading),
  staff: staffPart,
  hours: part('hours', t.hours.heading),
  tickets: part('tickets', t.tickets.heading),
  security: part('security', t.security.heading),
  lan: part('lan', t.lan.heading),
  records: part('records', t.records.heading),
  display: part('display', t.display.heading),
};

/** The site's set-up, changed by its manager without calling IT (renderer/settings/). */
export function SettingsHome({ session, siteName, settings }: SettingsHomeProps) {
  useDocumentTitle(t.title, siteName);
  // The settings forms start from what is saved, once it has arrived; each keeps its own draft.
  const loading = <p className="hint">{text.loading}</p>;
  return (
    <StaffFrame route="settings" title={t.title} session={session} siteName={siteName}>
      <p className="lead">{t.intro}</p>
      <SettingsContents parts={Object.values(parts)} />
      <SettingsSection part={parts.site}>{settings === null ? loading : <SiteForm settings={settings} />}</SettingsSection>
      <SettingsSection part={parts.services}>
        <ServicesSection />
      </SettingsSection>
      <SettingsSection part={parts.desks}>
        <DesksSection />
      </SettingsSection>
      <StaffSection timeZone={settings?.timeZone ?? null} />
      <SettingsSection part={parts.hours}>{settings === null ? loading : <OpeningHoursForm settings={settings} />}</SettingsSection>
      <SettingsSection part={parts.tickets}>{settings === null ? loading : <TicketsForm settings={settings} />}</SettingsSection>
      <SettingsSection part={parts.security}>
        {settings === null ? (
          loading
        ) : (
          <>
            <IdleLockForm settings={settings} />
            <RecoveryPassphraseForm isSet={settings.recoveryPassphraseSet} />
          </>
        )}
      </SettingsSection>
      <SettingsSection part={parts.lan}>
        <p className="hint">{t.lan.intro}</p>
        <LanSection timeZone={settings?.timeZone ?? null} />
      </SettingsSection>
      <SettingsSection part={parts.records}>
        {settings === null ? (
          loading
        ) : (
          <>
            <RecordsForm settings={settings} />
            <CaseReferenceForm settings={settings} />
          </>
        )}
      </SettingsSection>
      <SettingsSection part={parts.display}>
        <p>{t.display.intro}</p>
        <DisplayLink />
      </SettingsSection>
    </StaffFrame>
  );
}
