import { useLayoutEffect, type RefObject } from 'react';

/** Never smaller than this share of the size the stylesheet gives: past it, wrapping is the lesser evil. */
const smallest = 0.35;
const steps = 7;

/**
 * Shrinks a list's text until it fits its box: the stylesheet sizes the rows from the screen and
 * their number, and this catches what it cannot foresee (a long desk name, a service name that
 * wraps). It sets `--fit` (1 = as the stylesheet says) on the list, by a binary search of a few
 * layouts, again whenever the list's box changes size or `key` changes.
 */
export function useFitToBox(ref: RefObject<HTMLElement | null>, key: string, words: string): void {
  useLayoutEffect(() => {
    const box = ref.current;
    if (box === null) return;
    const fits = () =>
      box.scrollHeight <= box.clientHeight + 1 &&
      box.scrollWidth <= box.clientWidth + 1 &&
      Array.from(box.querySelectorAll<HTMLElement>(words)).every((element) => element.scrollWidth <= element.clientWidth + 1);
    const fit = () => {
      box.style.setProperty('--fit', '1');
      if (fits()) return;
      let low = smallest;
      let high = 1;
      for (let step = 0; step < steps; step += 1) {
        const middle = (low + high) / 2;
        box.style.setProperty('--fit', String(middle));
        if (fits()) low = middle;
        else high = middle;
      }
      box.style.setProperty('--fit', String(low));
    };
    fit();
    // The box's own size changes with the window and with the waiting band below it, not with --fit.
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [ref, key, words]);
}
