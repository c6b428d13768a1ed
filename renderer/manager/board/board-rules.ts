import type { LiveDeskFigures, LiveServiceFigures, LiveSnapshot } from '../../../shared/domain/stats.js';
import { minutesBetween } from '../../../shared/wait-math.js';
import { waitLevel, type WaitLevel } from '../../desk/wait-level.js';

/** A service's queue against its target; `none` when nobody waits for it. */
export type Standing = WaitLevel | 'none';

export interface ServiceStanding {
  service: LiveServiceFigures;
  /** The longest wait now, in whole minutes; null when nobody waits. */
  minutes: number | null;
  standing: Standing;
}

/**
 * The longest wait of a service at `now`, aged on this PC's clock from when its oldest ticket
 * joined the queue, so the board moves on between the hub's events without polling. Never less
 * than the hub's own figure, which a PC clock running behind the hub's would otherwise undercut.
 */
export function agedWaitMinutes(service: LiveServiceFigures, now: number): number | null {
  if (service.waiting === 0 || service.oldestQueuedAtMs === null) return null;
  return Math.max(service.longestWaitMinutes, minutesBetween(service.oldestQueuedAtMs, now));
}

/**
 * Within, near (from three quarters of the target) or over target: the same rule as the desk's
 * queue (../../desk/wait-level.ts), so the manager and the advisors never see a wait differently.
 */
export function serviceStanding(service: LiveServiceFigures, now: number): ServiceStanding {
  const minutes = agedWaitMinutes(service, now);
  return { service, minutes, standing: minutes === null ? 'none' : waitLevel(minutes, service.targetWaitMinutes) };
}

export interface Headline {
  waiting: number;
  /** The longest wait now and its service; null when nobody waits. */
  longest: { minutes: number; serviceName: string } | null;
  servedToday: number;
  /** Whole per cent of today's called tickets called within target; null before any call. */
  withinTargetPercent: number | null;
  averageWaitMinutes: number | null;
  averageServiceMinutes: number | null;
}

export function headline(snapshot: LiveSnapshot, standings: readonly ServiceStanding[]): Headline {
  let longest: Headline['longest'] = null;
  for (const { service, minutes } of standings) {
    if (minutes !== null && (longest === null || minutes > longest.minutes)) longest = { minutes, serviceName: service.serviceName };
  }
  return {
    waiting: snapshot.waitingTotal,
    longest,
    servedToday: snapshot.servedToday,
    withinTargetPercent: snapshot.withinTargetShare === null ? null : Math.round(snapshot.withinTargetShare * 100),
    averageWaitMinutes: snapshot.averageWaitMinutes,
    averageServiceMinutes: snapshot.averageServiceMinutes,
  };
}

export interface OverTargetChange {
  /** The services over target now: the next call's `before`. */
  over: ReadonlySet<number>;
  /** Those that were not over before, in the board's order: what is worth saying out loud. */
  newlyOver: ServiceStanding[];
}

/**
 * Which services have just passed their target. A service is said once when it passes, not on
 * every refetch or tick; one that comes back within target is said again if it passes again.
 */
export function overTargetChange(before: ReadonlySet<number>, standings: readonly ServiceStanding[]): OverTargetChange {
  const overNow = standings.filter((each) => each.standing === 'over');
  return {
    over: new Set(overNow.map((each) => each.service.serviceId)),
    newlyOver: overNow.filter((each) => !before.has(each.service.serviceId)),
  };
}

/** What a desk is doing, for the board's words: a pause wins over the open desk it pauses. */
export type DeskState =
  | { kind: 'closed' }
  | { kind: 'idle'; sinceMs: number | null }
  | { kind: 'called' | 'serving'; ticket: string; sinceMs: number | null }
  | { kind: 'paused'; reason: 'break' | 'admin' | 'training'; sinceMs: number };

export function deskState(desk: LiveDeskFigures): DeskState {
  if (desk.status === 'closed') return { kind: 'closed' };
  if (desk.paused !== null) return { kind: 'paused', reason: desk.paused.reason, sinceMs: desk.paused.sinceMs };
  if ((desk.status === 'called' || desk.status === 'serving') && desk.ticketNumber !== null) {
    return { kind: desk.status, ticket: desk.ticketNumber, sinceMs: desk.sinceMs };
  }
  return { kind: 'idle', sinceMs: desk.sinceMs };
}
