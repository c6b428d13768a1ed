import { text } from '../i18n/text.js';

/** Below this, a wait is "under 5 minutes": a closer figure would promise more than the queue knows. */
const shortestSaid = 5;

/**
 * The wait as a visitor reads it: the core's estimate rounded to 5 minutes, in hours and minutes
 * once it passes an hour. An estimate, so never exact ("about").
 */
export function estimatedWaitLine(minutes: number): string {
  const t = text.print.ticket;
  if (minutes < shortestSaid) return t.waitUnder;
  const rounded = Math.max(shortestSaid, Math.round(minutes / shortestSaid) * shortestSaid);
  return t.waitAbout(Math.floor(rounded / 60), rounded % 60);
}

/** `position` 1 is the next to be called, so the people ahead are one fewer. */
export function peopleAheadLine(position: number): string {
  return text.print.ticket.peopleAhead(Math.max(0, position - 1));
}
