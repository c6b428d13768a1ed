import { useEffect, useLayoutEffect, useRef } from 'react';
import { deskKeyOf, type DeskKey } from './desk-keys.js';

/**
 * Listens for the desk's keys anywhere on the page while mounted; only the steps given (those
 * on offer now) answer. A key another control already handled (`defaultPrevented`) and a held
 * key's repeats are left alone, so holding F2 calls one ticket, not five.
 */
export function useDeskKeys(handlers: Partial<Record<DeskKey, () => void>>): void {
  const current = useRef(handlers);
  useLayoutEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const key = deskKeyOf(event);
      if (key === null) return;
      const handler = current.current[key];
      if (handler === undefined) return;
      event.preventDefault();
      if (!event.repeat) handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
