import type { ReactNode } from 'react';
import { PageContents, PageSection, headingIdOf, type PagePart } from '../components/page-parts.js';

/** One part of the data-protection page, a target of its contents list. */
export type PrivacyPart = PagePart;
export { headingIdOf };

export function PrivacySection({ part, intro, children }: { part: PrivacyPart; intro?: string; children: ReactNode }) {
  return (
    <PageSection block="privacy" part={part} intro={intro}>
      {children}
    </PageSection>
  );
}

/** Links to each part of the data-protection page. */
export function PrivacyContents({ title, parts }: { title: string; parts: readonly PrivacyPart[] }) {
  return <PageContents block="privacy" title={title} parts={parts} />;
}
