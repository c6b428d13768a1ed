import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/index.js';
import { openTestSite, staffSession, tuesdayMorning, type TestSite } from '../fixtures/temp-site.js';
import { advisorAtDesk, day, hour, issue, london, managerToken, minute, openAllHours, visitRow } from '../fixtures/queue-fixtures.js';

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const payslips: CallInput<'recordEvidence'>['items'] = [
  { kind: 'payslip', description: 'October and November payslips', count: 2, original: false, returned: true },
  { kind: 'tenancy-agreement', description: 'Tenancy, 3 Bold Street', count: 6, original: true, returned: true },
];

async function siteWithVisit(now = tuesdayMorning) {
  t = await openTestSite({ now });
  const s = t;
  await openAllHours(s);
  const rec = await staffSession(s, 'Rita Reception', 'receptionist');
  const visit = (await issue(s, rec.token, 'B', { name: 'Grace Ndlovu' })).ticket;
  return { s, rec, visit };
}

describe('evidence receipts', () => {
  it('numbers receipts R-yyyymmdd-NNN, uniquely, starting again each local day', async () => {
    const { s, rec, visit } = await siteWithVisit();
    const other = (await issue(s, rec.token, 'C')).ticket;
    const refs = [];
    refs.push((await s.site.call('recordEvidence', { visitId: visit.visitId, items: payslips }, rec.token)).reference);
    refs.push((await s.site.call('recordEvidence', { visitId: other.visitId, items: payslips }, rec.token)).reference);
    refs.push((await s.site.call('recordEvidence', { visitId: visit.visitId, items: payslips }, rec.token)).reference);
    expect(refs).toEqual(['R-20261124-001', 'R-20261124-002', 'R-20261124-003']);
    s.clock.advance(day);
    const token = managerToken(s);
    expect((await s.site.call('recordEvidence', { visitId: visit.visitId, items: payslips }, token)).reference).toBe('R-20261125-001');
    const all = s.site.database.prepare('SELECT reference FROM receipts').all() as Array<{ reference: string }>;
    expect(new Set(all.map((r) => r.reference)).size).toBe(4);
  });

  it('dates the reference by the local day: 00:30 BST on 11 June is the 11th, though still the 10th in UTC', async () => {
    const { s, visit } = await siteWithVisit(london(2026, 6, 10, 15));
    s.clock.set(Date.UTC(2026, 5, 10, 23, 30));
    const receipt = await s.site.call('recordEvidence', { visitId: visit.visitId, items: payslips }, managerToken(s));
    expect(receipt.reference).toBe('R-20260611-001');
  });

  it('records who received what, for which ticket, and reprints exactly the same receipt', async () => {
    const { s, rec, visit } = await siteWithVisit();
    const receipt = await s.site.call('recordEvidence', { visitId: visit.visitId, items: payslips }, rec.token);
    expect(receipt).toMatchObject({
      visitId: visit.visitId,
      ticketNumber: 'B001',
      visitorName: 'Grace Ndlovu',
      receivedAt: tuesdayMorning,
      receivedBy: { id: rec.staff.id, name: 'Rita Reception' },
      items: payslips,
      retentionDays: 28,
      deleteAfter: '2026-12-22',
    });
    s.clock.advance(3 * hour);
    // The advisor who calls the visitor may reprint it (docs/access.md, "Need to know").
    const { session: advisor, deskId } = await advisorAtDesk(s, 'Adam Advisor', 'Desk 1', ['B']);
    await s.site.call('callTicket', { deskId, visitId: visit.visitId }, advisor.token);
    expect(await s.site.call('getReceipt', { receiptId: receipt.id }, advisor.token)).toEqual(receipt);
    expect(await s.site.call('listReceipts', { visitId: visit.visitId }, advisor.token)).toEqual([receipt]);
    const audit = await s.site.call('listAudit', { limit: 5 }, managerToken(s));
    expect(audit.map((a) => [a.action, a.targetId])).toContainEqual(['receipt.view', receipt.id]);
  });

  it('refuses a receipt with no items or a bad one, naming every wrong field', async () => {
    const { s, rec, visit } = await siteWithVisit();
    await expect(s.site.call('recordEvidence', { visitId: visit.visitId, items: [] }, rec.token)).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: ['items'] }],
    });
    const bad = [{ kind: 'passport-photo', description: ' ', count: 0, original: true, returned: false }];
    const failure = await s.site.call('recordEvidence', { visitId: visit.visitId, items: bad }, rec.token).catch((e: unknown) => e);
    expect((failure as { issues: Array<{ path: unknown[] }> }).issues.map((i) => i.path)).toEqual([
      ['items', 0, 'kind'],
      ['items', 0, 'description'],
      ['items', 0, 'count'],
    ]);
    expect(s.site.database.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 0 });
  });

  it('states the retention line the purge keeps: kept through the day before deleteAfter, gone by the end of it', async () => {
    const { s, visit } = await siteWithVisit(london(2026, 3, 1, 10));
    // Recorded a week later: the record still goes with its visit, 28 days after the visit.
    s.clock.set(london(2026, 3, 8, 12));
    const receipt = await s.site.call('recordEvidence', { visitId: visit.visitId, items: payslips }, managerToken(s));
    expect(receipt.deleteAfter).toBe('2026-03-29');
    s.clock.set(london(2026, 3, 28, 23, 59));
    s.site.tick();
    expect(visitRow(s, visit.visitId)).toBeDefined();
    s.clock.set(london(2026, 3, 29, 23, 59));
    s.site.tick();
    expect(visitRow(s, visit.visitId)).toBeUndefined();
  });

  it('states a shortened retention on the receipt', async () => {
    const { s, rec, visit } = await siteWithVisit();
    await s.site.call('updateSettings', { retentionDays: 7, managerPin: '2468' }, managerToken(s));
    const receipt = await s.site.call('recordEvidence', { visitId: visit.visitId, items: payslips }, rec.token);
    expect(receipt).toMatchObject({ retentionDays: 7, deleteAfter: '2026-12-01' });
  });

  it('purges receipts with their visit, and refuses a new one on a visit already past retention', async () => {
    const { s, rec, visit } = await siteWithVisit();
    const receipts = [];
    for (let i = 0; i < 3; i += 1) receipts.push(await s.site.call('recordEvidence', { visitId: visit.visitId, items: payslips }, rec.token));
    s.clock.set(tuesdayMorning + 28 * day + minute);
    // Not purged yet (no tick since), but past retention: no new personal data is added to it.
    await expect(s.site.call('recordEvidence', { visitId: visit.visitId, items: payslips }, managerToken(s))).rejects.toMatchObject({
      code: 'conflict',
    });
    const entry = s.site.purge('hourly');
    expect(entry).toMatchObject({ visitsDeleted: 1, receiptsDeleted: 3 });
    for (const r of receipts) {
      await expect(s.site.call('getReceipt', { receiptId: r.id }, managerToken(s))).rejects.toMatchObject({ code: 'not-found' });
    }
    await expect(s.site.call('listReceipts', { visitId: visit.visitId }, managerToken(s))).rejects.toMatchObject({ code: 'not-found' });
    expect(s.site.database.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 0 });
  });
});
