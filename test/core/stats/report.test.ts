import { afterEach, describe, expect, it } from 'vitest';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, day, issue, managerToken, minute, openAllHours, refusal, serviceIdOf, tuesday } from '../../fixtures/queue-fixtures.js';

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const visitorName = 'Zebedee Quixotic-Marsh';
const street = '17 Penny Lane';
const postcode = 'L18 1DE';
const reason = 'Overpaid my garden waste permit';

/**
 * Five days from Tuesday 24 November 2026, one ticket more each day: day n issues n + 1 tickets
 * for Council Tax; every one is called after 10 minutes; the first of each day is served for 5
 * minutes, the second is a no-show, any more are cancelled before being called.
 */
async function seedWeek(s: TestSite): Promise<{ issued: number; served: number; noShow: number; cancelled: number; called: number }> {
  await openAllHours(s);
  const rita = (await staffSession(s, 'Rita Reception', 'receptionist')).staff.id;
  const { session, deskId } = await advisorAtDesk(s, 'Adam Advisor', 'Desk 1', ['C']);
  const totals = { issued: 0, served: 0, noShow: 0, cancelled: 0, called: 0 };
  for (let n = 0; n < 5; n += 1) {
    const start = tuesday(10, 0, n);
    // A new day: both sign in again, and the desk opens again if the night closed it.
    s.clock.set(start - minute);
    const rec = await s.site.call('signIn', { staffId: rita, pin: '1357' }, null);
    const adam = { deskId, session: await s.site.call('signIn', { staffId: session.staff.id, pin: '1357' }, null) };
    const open = await s.site.call('listDeskSessions', {}, adam.session.token);
    if (!open.some((d) => d.deskId === deskId)) await s.site.call('openDesk', { deskId, serviceIds: [serviceIdOf(s, 'C')] }, adam.session.token);
    const tickets = [];
    for (let i = 0; i <= n; i += 1) {
      s.clock.set(start + i * minute);
      tickets.push(await issue(s, rec.token, 'C', { name: visitorName, addressLines: [street, 'Liverpool'], postcode, reason }));
    }
    totals.issued += tickets.length;
    for (const [i, ticket] of tickets.entries()) {
      const id = ticket.ticket.visitId;
      if (i >= 2) {
        await s.site.call('cancelTicket', { visitId: id }, rec.token);
        totals.cancelled += 1;
        continue;
      }
      s.clock.set(start + (10 + i * 10) * minute);
      await s.site.call('callTicket', { deskId: adam.deskId, visitId: id }, adam.session.token);
      totals.called += 1;
      if (i === 0) {
        await s.site.call('startService', { visitId: id }, adam.session.token);
        s.clock.set(start + 15 * minute);
        await s.site.call('finishService', { visitId: id, outcome: 'resolved' }, adam.session.token);
        totals.served += 1;
      } else {
        await s.site.call('markNoShow', { visitId: id }, adam.session.token);
        totals.noShow += 1;
      }
    }
  }
  return totals;
}

