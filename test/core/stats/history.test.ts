import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryGrouping, HistoryRow } from '../../../shared/domain/stats.js';
import { historyGroupings } from '../../../shared/domain/stats.js';
import type { Session } from '../../../shared/domain/staff.js';
import { openTestSite, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, day, issue, managerToken, serviceIdOf, tuesday } from '../../fixtures/queue-fixtures.js';

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const m = 60_000;

/**
 * Two days at the front desk (Tuesday 24 and Wednesday 25 November 2026), every kind of ending:
 *  C001 09:00 called 09:10 at Desk 1 by Adam, served 09:10–09:25 (resolved)
 *  C002 09:30 priority, called 09:35 by Adam, no-show
 *  B001 10:15 cancelled at 10:20 by reception
 *  H001 10:30 called 10:50 at Desk 2 by Bea, transferred to Council Tax at 11:00, called 11:05 by Adam, served 11:05–11:17 (referred)
 *  B002 16:00 still waiting at 17:00: closed at the end of the day
 *  G001 Wed 09:00 called 09:30 at Desk 2 by Bea, served 09:31–09:39 (needs follow-up)
 */
async function twoDays(s: TestSite) {
  await s.site.call('updateSettings', { sessionIdleMinutes: 720 }, s.manager.token);
  await s.site.call('getSession', {}, s.manager.token);
  const rec = await s.site.call('createStaff', { name: 'Rita Reception', role: 'receptionist', pin: '1357', managerPin: '2468' }, managerToken(s));
  let r: Session = await s.site.call('signIn', { staffId: rec.id, pin: '1357' }, null);
  const adam = await advisorAtDesk(s, 'Adam Advisor', 'Desk 1', ['C']);
  const bea = await advisorAtDesk(s, 'Bea Advisor', 'Desk 2', ['H', 'G']);
  const a = adam.session.token;
  const b = bea.session.token;
  const go = async <T>(time: number, work: () => Promise<T>): Promise<T> => {
    s.clock.set(time);
    return work();
  };
  const c001 = await go(tuesday(9, 0), () => issue(s, r.token, 'C'));
  await go(tuesday(9, 10), () => s.site.call('callTicket', { deskId: adam.deskId, visitId: c001.ticket.visitId }, a));
  await go(tuesday(9, 10), () => s.site.call('startService', { visitId: c001.ticket.visitId }, a));
  await go(tuesday(9, 25), () => s.site.call('finishService', { visitId: c001.ticket.visitId, outcome: 'resolved' }, a));
  const c002 = await go(tuesday(9, 30), () => issue(s, r.token, 'C', { priority: 'vulnerable' }));
  await go(tuesday(9, 35), () => s.site.call('callTicket', { deskId: adam.deskId, visitId: c002.ticket.visitId }, a));
  await go(tuesday(9, 40), () => s.site.call('markNoShow', { visitId: c002.ticket.visitId }, a));
  const b001 = await go(tuesday(10, 15), () => issue(s, r.token, 'B'));
  await go(tuesday(10, 20), () => s.site.call('cancelTicket', { visitId: b001.ticket.visitId }, r.token));
  const h001 = await go(tuesday(10, 30), () => issue(s, r.token, 'H'));
  await go(tuesday(10, 50), () => s.site.call('callTicket', { deskId: bea.deskId, visitId: h001.ticket.visitId }, b));
  await go(tuesday(10, 51), () => s.site.call('startService', { visitId: h001.ticket.visitId }, b));
  await go(tuesday(11, 0), () => s.site.call('transferTicket', { visitId: h001.ticket.visitId, serviceId: serviceIdOf(s, 'C') }, b));
  await go(tuesday(11, 5), () => s.site.call('callNext', { deskId: adam.deskId }, a));
  await go(tuesday(11, 5), () => s.site.call('startService', { visitId: h001.ticket.visitId }, a));
  await go(tuesday(11, 17), () => s.site.call('finishService', { visitId: h001.ticket.visitId, outcome: 'referred' }, a));
  await go(tuesday(16, 0), () => issue(s, r.token, 'B'));
  s.clock.set(tuesday(17, 0));
  s.site.tick();

  s.clock.set(tuesday(8, 50, 1));
  s.site.tick();
  r = await s.site.call('signIn', { staffId: rec.id, pin: '1357' }, null);
  const bea2 = await s.site.call('signIn', { staffId: bea.session.staff.id, pin: '1357' }, null);
  await s.site.call('openDesk', { deskId: bea.deskId, serviceIds: [serviceIdOf(s, 'G')] }, bea2.token);
  const g001 = await go(tuesday(9, 0, 1), () => issue(s, r.token, 'G'));
  await go(tuesday(9, 30, 1), () => s.site.call('callNext', { deskId: bea.deskId }, bea2.token));
  await go(tuesday(9, 31, 1), () => s.site.call('startService', { visitId: g001.ticket.visitId }, bea2.token));
  await go(tuesday(9, 39, 1), () => s.site.call('finishService', { visitId: g001.ticket.visitId, outcome: 'needs-follow-up' }, bea2.token));
  return { adam, bea };
}

function row(key: string, label: string, f: Partial<HistoryRow>): HistoryRow {
  return { key, label, issued: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0, called: 0, withinTarget: 0, waitMsSum: 0, waitMsMax: 0, serviceMsSum: 0, serviceMsMax: 0, ...f };
}

