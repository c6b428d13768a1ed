import { useCallback, useEffect, useRef, useState } from 'react';
import { fromFailure } from '../forms/form-errors.js';

/**
 * A log read a page at a time, newest first (`beforeId` the last id shown): the first page when
 * `load` changes (new filters, or the page asking again after an erasure), "older" appends the
 * next. A failed read keeps what was shown and says why.
 */
export function usePaged<T extends { id: number }>(load: (beforeId: number | undefined) => Promise<T[]>, pageSize: number) {
  const [items, setItems] = useState<T[] | null>(null);
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The answer to an older request must not overwrite a newer one (filters changed meanwhile).
  const generation = useRef(0);

  const read = useCallback(
    async (beforeId: number | undefined, append: boolean): Promise<T[]> => {
      const mine = ++generation.current;
      setBusy(true);
      try {
        const page = await load(beforeId);
        if (mine !== generation.current) return [];
        setItems((shown) => (append && shown !== null ? [...shown, ...page] : page));
        setMore(page.length === pageSize);
        setProblem(null);
        return page;
      } catch (error) {
        if (mine === generation.current) setProblem(fromFailure(error).summary);
        return [];
      } finally {
        if (mine === generation.current) setBusy(false);
      }
    },
    [load, pageSize],
  );

  useEffect(() => {
    void read(undefined, false);
  }, [read]);

  const older = useCallback(async (): Promise<T[]> => {
    const last = items?.at(-1);
    if (last === undefined) return [];
    return read(last.id, true);
  }, [items, read]);

  return { items, more, busy, problem, older };
}
