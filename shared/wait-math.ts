const minute = 60_000;

/**
 * The call order of DESIGN.md: a ticket counts as if it had arrived `headStartMs` earlier when it
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
 * Estimated wait for a new ticket: the tickets ahead, served by the desks open for the service
 * at today's average service time (10 minutes until there is a figure).
 */
export function estimateWaitMinutes(ahead: number, averageServiceMs: number | null, desksServing: number): number {
  const perTicket = averageServiceMs ?? 10 * minute;
  return Math.ceil((ahead * perTicket) / Math.max(1, desksServing) / minute);
}
