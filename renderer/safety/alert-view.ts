import type { SafetyAlert } from '../../shared/domain/safety.js';

const minuteMs = 60_000;

export interface AlertsForMe {
  /** Colleagues' open alerts, oldest first: each asks this person to go and help. */
  others: SafetyAlert[];
  /** This person's own open alert, shown to them as a calm confirmation instead. */
  own: SafetyAlert | null;
}

/** Splits the open alerts by who raised them; an acknowledged one is never shown as open. */
export function alertsFor(alerts: readonly SafetyAlert[], staffId: number): AlertsForMe {
  const open = alerts.filter((alert) => alert.acknowledgedAt === null);
  const others = open.filter((alert) => alert.raisedBy.id !== staffId).sort((a, b) => a.raisedAt - b.raisedAt || a.id - b.id);
  const own = open.filter((alert) => alert.raisedBy.id === staffId).sort((a, b) => b.raisedAt - a.raisedAt)[0] ?? null;
  return { others, own };
}

/**
 * Whole minutes since the alert was raised; never negative, since the hub's clock and this
 * PC's may differ by a little.
 */
export function minutesSince(at: number, now: number): number {
  return Math.max(0, Math.floor((now - at) / minuteMs));
}

export interface AgoWords {
  justNow: string;
  minutesAgo(minutes: number): string;
  hoursAgo(hours: number, minutes: number): string;
}

/** "just now", "2 min ago", "1 h 5 min ago". */
export function agoWording(at: number, now: number, words: AgoWords): string {
  const minutes = minutesSince(at, now);
  if (minutes === 0) return words.justNow;
  if (minutes < 60) return words.minutesAgo(minutes);
  return words.hoursAgo(Math.floor(minutes / 60), minutes % 60);
}

export interface OwnAfterListing {
  own: SafetyAlert | null;
  /** The own alert that was open has left the list: a colleague answered it, and who is to be asked. */
  answered: SafetyAlert | null;
}

/**
 * One's own alert after the hub listed the open ones: the listed one if any; else an alert that
 * was open and is gone was answered by someone (who, the list no longer says); else as it was.
 */
export function ownAfterListing(previous: SafetyAlert | null, listedOwn: SafetyAlert | null): OwnAfterListing {
  if (listedOwn !== null) return { own: listedOwn, answered: null };
  if (previous !== null && previous.acknowledgedAt === null) return { own: previous, answered: previous };
  return { own: previous, answered: null };
}

/** What the person who asked for help sees: still waiting, who is coming, or nothing. */
export type OwnState = { kind: 'waiting'; alert: SafetyAlert } | { kind: 'coming'; alert: SafetyAlert; by: string } | { kind: 'none' };

export function ownState(own: SafetyAlert | null, staffId: number): OwnState {
  if (own === null) return { kind: 'none' };
  if (own.acknowledgedAt === null) return { kind: 'waiting', alert: own };
  // Cancelled by the person themselves: nobody is coming, and nothing needs saying.
  if (own.acknowledgedBy === null || own.acknowledgedBy.id === staffId) return { kind: 'none' };
  return { kind: 'coming', alert: own, by: own.acknowledgedBy.name };
}

/** How long "Colleague on the way" or "You are going" stays unless closed: after that it is history. */
export const answeredShownMinutes = 10;

export function stillWorthSaying(answeredAt: number, now: number): boolean {
  return minutesSince(answeredAt, now) < answeredShownMinutes;
}
