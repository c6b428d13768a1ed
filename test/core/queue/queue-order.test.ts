import { afterEach, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from '../../fixtures/temp-site.js';
import { deskIdOf, issue, london, managerToken, minute, openAllHours, serviceIdOf } from '../../fixtures/queue-fixtures.js';

/*
 * The queue as the screens list it (getQueue), the next ticket a desk is given (callNext) and the
 * place a new ticket is told, for one scripted morning. call-order.test.ts checks the same rule
 * against random mornings; this names each part of it.
 */

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const eight = london(2026, 1, 6, 8);

async function morning(): Promise<{ s: TestSite; deskId: number; at: (m: number) => void; numbers: (ids?: number[]) => Promise<string[]> }> {
  const s = await openTestSite({ now: eight });
  t = s;
  await openAllHours(s);
  const deskId = deskIdOf(s, 'Desk 1');
  return {
    s,
    deskId,
    at: (m) => s.clock.set(eight + m * minute),
    numbers: async (serviceIds) => (await s.site.call('getQueue', serviceIds === undefined ? {} : { serviceIds }, managerToken(s))).map((v) => `${v.number} ${v.status}`),
  };
}

describe('the queue in call order', () => {
  it('lists today’s waiting tickets in call order, then those at desks or set aside in the order they were called, for all services or the ones asked for', async () => {
    const { s, deskId, at, numbers } = await morning();
    const [C, B, H] = ['C', 'B', 'H'].map((l) => serviceIdOf(s, l)) as [number, number, number];
    await s.site.call('openDesk', { deskId, serviceIds: [C, B, H] }, managerToken(s));
    at(0);
    await issue(s, managerToken(s), 'C'); // C001
    at(1);
    const b1 = (await issue(s, managerToken(s), 'B')).ticket.visitId; // B001
    at(2);
    const h1 = (await issue(s, managerToken(s), 'H')).ticket.visitId; // H001
    at(3);
    await issue(s, managerToken(s), 'C', { priority: 'mobility' }); // C002: counts from 07:48, ahead of everyone
    at(4);
    await issue(s, managerToken(s), 'C'); // C003
    at(5);
    await issue(s, managerToken(s), 'B'); // B002
    await issue(s, managerToken(s), 'C'); // C004: same minute as B002, issued after it

    at(6);
    await s.site.call('callTicket', { deskId, visitId: b1 }, managerToken(s));
    await s.site.call('startService', { visitId: b1 }, managerToken(s));
    await s.site.call('parkTicket', { visitId: b1 }, managerToken(s));
    at(7);
    await s.site.call('callTicket', { deskId, visitId: h1 }, managerToken(s));

    expect(await numbers()).toEqual(['C002 waiting', 'C001 waiting', 'C003 waiting', 'B002 waiting', 'C004 waiting', 'B001 parked', 'H001 called']);
    expect(await numbers([C])).toEqual(['C002 waiting', 'C001 waiting', 'C003 waiting', 'C004 waiting']);
    expect(await numbers([B])).toEqual(['B002 waiting', 'B001 parked']);
    expect(await numbers([H, B])).toEqual(['B002 waiting', 'B001 parked', 'H001 called']);
    // The service asked for and no other: none open is none listed.
    expect(await numbers([serviceIdOf(s, 'P')])).toEqual([]);
  });

  it('leaves out what is finished, a no-show or cancelled', async () => {
    const { s, deskId, at, numbers } = await morning();
    await s.site.call('openDesk', { deskId, serviceIds: [serviceIdOf(s, 'C')] }, managerToken(s));
    at(0);
    const done = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    const gone = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    const cancelled = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    await issue(s, managerToken(s), 'C');
    await s.site.call('callTicket', { deskId, visitId: done }, managerToken(s));
    await s.site.call('startService', { visitId: done }, managerToken(s));
    await s.site.call('finishService', { visitId: done, outcome: 'resolved' }, managerToken(s));
    await s.site.call('callTicket', { deskId, visitId: gone }, managerToken(s));
    await s.site.call('markNoShow', { visitId: gone }, managerToken(s));
    await s.site.call('cancelTicket', { visitId: cancelled }, managerToken(s));
    expect(await numbers()).toEqual(['C004 waiting']);
  });
});

describe('the next ticket for a desk', () => {
  it('is the first in call order among the services the desk serves, and nothing when none of them has anyone waiting', async () => {
    const { s, deskId, at } = await morning();
    at(0);
    await issue(s, managerToken(s), 'B'); // the oldest, but not this desk's
    at(1);
    await issue(s, managerToken(s), 'C');
    at(2);
    await issue(s, managerToken(s), 'H', { priority: 'vulnerable' });
    await s.site.call('openDesk', { deskId, serviceIds: [serviceIdOf(s, 'C'), serviceIdOf(s, 'H')] }, managerToken(s));
    const next = async () => (await s.site.call('callNext', { deskId }, managerToken(s)))?.number ?? null;
    const noShow = async (number: string) => {
      const visit = (await s.site.call('getQueue', {}, managerToken(s))).find((v) => v.number === number)!;
      await s.site.call('markNoShow', { visitId: visit.visitId }, managerToken(s));
    };
    expect(await next()).toBe('H001');
    await noShow('H001');
    expect(await next()).toBe('C001');
    await noShow('C001');
    expect(await next()).toBeNull();
  });
});

describe('a new ticket’s place in line', () => {
  it('counts the waiting tickets of its own service that go before it', async () => {
    const { s, deskId, at } = await morning();
    await s.site.call('openDesk', { deskId, serviceIds: [serviceIdOf(s, 'C')] }, managerToken(s));
    at(0);
    expect((await issue(s, managerToken(s), 'C')).position).toBe(1);
    at(1);
    expect((await issue(s, managerToken(s), 'B')).position).toBe(1);
    at(2);
    expect((await issue(s, managerToken(s), 'C')).position).toBe(2);
    at(3);
    // 15 minutes' head start: ahead of no one who came in before 07:48.
    expect((await issue(s, managerToken(s), 'C', { priority: 'safeguarding' })).position).toBe(1);
    // Called, it no longer counts.
    await s.site.call('callNext', { deskId }, managerToken(s));
    at(4);
    expect((await issue(s, managerToken(s), 'C')).position).toBe(3);
  });

  it('puts a priority ticket that ties on time behind the one issued first, and ahead of those after', async () => {
    const { s, at } = await morning();
    at(0);
    await issue(s, managerToken(s), 'C');
    at(1);
    await issue(s, managerToken(s), 'C');
    // Counts from 00:00 with the head start: level with the first ticket, which came first.
    at(15);
    expect((await issue(s, managerToken(s), 'C', { priority: 'mobility' })).position).toBe(2);
    // A second at the same moment ties with both: behind them.
    expect((await issue(s, managerToken(s), 'C', { priority: 'mobility' })).position).toBe(3);
  });
});
