import type { ReactNode } from 'react';

/** One part of the settings page, a target of the contents list (settings-contents.tsx). */
export interface SettingsPart {
  id: string;
  heading: string;
}

export function headingIdOf(part: SettingsPart): string {
  return `${part.id}-title`;
}

/** A titled part of the page; its heading takes focus when the contents list jumps to it. */
export function SettingsSection({ part, children }: { part: SettingsPart; children: ReactNode }) {
  return (
    <section className="settings-section" id={part.id} aria-labelledby={headingIdOf(part)}>
      <h2 className="section-title settings-section__title" id={headingIdOf(part)} tabIndex={-1}>
        {part.heading}
      </h2>
      {children}
    </section>
  );
}
