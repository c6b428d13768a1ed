import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitStatus } from '../../../shared/domain/visit.js';
import type { Session } from '../../../shared/domain/staff.js';
import type { DeskEvent } from '../../../shared/events.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, deskIdOf, expectRefused, issue, minute, serviceIdOf, visitRow } from '../../fixtures/queue-fixtures.js';

type Step = 'call' | 'recall' | 'start' | 'finish' | 'transfer' | 'park' | 'resume' | 'no-show' | 'reinstate' | 'cancel';

/** docs/design.md's state machine, written out again here: the statuses each step may start from, and where it leads. */
const allowed: Record<Step, { from: VisitStatus[]; to: VisitStatus }> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['serving'], to: 'finished' },
  transfer: { from: ['called', 'serving'], to: 'waiting' },
  park: { from: ['called', 'serving'], to: 'parked' },
  resume: { from: ['parked'], to: 'called' },
  'no-show': { from: ['called'], to: 'no-show' },
  reinstate: { from: ['no-show'], to: 'waiting' },
  cancel: { from: ['waiting', 'parked', 'called'], to: 'cancelled' },
};
const steps = Object.keys(allowed) as Step[];
const built: VisitStatus[] = ['waiting', 'called', 'serving', 'parked', 'finished', 'no-show', 'cancelled'];

let t: TestSite;
let rec: Session;
let adv: { session: Session; deskId: number };
let managerDesk: number;

beforeEach(async () => {
  t = await openTestSite();
  rec = await staffSession(t, 'Rita Reception', 'receptionist');
  adv = await advisorAtDesk(t, 'Adam Advisor', 'Desk 1', ['C', 'B']);
  managerDesk = deskIdOf(t, 'Desk 2');
  await t.site.call('openDesk', { deskId: managerDesk, serviceIds: [serviceIdOf(t, 'C')] }, t.manager.token);
});
afterEach(() => t.close());

const status = (visitId: number) => visitRow(t, visitId)!.status as VisitStatus;

/** Takes the step the way the front desk would: the advisor on their ticket, the manager at Desk 2, reception cancelling. */
function take(step: Step, visitId: number): Promise<unknown> {
  const a = adv.session.token;
  const m = t.manager.token;
  switch (step) {
    case 'call':
      return t.site.call('callTicket', { deskId: managerDesk, visitId }, m);
    case 'recall':
      return t.site.call('recallTicket', { visitId }, a);
    case 'start':
      return t.site.call('startService', { visitId }, a);
    case 'finish':
      return t.site.call('finishService', { visitId, outcome: 'resolved' }, a);
    case 'transfer':
      return t.site.call('transferTicket', { visitId, serviceId: serviceIdOf(t, 'H') }, a);
    case 'park':
      return t.site.call('parkTicket', { visitId }, a);
    case 'resume':
      return t.site.call('resumeTicket', { visitId, deskId: managerDesk }, m);
    case 'no-show':
      return t.site.call('markNoShow', { visitId }, a);
    case 'reinstate':
      return t.site.call('reinstateTicket', { visitId }, a);
    case 'cancel':
      return t.site.call('cancelTicket', { visitId }, rec.token);
  }
}

/** A new ticket brought to `target` by the advisor at Desk 1. */
async function ticketIn(target: VisitStatus): Promise<number> {
  const visitId = (await issue(t, rec.token, 'C')).ticket.visitId;
  const a = adv.session.token;
  if (target === 'cancelled') await t.site.call('cancelTicket', { visitId }, rec.token);
  if (target === 'waiting' || target === 'cancelled') return visitId;
  await t.site.call('callTicket', { deskId: adv.deskId, visitId }, a);
  if (target === 'no-show') await t.site.call('markNoShow', { visitId }, a);
  if (target === 'called' || target === 'no-show') return visitId;
  await t.site.call('startService', { visitId }, a);
  if (target === 'parked') await t.site.call('parkTicket', { visitId }, a);
  if (target === 'finished') await t.site.call('finishService', { visitId, outcome: 'referred' }, a);
  return visitId;
}

