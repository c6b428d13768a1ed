import { afterEach, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from '../../fixtures/temp-site.js';
import { deskIdOf, issue, london, managerToken, minute, openAllHours, serviceIdOf } from '../../fixtures/queue-fixtures.js';

/*
 * The wait a new ticket is told (issueTicket's `estimatedWaitMinutes`): the tickets ahead of it for
 * its service (plus one when every desk for it is busy), shared among the desks open for that
 * service (a shared desk for its share of the waiting tickets), at today's time per visitor of
 * that service, from call to finish.
 */

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function serve(s: TestSite, deskId: number, visitId: number, minutes: number): Promise<void> {
  await s.site.call('callTicket', { deskId, visitId }, managerToken(s));
  await s.site.call('startService', { visitId }, managerToken(s));
  s.clock.advance(minutes * minute);
  await s.site.call('finishService', { visitId, outcome: 'resolved' }, managerToken(s));
}

describe('the estimated wait told to a new ticket', () => {
  it('counts 10 minutes a ticket ahead before anyone has been served today, with no desk open as one desk', async () => {
    t = await openTestSite({ now: london(2026, 1, 6, 9) });
    await openAllHours(t);
    const waits = [];
    for (let i = 0; i < 3; i += 1) waits.push((await issue(t, managerToken(t), 'C')).estimatedWaitMinutes);
    expect(waits).toEqual([0, 10, 20]);
    // Another service's queue is its own.
    expect((await issue(t, managerToken(t), 'B')).estimatedWaitMinutes).toBe(0);
  });

  it('shares the tickets ahead among the desks open for the service, and no others', async () => {
    const s = await openTestSite({ now: london(2026, 1, 6, 9) });
    t = s;
    await openAllHours(s);
    const [C, B] = [serviceIdOf(s, 'C'), serviceIdOf(s, 'B')];
    for (let i = 0; i < 4; i += 1) await issue(s, managerToken(s), 'C');
    await s.site.call('openDesk', { deskId: deskIdOf(s, 'Desk 1'), serviceIds: [C, B] }, managerToken(s));
    const advisor = await s.site.call('createStaff', { name: 'Adam Advisor', role: 'advisor', pin: '1357', managerPin: '2468' }, managerToken(s));
    const adam = await s.site.call('signIn', { staffId: advisor.id, pin: '1357' }, null);
    await s.site.call('openDesk', { deskId: deskIdOf(s, 'Desk 2'), serviceIds: [C] }, adam.token);
    const bea = await s.site.call('createStaff', { name: 'Bea Advisor', role: 'advisor', pin: '1357', managerPin: '2468' }, managerToken(s));
    const beaSession = await s.site.call('signIn', { staffId: bea.id, pin: '1357' }, null);
    await s.site.call('openDesk', { deskId: deskIdOf(s, 'Desk 3'), serviceIds: [B] }, beaSession.token);
    // Four ahead, two desks for Council Tax: 4 × 10 / 2.
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(20);
  });

  it('takes today’s average service time once visits have been served, rounding a part minute up', async () => {
    const s = await openTestSite({ now: london(2026, 1, 6, 9) });
    t = s;
    await openAllHours(s);
    const deskId = deskIdOf(s, 'Desk 1');
    await s.site.call('openDesk', { deskId, serviceIds: [serviceIdOf(s, 'C'), serviceIdOf(s, 'B')] }, managerToken(s));
    const first = (await issue(s, managerToken(s), 'B')).ticket.visitId;
    const second = (await issue(s, managerToken(s), 'B')).ticket.visitId;
    await serve(s, deskId, first, 4);
    await serve(s, deskId, second, 7);
    // Served for 4 and 7 minutes: 5.5 on average, whatever the service.
    await issue(s, managerToken(s), 'C');
    await issue(s, managerToken(s), 'C');
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(11);
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(17);
  });

  it('starts each day again at 10 minutes a ticket: yesterday’s service times do not count', async () => {
    const s = await openTestSite({ now: london(2026, 1, 6, 9) });
    t = s;
    await openAllHours(s);
    const deskId = deskIdOf(s, 'Desk 1');
    await s.site.call('openDesk', { deskId, serviceIds: [serviceIdOf(s, 'C')] }, managerToken(s));
    await serve(s, deskId, (await issue(s, managerToken(s), 'C')).ticket.visitId, 45);
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(0);
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(45);

    s.clock.set(london(2026, 1, 7, 9));
    s.site.tick();
    await issue(s, managerToken(s), 'C');
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(10);
  });

  it('takes each service’s own time per visitor, from call to finish, once it has one', async () => {
    const s = await openTestSite({ now: london(2026, 1, 6, 9) });
    t = s;
    await openAllHours(s);
    const deskId = deskIdOf(s, 'Desk 1');
    await s.site.call('openDesk', { deskId, serviceIds: [serviceIdOf(s, 'C'), serviceIdOf(s, 'B')] }, managerToken(s));
    const benefits = (await issue(s, managerToken(s), 'B')).ticket.visitId;
    await s.site.call('callTicket', { deskId, visitId: benefits }, managerToken(s));
    // Two minutes to walk up, then 18 at the desk: the desk was taken for 20.
    s.clock.advance(2 * minute);
    await s.site.call('startService', { visitId: benefits }, managerToken(s));
    s.clock.advance(18 * minute);
    await s.site.call('finishService', { visitId: benefits, outcome: 'resolved' }, managerToken(s));
    await serve(s, deskId, (await issue(s, managerToken(s), 'C')).ticket.visitId, 6);

    await issue(s, managerToken(s), 'B');
    expect((await issue(s, managerToken(s), 'B')).estimatedWaitMinutes).toBe(20);
    // Council tax has its own figure, and its own queue: one ahead at six minutes, on a desk it
    // shares with the two benefits tickets waiting — half a desk for council tax.
    await issue(s, managerToken(s), 'C');
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(12);
  });

  it('counts a desk shared with other services for the share of the waiting tickets that are this service’s', async () => {
    const s = await openTestSite({ now: london(2026, 1, 6, 9) });
    t = s;
    await openAllHours(s);
    const [C, B] = [serviceIdOf(s, 'C'), serviceIdOf(s, 'B')];
    await s.site.call('openDesk', { deskId: deskIdOf(s, 'Desk 1'), serviceIds: [C, B] }, managerToken(s));
    for (let i = 0; i < 3; i += 1) await issue(s, managerToken(s), 'B');
    await issue(s, managerToken(s), 'C');
    // One council tax ticket ahead and three benefits: the desk gives council tax two of five
    // waiting tickets' worth of its time, so one ahead at 10 minutes is 25.
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(25);
  });

  it('adds the visitor already at the desk when every desk for the service is busy', async () => {
    const s = await openTestSite({ now: london(2026, 1, 6, 9) });
    t = s;
    await openAllHours(s);
    const deskId = deskIdOf(s, 'Desk 1');
    await s.site.call('openDesk', { deskId, serviceIds: [serviceIdOf(s, 'C')] }, managerToken(s));
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(0);
    await s.site.call('callNext', { deskId }, managerToken(s));
    // Nobody waits, but the only desk is with someone: one visitor's time.
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(10);
    expect((await issue(s, managerToken(s), 'C')).estimatedWaitMinutes).toBe(20);
  });
});
