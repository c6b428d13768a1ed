import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from '../fixtures/temp-site.js';
import { day, hour, issue, london, managerPin, managerToken, minute, openAllHours, oracleCutoff, oracleExpiry, visitRow } from '../fixtures/queue-fixtures.js';

/*
 * The edges of each retention rule (docs/design.md, "Retention"): a visit, its receipts and its
 * figures at the exact cut-off; the audit log's own year; the anonymous figures' two years.
 */

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

const payslip = [{ kind: 'payslip' as const, description: 'October payslip', count: 1, original: false, returned: true }];

function count(s: TestSite, sql: string, ...params: unknown[]): number {
  return (s.site.database.prepare(sql).get(...params) as { n: number }).n;
}

/** What the anonymous figures say was issued on a day, in daily_stats and in daily_totals' day grouping. */
function rolledIn(s: TestSite, localDay: string): { stats: number; totals: number } {
  return {
    stats: count(s, 'SELECT coalesce(sum(issued), 0) AS n FROM daily_stats WHERE day = ?', localDay),
    totals: count(s, "SELECT coalesce(sum(issued), 0) AS n FROM daily_totals WHERE grouping = 'day' AND day = ?", localDay),
  };
}

describe('retention at the exact cut-off', () => {
  it('keeps a visit issued exactly at the cut-off with its receipt and its figures not yet counted, then counts it once when it goes', async () => {
    const issuedAt = london(2026, 11, 2, 10);
    const s = await siteAt(issuedAt - minute);
    const older = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    s.clock.set(issuedAt);
    const atCutoff = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    const receipt = await s.site.call('recordEvidence', { visitId: atCutoff, items: payslip }, managerToken(s));
    const from = '2026-11-02';

    s.clock.set(oracleExpiry(issuedAt, zone, 28));
    expect(oracleCutoff(s.clock.now(), zone, 28)).toBe(issuedAt);
    const first = s.site.purge('manual');
    expect(first).toMatchObject({ cutoff: issuedAt, visitsDeleted: 1, receiptsDeleted: 0 });
    expect(visitRow(s, older)).toBeUndefined();
    expect(visitRow(s, atCutoff)).toBeDefined();
    expect(await s.site.call('getReceipt', { receiptId: receipt.id }, managerToken(s))).toEqual(receipt);
    // Only the visit that went is in the anonymous figures; the one kept is still counted from its row.
    expect(rolledIn(s, from)).toEqual({ stats: 1, totals: 1 });
    const report = () => s.site.callSync('getHistory', { from, to: from, groupBy: 'day' }, managerToken(s)) as Array<{ issued: number }>;
    expect(report().map((r) => r.issued)).toEqual([2]);

    s.clock.advance(1);
    const second = s.site.purge('hourly');
    expect(second).toMatchObject({ visitsDeleted: 1, receiptsDeleted: 1 });
    expect(visitRow(s, atCutoff)).toBeUndefined();
    expect(rolledIn(s, from)).toEqual({ stats: 2, totals: 2 });
    expect(report().map((r) => r.issued)).toEqual([2]);
    // Nothing left to take: a third purge counts nothing again.
    expect(s.site.purge('manual')).toMatchObject({ visitsDeleted: 0, receiptsDeleted: 0 });
    expect(rolledIn(s, from)).toEqual({ stats: 2, totals: 2 });
  });
});

describe('the audit log’s own retention', () => {
  it('keeps audit lines for a year, long after the visits they speak of are purged, and deletes each the instant it turns a year old', async () => {
    const start = london(2026, 1, 12, 9);
    const s = await siteAt(start);
    s.clock.set(start + 3 * hour);
    const visit = (await issue(s, managerToken(s), 'C')).ticket.visitId;
    const issueLine = s.site.database.prepare("SELECT id, at FROM audit WHERE action = 'visit.issue' AND target_id = ?").get(visit) as { id: number; at: number };
    const line = () => s.site.database.prepare('SELECT id FROM audit WHERE id = ?').get(issueLine.id);
    const linesBefore = (at: number) => count(s, 'SELECT count(*) AS n FROM audit WHERE at < ?', at);

    s.clock.set(start + 3 * hour + 29 * day);
    expect(s.site.purge('manual')).toMatchObject({ visitsDeleted: 1, auditDeleted: 0 });
    expect(visitRow(s, visit)).toBeUndefined();
    expect(line()).toBeDefined();

    // 364 days on, all still there.
    s.clock.set(start + 364 * day);
    expect(s.site.purge('manual').auditDeleted).toBe(0);

    // A year after the sign-in lines of the morning (09:00), before the issue line (12:00).
    s.clock.set(oracleExpiry(start, zone, 365) + 1);
    const due = linesBefore(oracleCutoff(s.clock.now(), zone, 365));
    expect(due).toBeGreaterThan(0);
    expect(s.site.purge('manual').auditDeleted).toBe(due);
    expect(linesBefore(start + 1)).toBe(0);
    expect(line()).toBeDefined();

    s.clock.set(oracleExpiry(issueLine.at, zone, 365));
    expect(s.site.purge('manual').auditDeleted).toBe(0);
    expect(line()).toBeDefined();
    s.clock.advance(1);
    expect(s.site.purge('manual').auditDeleted).toBe(1);
    expect(line()).toBeUndefined();
  });

  it('follows the audit retention a manager sets, not the visits’', async () => {
    const start = london(2026, 1, 12, 9);
    const s = await siteAt(start);
    await s.site.call('updateSettings', { auditRetentionDays: 60, managerPin }, managerToken(s));
    const lineCount = () => count(s, 'SELECT count(*) AS n FROM audit');
    s.clock.set(start + 59 * day);
    const before = lineCount();
    s.site.purge('manual');
    expect(lineCount()).toBe(before);
    s.clock.set(start + 61 * day);
    const due = count(s, 'SELECT count(*) AS n FROM audit WHERE at < ?', start + day);
    expect(due).toBeGreaterThan(0);
    expect(s.site.purge('manual').auditDeleted).toBe(due);
  });
});