/** Frees both desks for the next case. */
async function release(visitId: number): Promise<void> {
  const s = status(visitId);
  if (s === 'called') await t.site.call('markNoShow', { visitId }, t.manager.token);
  if (s === 'serving') await t.site.call('finishService', { visitId, outcome: 'resolved' }, t.manager.token);
}

describe('the ticket state machine', () => {
  it('refuses every impossible step as a conflict that changes nothing', async () => {
    let refused = 0;
    for (const from of built) {
      const visitId = await ticketIn(from);
      for (const step of steps.filter((s) => !allowed[s].from.includes(from))) {
        await expectRefused(t, () => take(step, visitId), 'conflict');
        refused += 1;
      }
      await release(visitId);
    }
    // Waiting, called, serving, parked, finished, no-show and cancelled: 70 pairs, of which 14 are allowed.
    expect(refused).toBe(70 - 14);
  });

  it('takes every allowed step to the status docs/design.md gives it', async () => {
    for (const step of steps) {
      for (const from of allowed[step].from) {
        const visitId = await ticketIn(from);
        await take(step, visitId);
        expect(status(visitId), `${step} from ${from}`).toBe(allowed[step].to);
        await release(visitId);
      }
    }
  });

  it('refuses every step on a ticket closed at the end of the day', async () => {
    const visitId = await ticketIn('waiting');
    t.clock.advance(7 * 60 * minute); // 17:00, closing time
    t.site.tick();
    expect(visitRow(t, visitId)).toMatchObject({ status: 'closed', outcome: 'closed-end-of-day' });
    t.manager = await t.site.call('signIn', { staffId: t.manager.staff.id, pin: '2468' }, null);
    adv.session = await t.site.call('signIn', { staffId: adv.session.staff.id, pin: '1357' }, null);
    rec = await t.site.call('signIn', { staffId: rec.staff.id, pin: '1357' }, null);
    for (const step of steps) await expectRefused(t, () => take(step, visitId), 'conflict');
  });

  it('lets two desks never hold the same ticket, and a busy desk call nobody else', async () => {
    const first = await ticketIn('waiting');
    const second = await ticketIn('waiting');
    const called = await t.site.call('callNext', { deskId: adv.deskId }, adv.session.token);
    expect(called?.visitId).toBe(first);
    await expectRefused(t, () => t.site.call('callTicket', { deskId: managerDesk, visitId: first }, t.manager.token), 'conflict');
    expect((await t.site.call('callNext', { deskId: managerDesk }, t.manager.token))?.visitId).toBe(second);
    // Desk 1 still holds its ticket: it cannot call another until it is done with it.
    const third = await ticketIn('waiting');
    await expectRefused(t, () => t.site.call('callNext', { deskId: adv.deskId }, adv.session.token), 'conflict');
    await expectRefused(t, () => t.site.call('callTicket', { deskId: adv.deskId, visitId: third }, adv.session.token), 'conflict');
    expect(visitRow(t, first)).toMatchObject({ status: 'called', desk_id: adv.deskId });
  });

  it('forbids an advisor to act on another advisor’s ticket or desk, and lets a manager', async () => {
    const other = await advisorAtDesk(t, 'Olu Other', 'Desk 3', ['C']);
    const visitId = await ticketIn('called');
    const o = other.session.token;
    await expectRefused(t, () => t.site.call('recallTicket', { visitId }, o), 'forbidden');
    await expectRefused(t, () => t.site.call('startService', { visitId }, o), 'forbidden');
    await expectRefused(t, () => t.site.call('markNoShow', { visitId }, o), 'forbidden');
    await expectRefused(t, () => t.site.call('parkTicket', { visitId }, o), 'forbidden');
    await expectRefused(t, () => t.site.call('transferTicket', { visitId, serviceId: serviceIdOf(t, 'H') }, o), 'forbidden');
    await expectRefused(t, () => t.site.call('callNext', { deskId: adv.deskId }, o), 'forbidden');
    await t.site.call('startService', { visitId }, adv.session.token);
    await expectRefused(t, () => t.site.call('finishService', { visitId, outcome: 'resolved' }, o), 'forbidden');
    await t.site.call('parkTicket', { visitId }, adv.session.token);
    await expectRefused(t, () => t.site.call('resumeTicket', { visitId, deskId: other.deskId }, o), 'forbidden');
    // A manager covers for anyone.
    await t.site.call('resumeTicket', { visitId, deskId: managerDesk }, t.manager.token);
    await t.site.call('startService', { visitId }, t.manager.token);
    const done = await t.site.call('finishService', { visitId, outcome: 'needs-follow-up', note: 'Call back Friday' }, t.manager.token);
    expect(done).toMatchObject({ status: 'finished', outcome: 'needs-follow-up', deskId: managerDesk });
    // Reception issues and cancels, but does not call.
    await expectRefused(t, () => t.site.call('callNext', { deskId: adv.deskId }, rec.token), 'forbidden');
    const waiting = await ticketIn('waiting');
    await expectRefused(t, () => t.site.call('cancelTicket', { visitId: waiting }, o), 'forbidden');
  });
});

