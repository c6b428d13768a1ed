import type { ReactNode } from 'react';
import { text } from '../i18n/text.js';

/**
 * What a paged log (usePaged) shows around its entries: a failed read's reason, "Loading…"
 * before the first page, the log's own words when it is empty, and otherwise its entries.
 */
export function PagedState<T>({ problem, items, none, children }: { problem: string | null; items: T[] | null; none: string; children: (items: T[]) => ReactNode }) {
  return (
    <>
      {problem !== null && (
        <p className="notice notice--problem" role="alert">
          {problem}
        </p>
      )}
      {items === null ? <p role="status">{text.loading}</p> : items.length === 0 ? <p role="status">{none}</p> : children(items)}
    </>
  );
}
