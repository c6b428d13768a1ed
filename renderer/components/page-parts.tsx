import type { ReactNode } from 'react';

/** One part of a long page (Settings, Data protection): a target of the page's contents list. */
export interface PagePart {
  id: string;
  heading: string;
}

export function headingIdOf(part: PagePart): string {
  return `${part.id}-title`;
}

/** The page's own CSS block: its classes are `<block>-contents…` and `<block>-section…`. */
type Block = 'settings' | 'privacy';

/** A titled part of the page; its heading takes focus when the contents list jumps to it. */
export function PageSection({ block, part, intro, children }: { block: Block; part: PagePart; intro?: string | undefined; children: ReactNode }) {
  return (
    <section className={`${block}-section`} id={part.id} aria-labelledby={headingIdOf(part)}>
      <h2 className={`section-title ${block}-section__title`} id={headingIdOf(part)} tabIndex={-1}>
        {part.heading}
      </h2>
      {intro !== undefined && <p className={`hint ${block}-section__intro`}>{intro}</p>}
      {children}
    </section>
  );
}

/**
 * Links to each part of the page. Hash routing owns the URL fragment (`#/settings`), so a link
 * moves focus to the part's heading instead of navigating, as the error summary's links do.
 */
export function PageContents({ block, title, parts }: { block: Block; title: string; parts: readonly PagePart[] }) {
  const titleId = `${block}-contents-title`;
  return (
    <nav className={`${block}-contents`} aria-labelledby={titleId}>
      <h2 className={`${block}-contents__title`} id={titleId}>
        {title}
      </h2>
      <ol className={`${block}-contents__list`}>
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
