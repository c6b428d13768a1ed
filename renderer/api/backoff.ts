/**
 * Waits between reconnection attempts: quick at first (a hub restart takes a second or two),
 * then no more than every 10 seconds, with jitter so that every desk does not retry at once.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random() * 0.5));
}
