import { useCallback, useEffect, useState } from 'react';
import { fromFailure } from '../forms/form-errors.js';

/**
 * A list the part shows and changes (services, desks): loaded once, loaded again after each
 * change. A failed load keeps what was shown and says why.
 */
export function useList<T>(load: () => Promise<T[]>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setItems(await load());
      setProblem(null);
    } catch (error) {
      setProblem(fromFailure(error).summary);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, problem, setProblem, reload };
}