describe('the anonymous figures’ retention', () => {
  it('deletes a day’s totals with its daily figures once they are older than the figures’ retention, and keeps the next day', async () => {
    const s = await siteAt(london(2026, 11, 24, 10));
    const stats = s.site.database.prepare(
      "INSERT INTO daily_stats (day, hour, service_id, desk_id, advisor_id, priority, outcome, issued) VALUES (?, 10, 1, 0, 0, 0, 'resolved', 1)",
    );
    const totals = s.site.database.prepare("INSERT INTO daily_totals (grouping, day, k, issued) VALUES ('day', ?, 0, 1), ('service', ?, 1, 1)");
    for (const d of ['2024-11-22', '2024-11-23', '2024-11-24', '2025-06-01']) {
      stats.run(d);
      totals.run(d, d);
    }
    // 730 days before 24 November 2026 is 24 November 2024: the days before it go.
    const entry = s.site.purge('manual');
    expect(entry.statsDeleted).toBe(2);
    const days = (table: string) => (s.site.database.prepare(`SELECT DISTINCT day FROM ${table} ORDER BY day`).all() as Array<{ day: string }>).map((r) => r.day);
    expect(days('daily_stats')).toEqual(['2024-11-24', '2025-06-01']);
    expect(days('daily_totals')).toEqual(['2024-11-24', '2025-06-01']);
  });

  it('follows the figures’ retention a manager sets', async () => {
    const s = await siteAt(london(2026, 11, 24, 10));
    await s.site.call('updateSettings', { statsRetentionDays: 100, managerPin }, managerToken(s));
    s.site.database.prepare("INSERT INTO daily_totals (grouping, day, k, issued) VALUES ('day', '2026-08-15', 0, 1), ('day', '2026-08-16', 0, 1)").run();
    s.site.purge('manual');
    expect(s.site.database.prepare('SELECT day FROM daily_totals ORDER BY day').all()).toEqual([{ day: '2026-08-16' }]);
  });
});

describe('the purge log', () => {
  it('records each purge’s counts and how long it took, measured from its own start', async () => {
    const s = await siteAt(london(2026, 11, 2, 10));
    for (let i = 0; i < 3; i += 1) await issue(s, managerToken(s), 'C');
    s.clock.set(london(2026, 11, 30, 10, 1));
    const before = performance.now();
    const entry = s.site.purge('hourly');
    const elapsed = performance.now() - before;
    expect(entry).toMatchObject({ at: s.clock.now(), cutoff: london(2026, 11, 2, 10, 1), visitsDeleted: 3, trigger: 'hourly' });
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    expect(entry.durationMs).toBeLessThanOrEqual(Math.ceil(elapsed));
    const [logged] = await s.site.call('listPurgeLog', { limit: 1 }, managerToken(s));
    expect(logged).toEqual(entry);
  });

  it('lists the newest first, a page at a time', async () => {
    const s = await siteAt(london(2026, 11, 2, 10));
    const triggers = ['manual', 'hourly', 'manual', 'hourly'] as const;
    const ids = triggers.map((trigger) => {
      s.clock.advance(hour);
      return s.site.purge(trigger).id;
    });
    const all = await s.site.call('listPurgeLog', {}, managerToken(s));
    expect(all.slice(0, 4).map((e) => e.id)).toEqual([...ids].reverse());
    // The startup purge came first, when the site opened.
    expect(all.at(-1)!.trigger).toBe('startup');
    const page = await s.site.call('listPurgeLog', { limit: 2, beforeId: ids[3] }, managerToken(s));
    expect(page.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    expect(page.map((e) => e.trigger)).toEqual(['manual', 'hourly']);
  });
});
