const minute = 60_000;

/**
 * The call order of docs/design.md: a ticket counts as if it had arrived `headStartMs` earlier when it
 * is a priority; ties go to the lower visit id. Pure, so the core's SQL and tests agree with it.
 */
export function effectiveQueueTime(queuedAt: number, priority: boolean, headStartMs: number): number {
  return priority ? queuedAt - headStartMs : queuedAt;
}

export function compareCallOrder(
  a: { queuedAt: number; priority: boolean; visitId: number },
  b: { queuedAt: number; priority: boolean; visitId: number },
  headStartMs: number,
): number {
  const diff = effectiveQueueTime(a.queuedAt, a.priority, headStartMs) - effectiveQueueTime(b.queuedAt, b.priority, headStartMs);
  return diff !== 0 ? diff : a.visitId - b.visitId;
}

export function minutesBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / minute));
}

/** Share of called tickets that waited no longer than their target, or null before any. */
export function serviceLevel(withinTarget: number, total: number): number | null {
  return total === 0 ? null : withinTarget / total;
}

/**
 * Estimated wait for a new ticket: the tickets ahead — plus the visitor at the desk when every
 * desk for the service is busy, since one of them must finish first — shared among the desks
 * serving it, at today's time per visitor of the service (10 minutes until there is a figure),
 * a part minute rounded up. A desk shared with other services counts for its share (the caller's
 * business). Checked against a replayed day by `npm run bench -- --site-day`.
 */
export function estimateWaitMinutes(ahead: number, averageServiceMs: number | null, desksServing: number, everyDeskBusy = false): number {
  const perTicket = averageServiceMs ?? 10 * minute;
  const before = everyDeskBusy ? ahead + 1 : ahead;
  // No desk open: counted as one, rather than dividing by nothing. A share below one desk is kept.
  return Math.ceil((before * perTicket) / (desksServing > 0 ? desksServing : 1) / minute);
}