/** C001, C002 and H001 (transferred to Council Tax), all at Desk 1 with Adam in the end. */
const councilTax = { issued: 3, served: 2, noShow: 1, transferred: 1, called: 3, withinTarget: 3, waitMsSum: 35 * m, waitMsMax: 20 * m, serviceMsSum: 27 * m, serviceMsMax: 15 * m };
const general = { issued: 1, served: 1, called: 1, waitMsSum: 30 * m, waitMsMax: 30 * m, serviceMsSum: 8 * m, serviceMsMax: 8 * m };

function allReports(s: TestSite, from = '2026-11-01', to = '2026-11-30'): Record<HistoryGrouping, HistoryRow[]> {
  const token = managerToken(s);
  return Object.fromEntries(historyGroupings.map((g) => [g, s.site.callSync('getHistory', { from, to, groupBy: g }, token)])) as Record<
    HistoryGrouping,
    HistoryRow[]
  >;
}

describe('history reports', () => {
  it('adds up a scripted two days by day, hour, service, desk and advisor', async () => {
    t = await openTestSite({ now: tuesday(8, 45) });
    const { adam, bea } = await twoDays(t);
    const r = allReports(t);
    expect(r.day).toEqual([
      row('2026-11-24', '2026-11-24', { ...councilTax, issued: 5, cancelled: 1 }),
      row('2026-11-25', '2026-11-25', general),
    ]);
    expect(r.hour).toEqual([
      row('9', '09:00', { issued: 3, served: 2, noShow: 1, called: 3, withinTarget: 2, waitMsSum: 45 * m, waitMsMax: 30 * m, serviceMsSum: 23 * m, serviceMsMax: 15 * m }),
      row('10', '10:00', { issued: 2, served: 1, cancelled: 1, transferred: 1, called: 1, withinTarget: 1, waitMsSum: 20 * m, waitMsMax: 20 * m, serviceMsSum: 12 * m, serviceMsMax: 12 * m }),
      row('16', '16:00', { issued: 1 }),
    ]);
    expect(r.service).toEqual([
      row(String(serviceIdOf(t, 'C')), 'Council Tax', councilTax),
      row(String(serviceIdOf(t, 'B')), 'Benefits', { issued: 2, cancelled: 1 }),
      row(String(serviceIdOf(t, 'G')), 'General enquiries', general),
    ]);
    expect(r.desk).toEqual([
      row('0', 'No desk', { issued: 2, cancelled: 1 }),
      row(String(adam.deskId), 'Desk 1', councilTax),
      row(String(bea.deskId), 'Desk 2', general),
    ]);
    expect(r.advisor).toEqual([
      row('0', 'Not called', { issued: 2, cancelled: 1 }),
      row(String(adam.session.staff.id), 'Adam Advisor', councilTax),
      row(String(bea.session.staff.id), 'Bea Advisor', general),
    ]);
    expect(allReports(t, '2026-11-25', '2026-11-25').day).toEqual([row('2026-11-25', '2026-11-25', general)]);
  });

  it('reads the same before the purge, halfway through it and after it, and never counts a visit twice however often it runs', async () => {
    t = await openTestSite({ now: tuesday(8, 45) });
    const s = t;
    await twoDays(s);
    const before = allReports(s);

    // Tuesday's visits before noon have gone, the rest not yet.
    s.clock.set(tuesday(12, 0, 28));
    s.site.tick();
    expect(s.site.database.prepare('SELECT number FROM visits ORDER BY id').all()).toEqual([{ number: 'B002' }, { number: 'G001' }]);
    expect(allReports(s)).toEqual(before);
    s.site.purge('manual');
    s.site.purge('startup');
    expect(allReports(s)).toEqual(before);

    s.clock.set(tuesday(12, 0, 29));
    s.site.tick();
    await s.site.call('runPurge', {}, managerToken(s));
    expect(s.site.database.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 });
    expect(allReports(s)).toEqual(before);
    const totals = s.site.database.prepare('SELECT sum(issued) AS issued, sum(served) AS served, sum(no_show) AS noShow FROM daily_stats').get();
    expect(totals).toEqual({ issued: 6, served: 3, noShow: 1 });

    s.clock.set(tuesday(12, 0, 29) + 300 * day);
    s.site.tick();
    expect(allReports(s)).toEqual(before);
  });

  it('keeps the reports once the advisor, desk and service are renamed or gone, by their ids', async () => {
    t = await openTestSite({ now: tuesday(8, 45) });
    const s = t;
    const { bea } = await twoDays(s);
    s.clock.set(tuesday(12, 0, 30));
    s.site.tick();
    await s.site.call('updateDesk', { deskId: bea.deskId, name: 'Desk 2 (window)' }, managerToken(s));
    await s.site.call('updateStaff', { staffId: bea.session.staff.id, active: false }, managerToken(s));
    const desk = allReports(s).desk.find((x) => x.key === String(bea.deskId));
    expect(desk).toEqual(row(String(bea.deskId), 'Desk 2 (window)', general));
    expect(allReports(s).advisor.find((x) => x.key === String(bea.session.staff.id))?.issued).toBe(1);
  });
});
