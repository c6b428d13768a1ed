import { minutesBetween } from '../../shared/wait-math.js';

/** How a wait stands against its service's target: the sidebar says it in a word and an icon, not by colour alone. */
export type WaitLevel = 'ok' | 'near' | 'over';

/**
 * Within target up to three quarters of it, near target from there to the target itself, over
 * target past it. "Within" includes the target minute, as the reports count it (a first call no
 * later than `targetWaitMinutes` after issue).
 */
export function waitLevel(minutes: number, targetMinutes: number): WaitLevel {
  if (minutes > targetMinutes) return 'over';
  if (minutes * 4 >= targetMinutes * 3) return 'near';
  return 'ok';
}

/** Whole minutes from `from` to `now`, never negative (a PC clock a little behind the hub's). */
export function minutesSince(from: number, now: number): number {
  return minutesBetween(from, now);
}
