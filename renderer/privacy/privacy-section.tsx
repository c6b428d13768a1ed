import type { ReactNode } from 'react';

/** One part of the data-protection page, a target of its contents list. */
export interface PrivacyPart {
  id: string;
  heading: string;
}

export const headingIdOf = (part: PrivacyPart): string => `${part.id}-title`;

export function PrivacySection({ part, intro, children }: { part: PrivacyPart; intro?: string; children: ReactNode }) {
  return (
    <section className="privacy-section" id={part.id} aria-labelledby={headingIdOf(part)}>
      <h2 className="section-title privacy-section__title" id={headingIdOf(part)} tabIndex={-1}>
        {part.heading}
      </h2>
      {intro !== undefined && <p className="hint privacy-section__intro">{intro}</p>}
      {children}
    </section>
  );
}

/**
 * Links to each part. Hash routing owns the URL fragment (`#/data-protection`), so a link moves
 * focus to the part's heading instead of navigating, as the settings page's contents do.
 */
export function PrivacyContents({ title, parts }: { title: string; parts: readonly PrivacyPart[] }) {
  return (
    <nav className="privacy-contents" aria-labelledby="privacy-contents-title">
      <h2 className="privacy-contents__title" id="privacy-contents-title">
        {title}
      </h2>
      <ol className="privacy-contents__list">
        {parts.map((part) => (
          <li key={part.id}>
            <a
              href={`#${part.id}`}
              onClick={(event) => {
                event.preventDefault();
                const heading = document.getElementById(headingIdOf(part));
                heading?.scrollIntoView({ block: 'start' });
                heading?.focus({ preventScroll: true });
              }}
            >
              {part.heading}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
