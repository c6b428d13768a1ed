import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCallOrder } from '../../../shared/wait-math.js';
import type { TicketView } from '../../../shared/domain/visit.js';
import { openTestSite, type TestSite } from '../../fixtures/temp-site.js';
import { deskIdOf, issue, london, managerToken, minute, openAllHours, serviceIdOf } from '../../fixtures/queue-fixtures.js';

const letters = ['C', 'B', 'H'] as const;
type Letter = (typeof letters)[number];

interface Waiting {
  visitId: number;
  queuedAt: number;
  priority: boolean;
  letter: Letter;
}

/** After a call, what the desk does with the ticket; the last two put it back in line. */
type AfterCall = 'no-show' | 'finish' | 'transfer' | 'reinstate';

const arrival = fc.record({
  gapMinutes: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.integer({ min: 1, max: 25 }) }),
  letter: fc.constantFrom(...letters),
  priority: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  calls: fc.array(fc.constantFrom<AfterCall>('no-show', 'finish', 'transfer', 'reinstate'), { maxLength: 2 }),
});

describe('call order', () => {
  let t: TestSite;
  let deskId: number;
  // Each run is a new day on the same site: yesterday's leftovers close and the day starts empty.
  let dayNumber = 0;

  beforeAll(async () => {
    t = await openTestSite({ now: london(2026, 1, 5, 8) });
    await openAllHours(t);
    deskId = deskIdOf(t, 'Desk 1');
  });
  afterAll(() => t.close());

  async function startDay(headStartMinutes: number, deskLetters: readonly Letter[]): Promise<void> {
    dayNumber += 1;
    t.clock.set(london(2026, 1, 5, 8) + dayNumber * 24 * 60 * minute);
    t.site.tick();
    await t.site.call('updateSettings', { priorityHeadStartMinutes: headStartMinutes }, managerToken(t));
    await t.site.call('openDesk', { deskId, serviceIds: deskLetters.map((l) => serviceIdOf(t, l)) }, managerToken(t));
  }

  /** Calls next and checks the choice against the pure rule and each promise of docs/design.md. */
  async function callAndCheck(waiting: Waiting[], deskLetters: readonly Letter[], headStartMs: number): Promise<TicketView | null> {
    const eligible = waiting.filter((w) => deskLetters.includes(w.letter));
    const expected = [...eligible].sort((a, b) => compareCallOrder(a, b, headStartMs))[0];
    const called = await t.site.call('callNext', { deskId }, managerToken(t));
    if (expected === undefined) {
      expect(called).toBeNull();
      return null;
    }
    expect(called?.visitId).toBe(expected.visitId);
    const c = eligible.find((w) => w.visitId === called!.visitId)!;
    for (const w of eligible) {
      if (w === c) continue;
      // Oldest first among normal tickets.
      if (!c.priority && !w.priority) expect(w.queuedAt > c.queuedAt || (w.queuedAt === c.queuedAt && w.visitId > c.visitId)).toBe(true);
      // A priority ticket goes ahead only of those who have not waited the head start longer.
      if (c.priority && !w.priority) expect(w.queuedAt >= c.queuedAt - headStartMs).toBe(true);
      // Nobody is starved: whoever arrived more than the head start earlier goes first.
      expect(w.queuedAt >= c.queuedAt - headStartMs).toBe(true);
    }
    waiting.splice(waiting.indexOf(c), 1);
    return called;
  }

  it('callNext always returns the ticket that compareCallOrder puts first, and a new ticket is told its place by the same rule, through transfers, no-shows and reinstatements', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 45 }),
        fc.subarray([...letters], { minLength: 1 }),
        fc.array(arrival, { minLength: 1, maxLength: 20 }),
        async (headStartMinutes, deskLetters, arrivals) => {
          await startDay(headStartMinutes, deskLetters);
          const headStartMs = headStartMinutes * minute;
          const waiting: Waiting[] = [];
          const token = () => managerToken(t);
          for (const a of arrivals) {
            t.clock.advance(a.gapMinutes * minute);
            const issued = await issue(t, token(), a.letter, { priority: a.priority ? 'vulnerable' : null });
            expect(issued.ticket.queuedAt).toBe(t.clock.now());
            const mine: Waiting = { visitId: issued.ticket.visitId, queuedAt: issued.ticket.queuedAt, priority: a.priority, letter: a.letter };
            // Its place in line: 1 + the tickets of its service that the rule puts ahead of it.
            const ahead = waiting.filter((w) => w.letter === a.letter && compareCallOrder(w, mine, headStartMs) < 0).length;
            expect(issued.position).toBe(ahead + 1);
            waiting.push(mine);
            for (const after of a.calls) {
              const called = await callAndCheck(waiting, deskLetters, headStartMs);
              if (called === null) continue;
              const place = { visitId: called.visitId, queuedAt: called.queuedAt, priority: called.priority !== null };
              if (after === 'finish') {
                await t.site.call('startService', { visitId: called.visitId }, token());
                await t.site.call('finishService', { visitId: called.visitId, outcome: 'resolved' }, token());
              } else if (after === 'no-show') {
                await t.site.call('markNoShow', { visitId: called.visitId }, token());
              } else if (after === 'reinstate') {
                await t.site.call('markNoShow', { visitId: called.visitId }, token());
                const again = await t.site.call('reinstateTicket', { visitId: called.visitId }, token());
                expect(again.queuedAt).toBe(place.queuedAt);
                waiting.push({ ...place, letter: letterOf(called.serviceId) });
              } else {
                const to = letters.find((l) => l !== letterOf(called.serviceId))!;
                const moved = await t.site.call('transferTicket', { visitId: called.visitId, serviceId: serviceIdOf(t, to) }, token());
                expect(moved.number).toBe(called.number);
                expect(moved.queuedAt).toBe(place.queuedAt);
                waiting.push({ ...place, letter: to });
              }
            }
          }
          // Drain the day: every remaining call still follows the rule, then nobody is left for this desk.
          for (let c = await callAndCheck(waiting, deskLetters, headStartMs); c !== null; c = await callAndCheck(waiting, deskLetters, headStartMs)) {
            await t.site.call('markNoShow', { visitId: c.visitId }, token());
          }
          expect(waiting.every((w) => !deskLetters.includes(w.letter))).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  function letterOf(serviceId: number): Letter {
    return letters.find((l) => serviceIdOf(t, l) === serviceId)!;
  }

  it('calls normal tickets strictly oldest first, across the services a desk serves', async () => {
    await startDay(15, ['C', 'B', 'H']);
    const order: number[] = [];
    for (const letter of ['H', 'C', 'C', 'B', 'H', 'B'] as const) {
      t.clock.advance(minute);
      order.push((await issue(t, managerToken(t), letter)).ticket.visitId);
    }
    const called: number[] = [];
    for (;;) {
      const next = await t.site.call('callNext', { deskId }, managerToken(t));
      if (next === null) break;
      called.push(next.visitId);
      await t.site.call('markNoShow', { visitId: next.visitId }, managerToken(t));
    }
    expect(called).toEqual(order);
  });

  it('puts a priority ticket ahead of those who waited less than the head start longer, and behind those who waited more', async () => {
    await startDay(15, ['C']);
    const at = (m: number) => t.clock.set(london(2026, 1, 5, 8) + dayNumber * 24 * 60 * minute + m * minute);
    at(0);
    const early = await issue(t, managerToken(t), 'C'); // waited 20 minutes more than the priority ticket
    at(10);
    const tie = await issue(t, managerToken(t), 'C'); // exactly the head start: the lower id goes first
    at(14);
    const late = await issue(t, managerToken(t), 'C'); // less than the head start
    at(25);
    const urgent = await issue(t, managerToken(t), 'C', { priority: 'safeguarding' });
    expect(urgent.position).toBe(3);
    const called: string[] = [];
    for (;;) {
      const next = await t.site.call('callNext', { deskId }, managerToken(t));
      if (next === null) break;
      called.push(next.number);
      await t.site.call('markNoShow', { visitId: next.visitId }, managerToken(t));
    }
    expect(called).toEqual([early.ticket.number, tie.ticket.number, urgent.ticket.number, late.ticket.number]);
  });
});
