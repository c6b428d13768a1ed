import { afterEach, describe, expect, it } from 'vitest';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, issue, managerToken, serviceIdOf, tuesday } from '../../fixtures/queue-fixtures.js';

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('the live snapshot', () => {
  it('gives the queue now and today’s figures for a scripted morning', async () => {
    t = await openTestSite({ now: tuesday(8, 55, -1) });
    const s = t;
    await s.site.call('updateSettings', { sessionIdleMinutes: 720 }, s.manager.token);
    // Yesterday's visit, served and waiting ones: none of it counts today.
    const early = await staffSession(s, 'Rita Reception', 'receptionist');
    s.clock.set(tuesday(10, 0, -1));
    await issue(s, early.token, 'C');

    s.clock.set(tuesday(8, 55));
    s.manager = await s.site.call('signIn', { staffId: s.manager.staff.id, pin: '2468' }, null);
    const rec = await s.site.call('signIn', { staffId: early.staff.id, pin: '1357' }, null);
    const adam = await advisorAtDesk(s, 'Adam Advisor', 'Desk 1', ['C', 'B']);
    const bea = await advisorAtDesk(s, 'Bea Advisor', 'Desk 2', ['H']);
    const step = async (h: number, m: number, work: () => Promise<unknown>) => {
      s.clock.set(tuesday(h, m));
      return work();
    };
    const a = adam.session.token;
    const b = bea.session.token;
    const c001 = (await step(9, 0, () => issue(s, rec.token, 'C'))) as Awaited<ReturnType<typeof issue>>;
    const c002 = (await step(9, 5, () => issue(s, rec.token, 'C', { priority: 'vulnerable' }))) as Awaited<ReturnType<typeof issue>>;
    await step(9, 10, () => issue(s, rec.token, 'B'));
    await step(9, 12, () => issue(s, rec.token, 'H'));
    // The priority ticket goes first (15 minutes' head start): waited 15 minutes, within Council Tax's 15-minute target.
    expect((await step(9, 20, () => s.site.call('callNext', { deskId: adam.deskId }, a)) as { visitId: number }).visitId).toBe(c002.ticket.visitId);
    await step(9, 21, () => s.site.call('startService', { visitId: c002.ticket.visitId }, a));
    await step(9, 31, () => s.site.call('finishService', { visitId: c002.ticket.visitId, outcome: 'resolved' }, a));
    // C001 waited 31 minutes: over target.
    await step(9, 31, () => s.site.call('callNext', { deskId: adam.deskId }, a));
    await step(9, 32, () => s.site.call('startService', { visitId: c001.ticket.visitId }, a));
    // H001 waited 28 minutes against a 20-minute target, and is still being served.
    const h001 = (await step(9, 40, () => s.site.call('callNext', { deskId: bea.deskId }, b))) as { visitId: number };
    await step(9, 41, () => s.site.call('startService', { visitId: h001.visitId }, b));
    await step(9, 52, () => s.site.call('finishService', { visitId: c001.ticket.visitId, outcome: 'referred' }, a));
    // B001 waited 42 minutes and is called to Desk 1.
    await step(9, 52, () => s.site.call('callNext', { deskId: adam.deskId }, a));
    await step(9, 53, () => issue(s, rec.token, 'C'));
    await step(9, 54, () => issue(s, rec.token, 'B'));

    s.clock.set(tuesday(10, 0));
    const live = await s.site.call('getLiveSnapshot', {}, managerToken(s));
    const byLetter = Object.fromEntries(live.services.map((x) => [x.letter, x]));
    expect(byLetter.C).toMatchObject({ serviceId: serviceIdOf(s, 'C'), waiting: 1, longestWaitMinutes: 7, oldestQueuedAtMs: tuesday(9, 53), targetWaitMinutes: 15 });
    expect(byLetter.B).toMatchObject({ waiting: 1, longestWaitMinutes: 6, oldestQueuedAtMs: tuesday(9, 54), targetWaitMinutes: 20 });
    expect(byLetter.H).toMatchObject({ waiting: 0, longestWaitMinutes: 0, oldestQueuedAtMs: null });
    expect(live.services.map((x) => x.letter)).toEqual(['C', 'B', 'H', 'P', 'W', 'D', 'G']);
    expect(live).toMatchObject({
      at: tuesday(10, 0),
      waitingTotal: 2,
      longestWaitMinutes: 7,
      servedToday: 2,
      // (15 + 31 + 28 + 42) / 4 = 29 minutes; (10 + 20) / 2 = 15 minutes; one of four called within target.
      averageWaitMinutes: 29,
      averageServiceMinutes: 15,
      withinTargetShare: 0.25,
    });
    expect(live.desks).toEqual([
      { deskId: adam.deskId, deskName: 'Desk 1', advisorName: 'Adam Advisor', status: 'called', ticketNumber: 'B001', sinceMs: tuesday(9, 52), paused: null },
      { deskId: bea.deskId, deskName: 'Desk 2', advisorName: 'Bea Advisor', status: 'serving', ticketNumber: 'H001', sinceMs: tuesday(9, 41), paused: null },
      { deskId: 3, deskName: 'Desk 3', advisorName: null, status: 'closed', ticketNumber: null, sinceMs: null, paused: null },
      { deskId: 4, deskName: 'Desk 4', advisorName: null, status: 'closed', ticketNumber: null, sinceMs: null, paused: null },
    ]);
  });

  it('starts the day with nothing: no figures until someone is called', async () => {
    t = await openTestSite({ now: tuesday(9, 0) });
    const live = await t.site.call('getLiveSnapshot', {}, t.manager.token);
    expect(live).toMatchObject({ waitingTotal: 0, longestWaitMinutes: 0, servedToday: 0, averageWaitMinutes: null, averageServiceMinutes: null, withinTargetShare: null });
    expect(live.desks.every((d) => d.status === 'closed')).toBe(true);
  });

  it('shows a paused desk with its reason and since when', async () => {
    t = await openTestSite({ now: tuesday(9, 0) });
    const adam = await advisorAtDesk(t, 'Adam Advisor', 'Desk 1', ['C']);
    t.clock.set(tuesday(9, 10));
    await t.site.call('pauseDesk', { deskId: adam.deskId, reason: 'training' }, adam.session.token);
    const live = await t.site.call('getLiveSnapshot', {}, managerToken(t));
    expect(live.desks.find((d) => d.deskId === adam.deskId)).toMatchObject({
      advisorName: 'Adam Advisor',
      status: 'idle',
      paused: { reason: 'training', sinceMs: tuesday(9, 10) },
    });
    await t.site.call('resumeDesk', { deskId: adam.deskId }, adam.session.token);
    expect((await t.site.call('getLiveSnapshot', {}, managerToken(t))).desks.find((d) => d.deskId === adam.deskId)?.paused).toBeNull();
  });

  it('is for managers only', async () => {
    t = await openTestSite({ now: tuesday(9, 0) });
    const adv = await staffSession(t, 'Adam Advisor', 'advisor');
    await expect(t.site.call('getLiveSnapshot', {}, adv.token)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.site.call('getHistory', { from: '2026-11-01', to: '2026-11-30', groupBy: 'day' }, adv.token)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
