import { afterEach, describe, expect, it } from 'vitest';
import { historyGroupings } from '../../../shared/domain/stats.js';
import { openTestSite, type TestSite } from '../../fixtures/temp-site.js';
import { day, issue, managerToken, openAllHours, serviceIdOf } from '../../fixtures/queue-fixtures.js';

let t: TestSite;
afterEach(() => t?.close());

/** Every grouping's report for a range, as the manager sees it. */
function reports(from: string, to: string) {
  return Object.fromEntries(
    historyGroupings.map((groupBy) => [groupBy, t.site.callSync('getHistory', { from, to, groupBy }, managerToken(t))]),
  );
}

/** The same reports with the closed-day totals thrown away, so every visit is added up afresh. */
function reportsWithoutCache(from: string, to: string) {
  const db = t.site.database;
  const saved = db.prepare('SELECT * FROM closed_day_totals').all();
  db.prepare('DELETE FROM closed_day_totals').run();
  try {
    return reports(from, to);
  } finally {
    const columns = saved.length === 0 ? [] : Object.keys(saved[0] as object);
    const insert = columns.length === 0 ? null : db.prepare(`INSERT INTO closed_day_totals (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    for (const row of saved) insert!.run(row);
  }
}

async function busyDay(desk: { token: string; deskId: number }, tickets: number): Promise<void> {
  for (let i = 0; i < tickets; i += 1) {
    await issue(t, managerToken(t), i % 2 === 0 ? 'C' : 'B', i % 5 === 0 ? { priority: 'vulnerable' } : {});
    t.clock.advance(7 * 60_000);
  }
  for (;;) {
    const called = await t.site.call('callNext', { deskId: desk.deskId }, desk.token);
    if (called === null) break;
    t.clock.advance(3 * 60_000);
    if (called.number.endsWith('3')) {
      await t.site.call('markNoShow', { visitId: called.visitId }, desk.token);
      continue;
    }
    await t.site.call('startService', { visitId: called.visitId }, desk.token);
    t.clock.advance(9 * 60_000);
    await t.site.call('finishService', { visitId: called.visitId, outcome: 'resolved' }, desk.token);
  }
}

describe('closed-day totals', () => {
  it('give the same reports as adding every visit up, before and after a purge reaches into a cached day', async () => {
    t = await openTestSite({ now: Date.UTC(2026, 9, 20, 8, 0) });
    await openAllHours(t);
    const token = managerToken(t);
    await t.site.call('openDesk', { deskId: 1, serviceIds: [serviceIdOf(t, 'C'), serviceIdOf(t, 'B')] }, token);
    const desk = { token, deskId: 1 };
    // Twelve days (across the autumn clock change on 25 October), one closed at a time.
    for (let d = 0; d < 12; d += 1) {
      t.clock.set(Date.UTC(2026, 9, 20 + d, 8, 0));
      t.site.tick();
      await t.site.call('openDesk', { deskId: 1, serviceIds: [serviceIdOf(t, 'C'), serviceIdOf(t, 'B')] }, managerToken(t));
      desk.token = managerToken(t);
      await busyDay(desk, 4 + (d % 3));
    }
    t.clock.set(Date.UTC(2026, 10, 1, 9, 0));
    t.site.tick();
    const cachedDays = t.site.database.prepare("SELECT count(*) AS n FROM closed_day_totals WHERE grouping = 'day'").get() as { n: number };
    expect(cachedDays.n).toBe(12);

    const before = reports('2026-10-01', '2026-11-30');
    expect(before).toEqual(reportsWithoutCache('2026-10-01', '2026-11-30'));
    expect((before.day as Array<{ issued: number }>).reduce((n, r) => n + r.issued, 0)).toBe(12 * 4 + 4 * 1 + 4 * 2);

    // 28 days after 21 October 09:10 BST: the purge takes the first day whole and part of the second.
    const secondDay = () => (t.site.database.prepare('SELECT count(*) AS n FROM visits WHERE day = ?').get('2026-10-21') as { n: number }).n;
    const secondDayBefore = secondDay();
    t.clock.set(Date.UTC(2026, 10, 18, 9, 10));
    t.site.tick();
    expect(secondDay()).toBeGreaterThan(0);
    expect(secondDay()).toBeLessThan(secondDayBefore);
    expect(t.site.database.prepare("SELECT day FROM closed_day_totals WHERE grouping = 'day' ORDER BY day LIMIT 1").get()).toEqual({ day: '2026-10-22' });
    const after = reports('2026-10-01', '2026-11-30');
    expect(after).toEqual(before);
    expect(after).toEqual(reportsWithoutCache('2026-10-01', '2026-11-30'));
    // And once every visit is gone, still the same.
    t.clock.advance(40 * day);
    t.site.tick();
    expect(reports('2026-10-01', '2026-11-30')).toEqual(before);
  });
});
