import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/events.js';
import { openTestSite, staffSession, tuesdayMorning, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, day, issue, lateManager, london, reopen, tuesday, visitRow } from '../../fixtures/queue-fixtures.js';

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** A day with one ticket waiting, one parked, one called and one being served. */
async function busyDay(site: TestSite) {
  const rec = await staffSession(site, 'Rita Reception', 'receptionist');
  const a = await advisorAtDesk(site, 'Adam Advisor', 'Desk 1', ['C']);
  const b = await advisorAtDesk(site, 'Bea Advisor', 'Desk 2', ['C']);
  const ids = [];
  for (let i = 0; i < 4; i += 1) ids.push((await issue(site, rec.token, 'C')).ticket.visitId);
  const [parked, serving, called, waiting] = ids as [number, number, number, number];
  await site.site.call('callNext', { deskId: a.deskId }, a.session.token);
  await site.site.call('startService', { visitId: parked }, a.session.token);
  await site.site.call('parkTicket', { visitId: parked }, a.session.token);
  await site.site.call('callNext', { deskId: a.deskId }, a.session.token);
  await site.site.call('startService', { visitId: serving }, a.session.token);
  await site.site.call('callNext', { deskId: b.deskId }, b.session.token);
  return { rec, a, b, parked, serving, called, waiting };
}

describe('the end of the day', () => {
  it('closes waiting and parked tickets at closing time as closed-end-of-day, and leaves those at a desk to their advisor', async () => {
    t = await openTestSite({ now: tuesday(10) });
    const s = t;
    const { parked, serving, called, waiting } = await busyDay(s);
    const events: DeskEvent[] = [];
    s.site.subscribe((e) => events.push(e));

    s.clock.set(tuesday(16, 59));
    s.site.tick();
    expect([parked, serving, called, waiting].map((id) => visitRow(s, id)!.status)).toEqual(['parked', 'serving', 'called', 'waiting']);
    expect(events).toEqual([]);

    s.clock.set(tuesday(17, 0));
    s.site.tick();
    for (const id of [parked, waiting]) {
      expect(visitRow(s, id)).toMatchObject({ status: 'closed', outcome: 'closed-end-of-day', finished_at: tuesday(17, 0) });
    }
    expect(visitRow(s, serving)!.status).toBe('serving');
    expect(visitRow(s, called)!.status).toBe('called');
    expect(events).toEqual([{ type: 'queue-changed', at: tuesday(17, 0) }]);
  });

  it('closes what an earlier day left open at the first start on a later day, and starts numbering again at 001', async () => {
    t = await openTestSite({ now: tuesday(10) });
    const s = t;
    const { parked, serving, called, waiting } = await busyDay(s);
    // The app was closed at lunchtime and only started again the next morning.
    s.clock.set(tuesday(8, 45, 1));
    await reopen(s);
    for (const id of [parked, serving, called, waiting]) {
      expect(visitRow(s, id)).toMatchObject({ status: 'closed', outcome: 'closed-end-of-day', finished_at: tuesday(8, 45, 1) });
    }
    expect(await s.site.call('listDeskSessions', {}, s.manager.token)).toEqual([]);
    expect(await s.site.call('getQueue', {}, s.manager.token)).toEqual([]);
    s.clock.set(tuesday(9, 0, 1));
    const rita = (await s.site.call('listSignInStaff', {}, null)).find((e) => e.name === 'Rita Reception')!;
    const rec = await s.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    expect((await issue(s, rec.token, 'C')).ticket.number).toBe('C001');
    expect((await issue(s, rec.token, 'B')).ticket.number).toBe('B001');
  });

  it('closes yesterday’s leftovers at the first tick of the new day when the app ran overnight', async () => {
    t = await openTestSite({ now: tuesday(10) });
    const s = t;
    const { serving, called } = await busyDay(s);
    s.clock.set(tuesday(23, 59));
    s.site.tick();
    expect(visitRow(s, serving)!.status).toBe('serving');
    s.clock.set(tuesday(0, 1, 1));
    s.site.tick();
    expect(visitRow(s, serving)).toMatchObject({ status: 'closed', outcome: 'closed-end-of-day' });
    expect(visitRow(s, called)).toMatchObject({ status: 'closed', outcome: 'closed-end-of-day' });
  });

  it('refuses new tickets from the last-ticket time unless a manager at the counter lets the visitor in with their PIN', async () => {
    t = await openTestSite({ now: tuesday(16, 29) });
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    expect((await issue(s, rec.token, 'C')).ticket.number).toBe('C001');
    s.clock.set(tuesday(16, 30));
    await expect(issue(s, rec.token, 'C')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('16:30') as unknown });
    // Being signed in as a manager is not consent: the manager's id and PIN are.
    await expect(issue(s, s.manager.token, 'C')).rejects.toMatchObject({ code: 'conflict' });
    expect((await issue(s, rec.token, 'C', { afterHours: lateManager(s) })).ticket.number).toBe('C002');
    expect(s.site.database.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 2 });
  });

  it('refuses tickets on a day the site is closed, unless a manager lets the visitor in', async () => {
    t = await openTestSite({ now: london(2026, 11, 28, 11) }); // a Saturday
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    await expect(issue(s, rec.token, 'C')).rejects.toMatchObject({ code: 'conflict' });
    expect((await issue(s, rec.token, 'C', { afterHours: lateManager(s) })).ticket.number).toBe('C001');
  });

  it('keeps today’s desks open through the day and closes them with it', async () => {
    t = await openTestSite({ now: tuesdayMorning });
    const s = t;
    await advisorAtDesk(s, 'Adam Advisor', 'Desk 1', ['C']);
    s.clock.set(tuesday(17, 30));
    s.site.tick();
    expect(s.site.database.prepare('SELECT count(*) AS n FROM desk_sessions').get()).toEqual({ n: 1 });
    s.clock.advance(day);
    s.site.tick();
    expect(s.site.database.prepare('SELECT count(*) AS n FROM desk_sessions').get()).toEqual({ n: 0 });
  });
});
