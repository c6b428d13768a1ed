/**
 * The day itself: receptions issuing tickets for the day's visitors at the same time, desks
 * calling the next ticket whenever they are free, serving it or marking a no-show (some after
 * a recall). How fast it goes is the pacing's business: as fast as the hub answers, or on a
 * site clock running many times faster than real time.
 */
import type { PriorityReason, ServiceOutcome, TicketView } from '../../../shared/domain/visit.js';
import { random } from '../bench-store.js';
import { Arrivals, Ledger } from './ledger.js';
import type { DeskPc, SiteWorld } from './site-setup.js';

export interface Visitor {
  serviceLetter: string;
  priority: PriorityReason | null;
}

export interface Pacing {
  /** Resolves when visitor `index` reaches reception. */
  arrival(index: number): Promise<void>;
  /** The time at the desk with the visitor (the desk's service time), once started. */
  serve(serviceId: number, draw: () => number): Promise<void>;
  /** How long a desk waits for a called visitor before marking a no-show. */
  noShowWait(): Promise<void>;
  /** How long a desk with nobody to call waits at most before asking again (real ms). */
  idleLimitMs: number;
}

export interface DayShares {
  noShow: number;
  recall: number;
}

const outcomes: readonly ServiceOutcome[] = ['resolved', 'resolved', 'resolved', 'referred', 'needs-follow-up'];

/** Invented visitor names: the replay's personal data, which never leaves the test's store. */
export function visitorInput(index: number, serviceId: number, priority: PriorityReason | null) {
  return {
    visitor: { name: `Visitor ${String(index).padStart(4, '0')}`, addressLines: [`${String(1 + (index % 200))} Dale Street`, 'Liverpool'], postcode: 'L1 1JQ', noFixedAbode: false },
    serviceId,
    reason: 'A question about a council tax bill',
    needs: { interpreter: false, language: null, hearing: false, mobility: false },
    priority,
    callByNumberOnly: false,
  };
}

/** Visitors in arrival order, their services drawn by weight (deterministic for a seed). */
export function drawVisitors(count: number, weights: ReadonlyArray<readonly [string, number]>, priorityShare: number, seed: number): Visitor[] {
  const rnd = random(seed);
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  return Array.from({ length: count }, () => {
    let pick = rnd() * total;
    const letter = weights.find(([, w]) => (pick -= w) < 0)?.[0] ?? weights[0]![0];
    return { serviceLetter: letter, priority: rnd() < priorityShare ? 'vulnerable' : null };
  });
}

/** `ledger` may be given, for a caller that watches the day's progress (to kill the hub mid-day). */
export async function replayDay(
  world: SiteWorld,
  visitors: readonly Visitor[],
  pacing: Pacing,
  shares: DayShares,
  seed: number,
  ledger = new Ledger(),
): Promise<Ledger> {
  const arrivals = new Arrivals();
  const receptionWork = world.receptions.map(async (reception, r) => {
    for (let i = r; i < visitors.length; i += world.receptions.length) {
      await pacing.arrival(i);
      const visitor = visitors[i]!;
      const serviceId = world.services.get(visitor.serviceLetter)!;
      const issued = await reception.call('issueTicket', visitorInput(i, serviceId, visitor.priority));
      ledger.issue(i, issued.ticket, issued.estimatedWaitMinutes);
      arrivals.arrived();
    }
  });
  const deskWork = world.desks.map((desk, d) => workDesk(desk, ledger, arrivals, pacing, shares, random(seed + 1 + d)));
  // One wait for all, so that a desk refused while reception is still issuing fails the day at once.
  const receptionDone = Promise.all(receptionWork).finally(() => arrivals.finish());
  await Promise.all([receptionDone, ...deskWork]);
  return ledger;
}

async function workDesk(desk: DeskPc, ledger: Ledger, arrivals: Arrivals, pacing: Pacing, shares: DayShares, rnd: () => number): Promise<void> {
  const { client, deskId } = desk;
  for (;;) {
    const finishedIssuing = arrivals.done;
    const ticket: TicketView | null = await client.call('callNext', { deskId });
    if (ticket === null) {
      ledger.emptyCalls += 1;
      // Reception had finished before this desk asked, and nobody waits for its services: its day is done.
      if (finishedIssuing) return;
      await arrivals.next(pacing.idleLimitMs);
      continue;
    }
    ledger.call(ticket.visitId, deskId, ticket.calledAt ?? 0);
    const visitId = ticket.visitId;
    if (rnd() < shares.recall) {
      await client.call('recallTicket', { visitId });
      ledger.recall(visitId);
    }
    if (rnd() < shares.noShow) {
      await pacing.noShowWait();
      await client.call('markNoShow', { visitId });
      ledger.end(visitId, 'no-show');
      continue;
    }
    await client.call('startService', { visitId });
    await pacing.serve(ticket.serviceId, rnd);
    await client.call('finishService', { visitId, outcome: outcomes[Math.floor(rnd() * outcomes.length)]! });
    ledger.end(visitId, 'finished');
  }
}
