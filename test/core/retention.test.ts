import { afterEach, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from '../fixtures/temp-site.js';
import { day, hour, issue, london, managerToken, minute, openAllHours, oracleCutoff, reopen, visitRow } from '../fixtures/queue-fixtures.js';

const zone = 'Europe/London';
let t: TestSite | undefined;

afterEach(() => {
  t?.close();
  t = undefined;
});

async function siteAt(now: number): Promise<TestSite> {
  t = await openTestSite({ now });
  await openAllHours(t);
  return t;
}

function purgeLogCount(site: TestSite): number {
  return (site.site.database.prepare('SELECT count(*) AS n FROM purge_log').get() as { n: number }).n;
}

describe('retention: the 28-day purge', () => {
  it('keeps a visit issued on 1 March 10:00 at every hourly purge before 29 March 10:00 and deletes it at the first one after, across the spring clock change', async () => {
    const issuedAt = london(2026, 3, 1, 10);
    const deadline = london(2026, 3, 29, 10);
    // 29 March 10:00 BST is 28 days less one hour after 1 March 10:00 GMT: counting 28 × 24 hours would be wrong here.
    expect(deadline - issuedAt).toBe(28 * day - hour);
    const s = await siteAt(issuedAt);
    const visit = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    s.clock.set(issuedAt + minute);
    const minuteLater = (await issue(s, managerToken(s), 'C')).ticket.visitId;

    // Purges every four hours for four weeks, every five minutes around the clock change and in the last two hours.
    const times = new Set<number>();
    for (let now = issuedAt + 59 * minute; now < deadline; now += 4 * hour) times.add(now);
    for (let now = london(2026, 3, 29, 0); now < london(2026, 3, 29, 3); now += 5 * minute) times.add(now);
    for (let now = deadline - 2 * hour; now < deadline; now += 5 * minute) times.add(now);
    times.add(deadline - 1);
    for (const now of [...times].sort((a, b) => a - b)) {
      s.clock.set(now);
      s.site.purge('hourly');
      expect(visitRow(s, visit), `purge at ${new Date(now).toISOString()}`).toBeDefined();
    }
    expect(purgeLogCount(s)).toBeGreaterThan(200);

    s.clock.set(deadline);
    s.site.purge('hourly');
    expect(visitRow(s, visit)).toBeDefined();
    s.clock.set(deadline + 1);
    s.site.purge('hourly');
    expect(visitRow(s, visit)).toBeUndefined();
    expect(visitRow(s, minuteLater)).toBeDefined();
    s.clock.set(deadline + minute + 1);
    s.site.purge('hourly');
    expect(visitRow(s, minuteLater)).toBeUndefined();
  });

  it('keeps a visit issued on 1 October 10:00 until 29 October 10:00, across the autumn clock change', async () => {
    const issuedAt = london(2026, 10, 1, 10);
    const deadline = london(2026, 10, 29, 10);
    // 28 days and one hour: a purge at 09:59 GMT on 29 October is already past 28 × 24 hours.
    expect(deadline - issuedAt).toBe(28 * day + hour);
    const s = await siteAt(issuedAt);
    const visit = (await issue(s, managerToken(s), 'B')).ticket.visitId;
    for (const now of [london(2026, 10, 25, 0, 59), london(2026, 10, 25, 1, 30), london(2026, 10, 29, 9, 30), london(2026, 10, 29, 9, 59), deadline]) {
      s.clock.set(now);
      s.site.tick();
      s.site.purge('manual');
      expect(visitRow(s, visit), `purge at ${new Date(now).toISOString()}`).toBeDefined();
    }
    s.clock.set(deadline + 1);
    s.site.purge('hourly');
    expect(visitRow(s, visit)).toBeUndefined();
  });

  it('purges a visit issued 29 days ago and keeps one issued 27 days ago', async () => {
    const now = london(2026, 11, 24, 12);
    const s = await siteAt(now - 29 * day);
    const old = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    s.clock.set(now - 28 * day - minute);
    const justPast = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    s.clock.set(now - 28 * day + minute);
    const justInside = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    s.clock.set(now - 27 * day);
    const recent = (await issue(s, managerToken(s), 'C')).ticket.visitId;

    s.clock.set(now);
    const entry = await s.site.call('runPurge', {}, managerToken(s));
    expect(entry).toMatchObject({ visitsDeleted: 2, trigger: 'manual', cutoff: oracleCutoff(now, zone, 28) });
    expect(visitRow(s, old)).toBeUndefined();
    expect(visitRow(s, justPast)).toBeUndefined();
    expect(visitRow(s, justInside)).toBeDefined();
    expect(visitRow(s, recent)).toBeDefined();
    const log = await s.site.call('listPurgeLog', {}, managerToken(s));
    expect(log[0]).toEqual(entry);
  });

  it('purges at startup, before any call is served, what expired while the app was closed for weeks', async () => {
    const s = await siteAt(london(2026, 9, 1, 10));
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      s.clock.set(london(2026, 9, 1 + i * 4, 10));
      ids.push((await issue(s, managerToken(s), 'H')).ticket.visitId);
    }
    s.clock.set(london(2026, 9, 1 + 4 * 4, 10) + 60 * day);
    await reopen(s);
    expect(ids.map((id) => visitRow(s, id))).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const log = await s.site.call('listPurgeLog', { limit: 1 }, managerToken(s));
    expect(log[0]).toMatchObject({ trigger: 'startup', visitsDeleted: 5, at: s.clock.now() });
  });

  it('purges once an hour from the tick, and again when the clock is put back', async () => {
    const s = await siteAt(london(2026, 11, 24, 10));
    const before = purgeLogCount(s);
    s.site.tick();
    expect(purgeLogCount(s)).toBe(before);
    s.clock.advance(59 * minute);
    s.site.tick();
    expect(purgeLogCount(s)).toBe(before);
    s.clock.advance(minute);
    s.site.tick();
    expect(purgeLogCount(s)).toBe(before + 1);
    s.clock.advance(-2 * day);
    s.site.tick();
    expect(purgeLogCount(s)).toBe(before + 2);
  });

  it('lets a manager shorten retention, never lengthen it past 28 days', async () => {
    const s = await siteAt(london(2026, 11, 1, 10));
    const visit = (await issue(s, managerToken(s), 'P')).ticket.visitId;
    await expect(s.site.call('updateSettings', { retentionDays: 29 }, managerToken(s))).rejects.toMatchObject({ code: 'invalid-input' });
    // A hand-edited setting cannot lengthen it either.
    s.site.database.prepare("INSERT INTO settings (key, value) VALUES ('retentionDays', '90') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    s.clock.set(london(2026, 11, 29, 10, 1));
    s.site.tick();
    expect(visitRow(s, visit)).toBeUndefined();

    s.clock.set(london(2026, 12, 1, 10));
    const second = (await issue(s, managerToken(s), 'P')).ticket.visitId;
    await s.site.call('updateSettings', { retentionDays: 7, managerPin: '2468' }, managerToken(s));
    s.clock.set(london(2026, 12, 8, 9, 59));
    s.site.purge('manual');
    expect(visitRow(s, second)).toBeDefined();
    s.clock.set(london(2026, 12, 8, 10, 1));
    s.site.purge('manual');
    expect(visitRow(s, second)).toBeUndefined();
  });

  it('gives the purged visits’ pages back, so the file shrinks', async () => {
    const s = await siteAt(london(2026, 10, 1, 10));
    for (let i = 0; i < 120; i += 1) await issue(s, managerToken(s), 'C', { reason: `${i} `.padEnd(480, 'x') });
    s.site.purge('manual');
    const pages = () => s.site.database.pragma('page_count', { simple: true }) as number;
    const full = pages();
    s.clock.set(london(2026, 10, 29, 10, 1));
    expect(s.site.purge('manual').visitsDeleted).toBe(120);
    expect(pages()).toBeLessThan(full - 10);
    expect(s.site.database.pragma('freelist_count', { simple: true })).toBe(0);
  });

  it('deletes anonymous daily figures older than their own, longer retention', async () => {
    const s = await siteAt(london(2026, 11, 24, 10));
    const insert = s.site.database.prepare(
      "INSERT INTO daily_stats (day, hour, service_id, desk_id, advisor_id, priority, outcome, issued) VALUES (?, 10, 1, 0, 0, 0, 'resolved', 1)",
    );
    insert.run('2024-11-23');
    insert.run('2024-11-24');
    insert.run('2026-10-01');
    s.site.purge('manual');
    const days = s.site.database.prepare('SELECT day FROM daily_stats ORDER BY day').all();
    expect(days).toEqual([{ day: '2024-11-24' }, { day: '2026-10-01' }]);
  });
});