describe('the report', () => {
  it('adds every grouping up to the visits seeded, and reads the same after a purge rolls them into daily_stats', async () => {
    t = await openTestSite({ now: tuesday(8, 0) });
    const seeded = await seedWeek(t);
    t.clock.set(tuesday(18, 0, 5));
    const range = { from: '2026-11-20', to: '2026-12-05' };
    const before = await t.site.call('getReport', range, managerToken(t));
    expect(before.totals).toMatchObject({ key: 'total', label: 'All visits', ...seeded });
    expect(before.byDay.map((r) => [r.key, r.issued])).toEqual([
      ['2026-11-24', 1],
      ['2026-11-25', 2],
      ['2026-11-26', 3],
      ['2026-11-27', 4],
      ['2026-11-28', 5],
    ]);
    expect(before.byHour.map((r) => [r.label, r.issued])).toEqual([['10:00', 15]]);
    expect(before.byService).toEqual([expect.objectContaining({ label: 'Council Tax', issued: 15, called: 9, served: 5, noShow: 4, cancelled: 6, withinTarget: 5 })]);
    expect(before.byAdvisor.map((r) => [r.label, r.called, r.served])).toEqual([
      ['Not called', 0, 0],
      ['Adam Advisor', 9, 5],
    ]);
    expect(before.totals.serviceMsSum).toBe(5 * 5 * minute);
    expect(before.firstDay).toBe('2026-11-24');

    // 28 days after the third day's tickets: the first three days are purged, two remain.
    t.clock.set(tuesday(12, 0, 2) + 28 * day);
    const purged = t.site.purge('manual');
    expect(purged.visitsDeleted).toBe(1 + 2 + 3);
    const after = await t.site.call('getReport', range, managerToken(t));
    expect(after).toEqual(before);
  });

  it('exports CSV with every grouping and no visitor data; a formula in a name stays text; the export is audited', async () => {
    t = await openTestSite({ now: tuesday(8, 0) });
    await seedWeek(t);
    t.clock.set(tuesday(9, 0, 5));
    await t.site.call('createStaff', { name: '=HYPERLINK("http://x")', role: 'advisor', pin: '1357', managerPin: '2468' }, managerToken(t));
    const desk = await t.site.call('createDesk', { name: '+Desk 9' }, managerToken(t));
    const member = (await t.site.call('listStaff', {}, managerToken(t))).find((m) => m.name.startsWith('='))!;
    const session = await t.site.call('signIn', { staffId: member.id, pin: '1357' }, null);
    await t.site.call('openDesk', { deskId: desk.id, serviceIds: [1] }, session.token);
    await issue(t, (await staffSession(t, 'Rhea Reception', 'receptionist')).token, 'C', { name: visitorName, postcode, reason });
    await t.site.call('callNext', { deskId: desk.id }, session.token);

    const { fileName, csv } = await t.site.call('exportReportCsv', { from: '2026-11-24', to: '2026-11-29' }, managerToken(t));
    expect(fileName).toBe('one-stop-queue-report-2026-11-24-to-2026-11-29.csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'grouping,key,label,issued,called,served,no_show,cancelled,transferred,within_target,within_target_percent,average_wait_minutes,longest_wait_minutes,average_service_minutes,longest_service_minutes',
    );
    expect(lines[1]).toBe('total,total,All visits,16,10,5,4,6,0,6,60,12.6,19,5,5');
    expect(lines).toContain('day,2026-11-24,2026-11-24,1,1,1,0,0,0,1,100,10,10,5,5');
    expect(lines.filter((l) => l.startsWith('hour,')).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['hour,9,09:00,1', 'hour,10,10:00,15']);
    expect(lines.some((l) => l.startsWith(`advisor,${member.id},"'=HYPERLINK(""http://x"")",1,1,`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`desk,${desk.id},'+Desk 9,1,`))).toBe(true);
    for (const personal of [visitorName, 'Zebedee', street, postcode, 'L18', reason, 'garden']) expect(csv).not.toContain(personal);

    const audit = await t.site.call('listAudit', { limit: 5 }, managerToken(t));
    expect(audit[0]).toMatchObject({ action: 'report.export', staffId: t.manager.staff.id, targetType: null, targetId: null, outcome: 'ok' });
  });

  it('is empty on a new site, and refuses a range that ends before it starts', async () => {
    t = await openTestSite({ now: tuesday(8, 0) });
    const empty = await t.site.call('getReport', { from: '2026-11-01', to: '2026-11-30' }, t.manager.token);
    expect(empty).toMatchObject({ firstDay: null, byDay: [], byHour: [], totals: { issued: 0, called: 0, waitMsMax: 0 } });
    const failure = await refusal(t.site.call('getReport', { from: '2026-11-30', to: '2026-11-01' }, t.manager.token));
    expect(failure.code).toBe('invalid-input');
    expect(failure.issues?.[0]?.path).toEqual(['from']);
  });

  it('is for managers only', async () => {
    t = await openTestSite({ now: tuesday(8, 0) });
    for (const role of ['receptionist', 'advisor'] as const) {
      const who = await staffSession(t, `Someone ${role}`, role);
      for (const attempt of [
        t.site.call('getReport', { from: '2026-11-01', to: '2026-11-30' }, who.token),
        t.site.call('exportReportCsv', { from: '2026-11-01', to: '2026-11-30' }, who.token),
        t.site.call('previewRetention', { retentionDays: 7 }, who.token),
      ]) {
        expect((await refusal(attempt)).code).toBe('forbidden');
      }
    }
  });
});

describe('previewing a shorter retention', () => {
  it('counts the visits the next purge would delete, and changes nothing', async () => {
    t = await openTestSite({ now: tuesday(8, 0) });
    await seedWeek(t);
    // Friday 4 December, 11:00: 7 days back is Friday 27 November 11:00, after the 27th's tickets (10:00–10:03).
    t.clock.set(tuesday(11, 0, 10));
    const token = managerToken(t);
    const preview = await t.site.call('previewRetention', { retentionDays: 7 }, token);
    expect(preview).toEqual({ retentionDays: 7, cutoff: tuesday(11, 0, 3), visitsToDelete: 1 + 2 + 3 + 4 });
    expect((await t.site.call('previewRetention', { retentionDays: 28 }, token)).visitsToDelete).toBe(0);
    expect((await t.site.call('previewRetention', { retentionDays: 1 }, token)).visitsToDelete).toBe(15);
    expect(t.site.database.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 15 });
    expect((await t.site.call('getSettings', {}, token)).retentionDays).toBe(28);
    expect((await refusal(t.site.call('previewRetention', { retentionDays: 29 }, token))).code).toBe('invalid-input');
  });
});
