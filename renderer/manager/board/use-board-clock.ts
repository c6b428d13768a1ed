import { useEffect, useState } from 'react';

// Often enough that a wait passing its target shows within half a minute, rarely enough to cost nothing.
const tickMs = 20_000;

/**
 * This PC's time, moved on every 20 seconds and at once when `fresh` changes (new figures have
 * arrived): only the minutes shown move with it; the figures come from the hub's events.
 */
export function useBoardClock(fresh: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [fresh]);
  return now;
}
