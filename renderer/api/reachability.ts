import { backoffDelay } from './backoff.js';

/**
 * Tracks whether the hub answers. Once it does not, probes it with backoff until it does, so
 * the banner goes away by itself even on a screen that makes no calls of its own.
 */
export function createReachability(report: (up: boolean) => void, probe: () => Promise<boolean>) {
  let down = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void probe().then((ok) => {
        if (!down) return;
        if (ok) markUp();
        else {
          attempt += 1;
          schedule();
        }
      });
    }, backoffDelay(attempt));
  };

  function markUp() {
    if (!down) return;
    down = false;
    attempt = 0;
    clearTimeout(timer);
    report(true);
  }

  function markDown() {
    if (down) return;
    down = true;
    report(false);
    schedule();
  }

  return { markUp, markDown, isDown: () => down };
}
