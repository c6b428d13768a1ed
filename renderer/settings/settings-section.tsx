import type { ReactNode } from 'react';
import { PageSection, type PagePart } from '../components/page-parts.js';

/** One part of the settings page, a target of its contents list (settings-contents.tsx). */
export type SettingsPart = PagePart;

export function SettingsSection({ part, children }: { part: SettingsPart; children: ReactNode }) {
  return (
    <PageSection block="settings" part={part}>
      {children}
    </PageSection>
  );
}