describe('queue steps', () => {
  it('transfers a ticket keeping its number and its original place in line', async () => {
    const c = (await issue(t, rec.token, 'C')).ticket;
    t.clock.advance(5 * minute);
    const h1 = (await issue(t, rec.token, 'H')).ticket;
    const housing = await advisorAtDesk(t, 'Hana Housing', 'Desk 3', ['H']);
    await t.site.call('callNext', { deskId: adv.deskId }, adv.session.token);
    await t.site.call('startService', { visitId: c.visitId }, adv.session.token);
    t.clock.advance(5 * minute);
    const moved = await t.site.call('transferTicket', { visitId: c.visitId, serviceId: serviceIdOf(t, 'H'), note: 'Housing benefit question' }, adv.session.token);
    expect(moved).toMatchObject({ number: c.number, status: 'waiting', serviceId: serviceIdOf(t, 'H'), queuedAt: c.queuedAt, transfers: 1, deskId: null });
    // It was in line before H001, so the housing desk calls it first.
    expect((await t.site.call('callNext', { deskId: housing.deskId }, housing.session.token))?.number).toBe(c.number);
    await t.site.call('markNoShow', { visitId: c.visitId }, housing.session.token);
    expect((await t.site.call('callNext', { deskId: housing.deskId }, housing.session.token))?.visitId).toBe(h1.visitId);
    await expect(t.site.call('transferTicket', { visitId: h1.visitId, serviceId: serviceIdOf(t, 'H') }, housing.session.token)).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('parks a ticket out of the queue and resumes it at a desk', async () => {
    const c1 = await ticketIn('serving');
    const c2 = (await issue(t, rec.token, 'C')).ticket.visitId;
    const parked = await t.site.call('parkTicket', { visitId: c1 }, adv.session.token);
    expect(parked).toMatchObject({ status: 'parked', deskId: null });
    // Parked is neither waiting nor at a desk: calling next skips it.
    expect((await t.site.call('callNext', { deskId: adv.deskId }, adv.session.token))?.visitId).toBe(c2);
    await expectRefused(t, () => t.site.call('resumeTicket', { visitId: c1, deskId: adv.deskId }, adv.session.token), 'conflict');
    await t.site.call('markNoShow', { visitId: c2 }, adv.session.token);
    expect(await t.site.call('callNext', { deskId: adv.deskId }, adv.session.token)).toBeNull();
    const resumed = await t.site.call('resumeTicket', { visitId: c1, deskId: adv.deskId }, adv.session.token);
    expect(resumed).toMatchObject({ status: 'called', deskId: adv.deskId });
    const queue = await t.site.call('getQueue', {}, adv.session.token);
    expect(queue.map((q) => q.visitId)).toEqual([c1]);
  });

  it('marks a no-show and reinstates it in its original place, but only on its own day', async () => {
    const first = (await issue(t, rec.token, 'C')).ticket;
    t.clock.advance(minute);
    const second = await issue(t, rec.token, 'C');
    await t.site.call('callNext', { deskId: adv.deskId }, adv.session.token);
    const missed = await t.site.call('markNoShow', { visitId: first.visitId }, adv.session.token);
    expect(missed).toMatchObject({ status: 'no-show', outcome: 'no-show' });
    const back = await t.site.call('reinstateTicket', { visitId: first.visitId }, adv.session.token);
    expect(back).toMatchObject({ status: 'waiting', outcome: null, queuedAt: first.queuedAt, number: first.number });
    expect((await t.site.call('callNext', { deskId: adv.deskId }, adv.session.token))?.visitId).toBe(first.visitId);
    await t.site.call('markNoShow', { visitId: first.visitId }, adv.session.token);
    expect(second.position).toBe(2);
    expect((await t.site.call('callNext', { deskId: adv.deskId }, adv.session.token))?.visitId).toBe(second.ticket.visitId);

    t.clock.advance(24 * 60 * minute);
    t.site.tick();
    const advisor = await t.site.call('signIn', { staffId: adv.session.staff.id, pin: '1357' }, null);
    await expect(t.site.call('reinstateTicket', { visitId: first.visitId }, advisor.token)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('cancels a waiting ticket so nobody calls it', async () => {
    const visitId = await ticketIn('waiting');
    const cancelled = await t.site.call('cancelTicket', { visitId }, rec.token);
    expect(cancelled).toMatchObject({ status: 'cancelled', outcome: 'cancelled', finishedAt: t.clock.now() });
    expect(await t.site.call('callNext', { deskId: adv.deskId }, adv.session.token)).toBeNull();
  });

  it('counts recalls and shows them on the display as recalls', async () => {
    const events: DeskEvent[] = [];
    t.site.subscribe((event) => events.push(event));
    const visitId = await ticketIn('called');
    await t.site.call('recallTicket', { visitId }, adv.session.token);
    t.clock.advance(minute);
    const again = await t.site.call('recallTicket', { visitId }, adv.session.token);
    expect(again).toMatchObject({ recalls: 2, status: 'called', calledAt: t.clock.now() });
    const calls = events.flatMap((e) => (e.type === 'ticket-called' ? [e.call] : []));
    expect(calls.map((c) => c.recall)).toEqual([false, true, true]);
    expect(calls.every((c) => c.deskName === 'Desk 1' && c.number === 'C001')).toBe(true);
    const display = await t.site.call('getDisplayState', {}, null);
    expect(display.recentCalls[0]).toMatchObject({ number: 'C001', deskName: 'Desk 1', recall: true });
    expect(JSON.stringify(display)).not.toContain('Pat Visitor');
  });

  it('closes a desk putting its called ticket back in its place, but not one being served', async () => {
    const first = await ticketIn('called');
    await t.site.call('closeDesk', { deskId: adv.deskId }, adv.session.token);
    expect(visitRow(t, first)).toMatchObject({ status: 'waiting', desk_id: null });
    await t.site.call('openDesk', { deskId: adv.deskId, serviceIds: [serviceIdOf(t, 'C')] }, adv.session.token);
    await t.site.call('callNext', { deskId: adv.deskId }, adv.session.token);
    await t.site.call('startService', { visitId: first }, adv.session.token);
    await expectRefused(t, () => t.site.call('closeDesk', { deskId: adv.deskId }, adv.session.token), 'conflict');
  });
});
