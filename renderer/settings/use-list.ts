import { useCallback, useEffect, useState } from 'react';
import { fromFailure } from '../forms/form-errors.js';

/**
 * What a settings part shows and changes (a list of services or desks, the LAN status): loaded
 * once, loaded again after each change, or set from a change's own answer. A failed load keeps
 * what was shown and says why.
 */
export function useLoaded<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setValue(await load());
      setProblem(null);
    } catch (error) {
      setProblem(fromFailure(error).summary);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { value, setValue, problem, setProblem, reload };
}

/** A list the part shows and changes (services, desks). */
export function useList<T>(load: () => Promise<T[]>) {
  const { value: items, problem, setProblem, reload } = useLoaded(load);
  return { items, problem, setProblem, reload };
}
